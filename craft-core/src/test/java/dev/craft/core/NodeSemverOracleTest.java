package dev.craft.core;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Differential test against node-semver as Debian packages it ({@code node-semver}, installed under
 * /usr/share/nodejs); skipped where node or the package is absent.
 */
class NodeSemverOracleTest {
  private static final String SEMVER = "/usr/share/nodejs/semver/functions/";
  private static final String SCRIPT =
      """
      const parse = require('%1$sparse');
      const compare = require('%1$scompare');
      const out = [];
      for (const line of require('fs').readFileSync(0, 'utf8').split('\\n')) {
        if (line === '') continue;
        const [a, b] = line.split('\\t');
        const x = parse(a), y = parse(b);
        out.push(x && y ? `1 1 ${compare(x, y)}` : `${x ? 1 : 0} ${y ? 1 : 0} x`);
      }
      console.log(out.join('\\n'));
      """
          .formatted(SEMVER);

  @Test
  void ourNpmOrderAndValidityMatchNodeSemverOnGeneratedPairs() throws Exception {
    assumeTrue(
        ExternalOracle.works("node", "-e", "require('" + SEMVER + "compare')"),
        "node with Debian's node-semver is not available: skipped");
    var gen = new VersionGenerator(2015);
    List<String> lines = OracleSupport.pairs(30_000, gen::npm);
    OracleSupport.assertSameAnswers(
        SemverVersionScheme.npm(), lines, ExternalOracle.run(lines, "node", "-e", SCRIPT));
  }
}
