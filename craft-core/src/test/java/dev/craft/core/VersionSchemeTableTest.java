package dev.craft.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Table tests from each ecosystem's specification, one fixture file per ecosystem under {@code
 * src/test/resources/versions}. Lines are {@code A<TAB>op<TAB>B} with op {@code <}, {@code =} or
 * {@code >}; {@code invalid<TAB>A} for a refused version; {@code unordered<TAB>A<TAB>B} for two
 * valid versions the ecosystem cannot order.
 */
class VersionSchemeTableTest {
  private static final List<String> ECOSYSTEMS =
      List.of(
          "maven",
          "npm",
          "pypi",
          "golang",
          "cargo",
          "nuget",
          "gem",
          "composer",
          "pub",
          "hex",
          "deb",
          "rpm",
          "apk",
          "semver");

  static Stream<Arguments> rows() throws IOException {
    List<Arguments> rows = new ArrayList<>();
    for (String ecosystem : ECOSYSTEMS) {
      String name = "/versions/" + ecosystem + ".tsv";
      try (InputStream in = VersionSchemeTableTest.class.getResourceAsStream(name)) {
        assertThat(in).as(name).isNotNull();
        for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
          if (!line.startsWith("#") && !line.isBlank()) {
            rows.add(Arguments.of(ecosystem, List.of(line.split("\t", -1))));
          }
        }
      }
    }
    return rows.stream();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("rows")
  void eachFixtureRowHoldsForItsEcosystem(String ecosystem, List<String> row) {
    VersionScheme scheme = VersionSchemes.require(ecosystem);
    switch (row.getFirst()) {
      case "invalid" -> {
        String version = row.get(1);
        assertThat(scheme.isValid(version)).isFalse();
        assertThatThrownBy(() -> scheme.compare(version, version))
            .isInstanceOf(InvalidVersionException.class)
            .hasMessageStartingWith("invalid " + ecosystem + " version");
      }
      case "unordered" ->
          assertThatThrownBy(() -> scheme.compare(row.get(1), row.get(2)))
              .isInstanceOf(InvalidVersionException.class)
              .hasMessageContaining("cannot be ordered");
      default -> {
        int expected =
            switch (row.get(1)) {
              case "<" -> -1;
              case "=" -> 0;
              case ">" -> 1;
              default -> throw new IllegalArgumentException("bad operator in " + row);
            };
        assertThat(scheme.compare(row.get(0), row.get(2))).as("compare(A, B)").isEqualTo(expected);
        assertThat(scheme.compare(row.get(2), row.get(0))).as("compare(B, A)").isEqualTo(-expected);
        assertThat(scheme.isValid(row.get(0)) && scheme.isValid(row.get(2))).isTrue();
      }
    }
  }
}
