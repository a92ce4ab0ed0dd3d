package dev.craft.bench;

import dev.craft.core.ParsedVersion;
import dev.craft.core.VersionScheme;
import dev.craft.core.VersionSchemes;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The per-ecosystem version comparators: parsing (what the matcher does once per component version
 * and once per range bound) and comparing parsed versions (what it does per bound). Each
 * ecosystem's set holds versions in the shapes its advisories use: pre-releases, epochs, tildes,
 * build metadata, pseudo-versions.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class ComparatorBenchmark {
  private static final Map<String, List<String>> VERSIONS =
      Map.ofEntries(
          Map.entry(
              "maven",
              List.of(
                  "1.0",
                  "1.0.1",
                  "2.14.1",
                  "2.15.0-rc1",
                  "1.0-SNAPSHOT",
                  "3.0.0.Final",
                  "9.0.0.M1")),
          Map.entry(
              "npm", List.of("1.2.3", "1.2.4-rc.1", "0.0.1", "10.20.30", "2.0.0-beta.2+build.7")),
          Map.entry("pypi", List.of("1.0", "1.0.post1", "2.0rc1", "1!2.0", "1.10.0.dev3", "2.2")),
          Map.entry(
              "golang",
              List.of(
                  "v1.2.3", "1.5.0", "v0.0.0-20210101000000-abcdefabcdef", "v2.0.0+incompatible")),
          Map.entry("cargo", List.of("1.0.0", "0.9.0-alpha.1", "2.3.4")),
          Map.entry("nuget", List.of("1.0.0", "1.0.0.1", "2.0.0-preview.1", "4.7")),
          Map.entry("gem", List.of("1.0", "1.0.a", "2.3.4.pre", "5.2.4.3")),
          Map.entry("composer", List.of("1.0.0", "v2.3", "1.0.0-beta2", "3.4.5-RC1")),
          Map.entry(
              "deb", List.of("1:2.30-1", "3.0.11-1~deb12u2", "1.1.1w-0+deb11u1", "2.4-1ubuntu1")),
          Map.entry("rpm", List.of("1.0-1.el9", "2:3.0.7-18.el9_2", "1.0~rc1-1", "5.1^20230101-1")),
          Map.entry("apk", List.of("3.1.4-r0", "1.36.1-r5", "2.0_rc1-r0", "1.2.3_p1-r1")));

  @Param({
    "maven",
    "npm",
    "pypi",
    "golang",
    "cargo",
    "nuget",
    "gem",
    "composer",
    "deb",
    "rpm",
    "apk"
  })
  String ecosystem;

  VersionScheme scheme;
  List<String> texts;
  ParsedVersion[] parsed;

  @Setup
  public void setUp() {
    scheme = VersionSchemes.require(ecosystem);
    texts = VERSIONS.get(ecosystem);
    parsed = texts.stream().map(scheme::parse).toArray(ParsedVersion[]::new);
  }

  /** Parses every version of the set (time per set, not per version). */
  @Benchmark
  public void parse(Blackhole bh) {
    for (String t : texts) {
      bh.consume(scheme.parse(t));
    }
  }

  /** Compares every ordered pair of the parsed set (n² comparisons per operation). */
  @Benchmark
  public void compare(Blackhole bh) {
    for (ParsedVersion a : parsed) {
      for (ParsedVersion b : parsed) {
        bh.consume(a.compareTo(b));
      }
    }
  }
}
