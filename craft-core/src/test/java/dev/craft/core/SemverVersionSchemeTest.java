package dev.craft.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * node-semver's whitespace handling, which the TSV fixtures cannot hold: tabs and line breaks are
 * their separators, and the Unicode spaces are invisible there.
 */
class SemverVersionSchemeTest {
  private final VersionScheme npm = VersionSchemes.require("npm");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\t1.2.3\n",
        "\r\n1.2.3\u000b\f",
        "\u2003 1.2.3\u3000",
        "\u00a01.2.3\ufeff",
        "\u20281.2.3\u2029",
        "\u16801.2.3\u202f\u205f"
      })
  void npmTrimsWhateverJavaScriptTrimRemoves(String padded) {
    assertThat(npm.compare(padded, "1.2.3")).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.2.3\u200b", "\u00851.2.3", "1.2.3\u001f", "\u3000", "1.2.\t3"})
  void npmRejectsWhatJavaScriptTrimKeeps(String version) {
    assertThat(npm.isValid(version)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(ints = {VersionText.MAX_LENGTH, VersionText.MAX_LENGTH + 1})
  void npmChecksTheLengthBeforeTrimming(int length) {
    String padded = "1.2.3" + " ".repeat(length - "1.2.3".length());
    assertThat(npm.isValid(padded)).isEqualTo(length <= VersionText.MAX_LENGTH);
  }

  @ParameterizedTest
  @ValueSource(strings = {"cargo", "hex", "semver", "golang", "pub"})
  void otherSemverEcosystemsDoNotTrim(String ecosystem) {
    VersionScheme scheme = VersionSchemes.require(ecosystem);
    assertThat(scheme.isValid("1.2.3 ")).isFalse();
    assertThat(scheme.isValid("\u20031.2.3")).isFalse();
  }
}
