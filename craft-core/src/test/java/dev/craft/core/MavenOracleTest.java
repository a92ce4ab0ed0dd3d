package dev.craft.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.artifact.versioning.ComparableVersion;
import org.junit.jupiter.api.Test;

/** Differential test against Maven's own ComparableVersion (test scope only). */
class MavenOracleTest {
  @Test
  void ourMavenOrderMatchesComparableVersionOnGeneratedPairs() {
    var gen = new VersionGenerator(42);
    var scheme = new MavenVersionScheme();
    List<String> lines = OracleSupport.pairs(100_000, gen::maven);
    List<String> differences = new ArrayList<>();
    for (String line : lines) {
      String[] ab = line.split("\t");
      int expected =
          Integer.signum(new ComparableVersion(ab[0]).compareTo(new ComparableVersion(ab[1])));
      if (scheme.compare(ab[0], ab[1]) != expected) {
        differences.add(line + " expected " + expected);
      }
    }
    assertThat(differences).isEmpty();
  }
}
