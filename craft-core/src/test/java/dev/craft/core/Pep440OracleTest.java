package dev.craft.core;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Differential test against Python's {@code packaging.version}; skipped where it is absent. */
class Pep440OracleTest {
  private static final String SCRIPT =
      """
      import sys
      from packaging.version import Version, InvalidVersion
      def parse(s):
          try:
              return Version(s)
          except InvalidVersion:
              return None
      for line in sys.stdin:
          a, b = line.rstrip("\\n").split("\\t")
          x, y = parse(a), parse(b)
          if x is None or y is None:
              print(f"{int(x is not None)} {int(y is not None)} x")
          else:
              print(f"1 1 {(x > y) - (x < y)}")
      """;

  @Test
  void ourPep440OrderAndValidityMatchPackagingOnGeneratedPairs() throws Exception {
    assumeTrue(
        ExternalOracle.works("python3", "-c", "import packaging.version"),
        "python3 with the packaging module is not available: skipped");
    var gen = new VersionGenerator(440);
    List<String> lines = OracleSupport.pairs(30_000, gen::pep440);
    OracleSupport.assertSameAnswers(
        new Pep440VersionScheme(), lines, ExternalOracle.run(lines, "python3", "-c", SCRIPT));
  }
}
