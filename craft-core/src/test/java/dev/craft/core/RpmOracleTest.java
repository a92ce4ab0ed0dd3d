package dev.craft.core;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Differential test against rpm's own {@code labelCompare} (Debian package python3-rpm); skipped
 * where it is absent. The script splits {@code [epoch:]version[-release]} as rpm does and gives a
 * missing epoch the value 0.
 */
class RpmOracleTest {
  private static final String PYTHON = "/usr/bin/python3";
  private static final String SCRIPT =
      """
      import sys, rpm
      def evr(s):
          i = 0
          while i < len(s) and s[i].isdigit():
              i += 1
          e = "0"
          if i < len(s) and s[i] == ":":
              e, s = s[:i], s[i + 1:]
          r = None
          if "-" in s:
              s, r = s.rsplit("-", 1)
          return (e, s, r)
      for line in sys.stdin:
          a, b = line.rstrip("\\n").split("\\t")
          print("1 1 %d" % rpm.labelCompare(evr(a), evr(b)))
      """;

  @Test
  void ourRpmOrderMatchesLabelCompareOnGeneratedPairs() throws Exception {
    assumeTrue(
        ExternalOracle.exists(PYTHON) && ExternalOracle.works(PYTHON, "-c", "import rpm"),
        "python3-rpm is not installed: skipped");
    var gen = new VersionGenerator(4711);
    List<String> lines = OracleSupport.pairs(30_000, gen::rpm);
    OracleSupport.assertSameAnswers(
        new RpmVersionScheme(), lines, ExternalOracle.run(lines, PYTHON, "-c", SCRIPT));
  }
}
