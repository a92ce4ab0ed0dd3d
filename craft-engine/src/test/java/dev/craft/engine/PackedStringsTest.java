package dev.craft.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PackedStringsTest {

  @Test
  void aSetOfFewEntriesIsLeftToSetCopyOf() {
    assertThat(PackedStrings.of(List.of("1.0", "1.1"))).isNotInstanceOf(PackedStrings.class);
    assertThat(PackedStrings.of(List.of("1.0", "1.1", "1.2", "1.3")))
        .isInstanceOf(PackedStrings.class);
  }

  @Test
  void entriesWithTheSameHashCodeAreToldApart() {
    // "Aa" and "BB" have the same String.hashCode, and so do their concatenations.
    assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
    Set<String> set = PackedStrings.of(List.of("AaAa", "BBBB", "AaBB", "1.0", "Aa"));
    assertThat(set).contains("AaAa", "BBBB", "AaBB", "1.0", "Aa");
    assertThat(set.contains("BBAa")).isFalse();
    assertThat(set.contains("BB")).isFalse();
    assertThat(set.contains("AaA")).isFalse();
    assertThat(set.contains(42)).isFalse();
    assertThat(set).hasSize(5);
  }

  @Test
  void duplicatesAreKeptOnce() {
    Set<String> set = PackedStrings.of(List.of("1.0", "1.0", "2.0", "3.0", "4.0", "2.0"));
    assertThat(set).hasSize(4).containsExactlyInAnyOrder("1.0", "2.0", "3.0", "4.0");
  }

  @Test
  void randomListsAnswerAsAHashSetDoes() {
    var random = new Random(7);
    for (int round = 0; round < 200; round++) {
      var values = new HashSet<String>();
      int n = 4 + random.nextInt(80);
      while (values.size() < n) {
        values.add(version(random));
      }
      Set<String> packed = PackedStrings.of(values);
      assertThat(packed).hasSize(values.size());
      assertThat(new HashSet<>(packed)).isEqualTo(values);
      assertThat(packed).isEqualTo(values);
      assertThat(values).isEqualTo(packed);
      assertThat(packed.hashCode()).isEqualTo(values.hashCode());
      for (int probe = 0; probe < 50; probe++) {
        String v = version(random);
        assertThat(packed.contains(v)).as(v).isEqualTo(values.contains(v));
      }
    }
  }

  @Test
  void textBeyondLatin1IsKept() {
    Set<String> set = PackedStrings.of(List.of("1.0-ä", "1.0-日本", "2", "3"));
    assertThat(set).contains("1.0-ä", "1.0-日本").doesNotContain("1.0-a");
  }

  private static String version(Random random) {
    return random.nextInt(4) + "." + random.nextInt(12) + (random.nextBoolean() ? ".post1" : "");
  }
}
