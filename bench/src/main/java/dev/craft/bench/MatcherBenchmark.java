package dev.craft.bench;

import dev.craft.engine.AdvisoryIndex;
import dev.craft.engine.Matcher;
import dev.craft.engine.ScanComponent;
import dev.craft.formats.EpssScores;
import dev.craft.formats.KevCatalog;
import dev.craft.formats.OsvRecord;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Scans an SBOM against a loaded index, and builds the index from parsed records. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx3g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class MatcherBenchmark {
  @Param({"200000"})
  int advisories;

  @Param({"10000"})
  int components;

  private List<OsvRecord> records = List.of();
  private AdvisoryIndex index = AdvisoryIndex.builder().build();
  private List<ScanComponent> sbom = List.of();

  @Setup(Level.Trial)
  public void setUp() {
    records = AdvisorySets.scaled(AdvisorySets.real(), advisories);
    index = build(records);
    sbom = AdvisorySets.sbom(records, components, 42);
  }

  private static AdvisoryIndex build(List<OsvRecord> records) {
    var builder = AdvisoryIndex.builder();
    records.forEach(builder::add);
    return builder.build();
  }

  /** 10,000 components against the loaded index (the "well under 1 s" target). */
  @Benchmark
  public Matcher.Result scan() {
    return new Matcher(index, KevCatalog.EMPTY, EpssScores.EMPTY).scan(sbom);
  }

  /** Building the index from already parsed records (bounds parsed, severity scored). */
  @Benchmark
  @Warmup(iterations = 1, time = 1)
  @Measurement(iterations = 3, time = 1)
  public AdvisoryIndex buildIndex() {
    return build(records);
  }
}
