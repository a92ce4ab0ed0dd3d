package dev.craft.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EcosystemTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "maven|maven",
        "Maven|maven",
        "npm|npm",
        "PyPI|pypi",
        "Go|golang",
        "golang|golang",
        "crates.io|cargo",
        "cargo|cargo",
        "NuGet|nuget",
        "RubyGems|gem",
        "gem|gem",
        "Packagist|composer",
        "composer|composer",
        "Pub|pub",
        "Hex|hex",
        "Debian|deb",
        "Debian:12|deb",
        "Ubuntu:22.04:LTS|deb",
        "deb|deb",
        "Alpine|apk",
        "Alpine:v3.20|apk",
        "Wolfi|apk",
        "Red Hat|rpm",
        "Red Hat:enterprise_linux:9::appstream|rpm",
        "Rocky Linux:9|rpm",
        "AlmaLinux:8|rpm",
        "openSUSE:Leap 15.5|rpm",
        "SUSE:Linux Enterprise Server 15 SP5|rpm",
        "rpm|rpm",
        "semver|semver"
      })
  void purlTypesAndOsvNamesFindTheSameScheme(String name, String purlType) {
    assertThat(VersionSchemes.forEcosystem(name))
        .get()
        .extracting(VersionScheme::ecosystem)
        .isEqualTo(purlType);
  }

  @Test
  void anUnknownEcosystemIsEmptyAndRequireSaysWhichNameWasWrong() {
    assertThat(VersionSchemes.forEcosystem("cobol")).isEmpty();
    assertThatThrownBy(() -> VersionSchemes.require("cobol"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("unknown ecosystem \"cobol\"");
  }

  @Test
  void parsedVersionsOfDifferentEcosystemsAreNeverCompared() {
    ParsedVersion npm = VersionSchemes.require("npm").parse("1.0.0");
    ParsedVersion cargo = VersionSchemes.require("cargo").parse("1.0.0");
    assertThatThrownBy(() -> npm.compareTo(cargo)).isInstanceOf(InvalidVersionException.class);
  }

  @Test
  void aParsedVersionComparesLikeTheStringsAndKeepsItsText() {
    VersionScheme maven = VersionSchemes.require("maven");
    ParsedVersion a = maven.parse("1.0-RC1");
    assertThat(a.text()).isEqualTo("1.0-RC1");
    assertThat(a.compareTo(maven.parse("1.0"))).isEqualTo(-1);
    assertThat(a.compareTo(maven.parse("1.0-cr1"))).isZero();
  }

  @Test
  void overlongAndControlCharacterVersionsAreRefusedWithTheReason() {
    for (Ecosystem e : Ecosystem.values()) {
      VersionScheme scheme = e.versionScheme();
      assertThatThrownBy(() -> scheme.parse("1".repeat(VersionText.MAX_LENGTH + 1)))
          .isInstanceOf(InvalidVersionException.class)
          .hasMessageContaining("longer than");
      assertThat(scheme.isValid("1.0.0\u0000")).as(e.name()).isFalse();
      assertThat(scheme.isValid("")).as(e.name()).isFalse();
    }
  }

  @Test
  void theExceptionCarriesTheBareReasonForLineOrientedOutput() {
    var e =
        org.junit.jupiter.api.Assertions.assertThrows(
            InvalidVersionException.class, () -> VersionSchemes.require("npm").parse("1.2"));
    assertThat(e.reason()).isEqualTo("expected MAJOR.MINOR.PATCH");
    assertThat(e).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void everyLookupOfAnEcosystemGivesItsOneScheme() {
    // The matcher keeps a component's parsed version per scheme instance (Matcher.VersionForms).
    for (Ecosystem e : Ecosystem.values()) {
      assertThat(e.versionScheme()).isSameAs(e.versionScheme());
      assertThat(VersionSchemes.require(e.purlType())).isSameAs(e.versionScheme());
    }
  }
}
