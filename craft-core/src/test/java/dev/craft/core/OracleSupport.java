package dev.craft.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Builds pair lines for an oracle and checks that its answers match ours, line by line. */
final class OracleSupport {
  private OracleSupport() {}

  static List<String> pairs(int count, Supplier<String> generator) {
    List<String> lines = new ArrayList<>(count);
    List<String> seen = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String a = generator.get();
      // Reuse earlier versions now and then so that equal and near-equal pairs occur.
      String b = !seen.isEmpty() && i % 4 == 0 ? seen.get(i % seen.size()) : generator.get();
      seen.add(a);
      lines.add(a + "\t" + b);
    }
    return lines;
  }

  /** "1 1 -1" for a valid pair and its order, "0 1 x" when a side is invalid. */
  static String ours(VersionScheme scheme, String line) {
    String[] ab = line.split("\t", -1);
    boolean va = scheme.isValid(ab[0]);
    boolean vb = scheme.isValid(ab[1]);
    if (!va || !vb) {
      return (va ? 1 : 0) + " " + (vb ? 1 : 0) + " x";
    }
    return "1 1 " + scheme.compare(ab[0], ab[1]);
  }

  /** Compares our answers with the oracle's and reports the first few differences. */
  static void assertSameAnswers(VersionScheme scheme, List<String> lines, List<String> oracle) {
    assertThat(oracle).as("one oracle answer per pair").hasSameSizeAs(lines);
    List<String> differences = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String mine = ours(scheme, lines.get(i));
      if (!mine.equals(oracle.get(i).strip())) {
        differences.add(
            lines.get(i).replace("\t", "  vs  ") + ": ours " + mine + ", oracle " + oracle.get(i));
      }
    }
    assertThat(differences).as("pairs where we differ from the reference").isEmpty();
  }
}
