package dev.craft.bench;

import dev.craft.engine.QualityProfiles;
import dev.craft.engine.QualityReport;
import dev.craft.formats.ReadLimits;
import dev.craft.formats.SbomReadResult;
import dev.craft.formats.SbomReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Read (detect, validate against the schema, parse, normalise) a 10,000-component CycloneDX 1.6
 * JSON SBOM, and check it against both quality profiles. The document comes from {@code
 * bench/gen-sbom.py}: pass its path with {@code -Dcraft.bench.sbom=FILE}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SbomParseBenchmark {
  byte[] document;
  SbomReadResult parsed;

  @Setup
  public void load() throws IOException {
    document =
        Files.readAllBytes(Path.of(System.getProperty("craft.bench.sbom", "/tmp/sbom10k.json")));
    parsed = SbomReader.read(document, ReadLimits.DEFAULT);
  }

  @Benchmark
  public SbomReadResult readAndValidate() {
    return SbomReader.read(document, ReadLimits.DEFAULT);
  }

  @Benchmark
  public QualityReport tr031832Profile() {
    return QualityProfiles.check(parsed.sbom(), QualityProfiles.TR_03183_2);
  }
}
