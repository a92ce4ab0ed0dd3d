package dev.craft.core;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Differential test against {@code dpkg --compare-versions}; skipped where dpkg is absent. */
class DpkgOracleTest {
  private static final String SCRIPT =
      """
      while IFS="$(printf '\\t')" read -r a b; do
        if dpkg --compare-versions "$a" lt "$b"; then echo "1 1 -1";
        elif dpkg --compare-versions "$a" eq "$b"; then echo "1 1 0";
        else echo "1 1 1"; fi
      done
      """;

  @Test
  void ourDebianOrderMatchesDpkgOnGeneratedPairs() throws Exception {
    assumeTrue(ExternalOracle.works("dpkg", "--version"), "dpkg is not installed: skipped");
    var gen = new VersionGenerator(7);
    var scheme = new DebianVersionScheme();
    // One dpkg process per comparison, so the set is smaller than for in-process oracles.
    List<String> lines = OracleSupport.pairs(1_500, gen::debian);
    OracleSupport.assertSameAnswers(scheme, lines, ExternalOracle.run(lines, "sh", "-c", SCRIPT));
  }
}
