package dev.craft.core;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Differential test against Ruby's {@code Gem::Version}; skipped where Ruby is absent. */
class RubyGemsOracleTest {
  private static final String SCRIPT =
      """
      STDIN.each_line do |line|
        a, b = line.chomp.split("\\t", -1)
        va = Gem::Version.correct?(a)
        vb = Gem::Version.correct?(b)
        if va && vb
          puts "1 1 #{Gem::Version.new(a) <=> Gem::Version.new(b)}"
        else
          puts "#{va ? 1 : 0} #{vb ? 1 : 0} x"
        end
      end
      """;

  @Test
  void ourRubyGemsOrderAndValidityMatchGemVersionOnGeneratedPairs() throws Exception {
    assumeTrue(
        ExternalOracle.works("ruby", "-e", "Gem::Version"), "ruby is not installed: skipped");
    var gen = new VersionGenerator(1993);
    List<String> lines = OracleSupport.pairs(30_000, gen::rubyGems);
    OracleSupport.assertSameAnswers(
        new RubyGemsVersionScheme(), lines, ExternalOracle.run(lines, "ruby", "-e", SCRIPT));
  }
}
