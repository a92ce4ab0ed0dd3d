package dev.craft.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.craft.core.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * vers ranges against release versions (the examples of the VERS specification and bom-examples).
 */
class VersRangeTest {
  @ParameterizedTest(name = "{1} in {0}: {2}")
  @CsvSource({
    "vers:semver/>=2.2.0|<=2.4.0, 2.2.0, true",
    "vers:semver/>=2.2.0|<=2.4.0, 2.3.9, true",
    "vers:semver/>=2.2.0|<=2.4.0, 2.4.0, true",
    "vers:semver/>=2.2.0|<=2.4.0, 2.4.1, false",
    "vers:semver/>=2.2.0|<=2.4.0, 2.1, false",
    "vers:generic/>=2.9|<=4.1, 3.0, true",
    "vers:generic/>=2.9|<=4.1, 4.5, false",
    "vers:generic/<1.0, 0.9, true",
    "vers:generic/<1.0, 1.0, false",
    "vers:generic/>5, 6, true",
    "vers:generic/1.0|2.0, 2.0, true",
    "vers:generic/1.0|2.0, 1.5, false",
    "vers:generic/!=1.0, 1.5, true",
    "vers:generic/!=1.0, 1.0, false",
    "vers:generic/*, 7, true",
    "vers:generic/<1.0|>=2.0|<3.0, 2.5, true",
    "vers:generic/<1.0|>=2.0|<3.0, 1.5, false",
  })
  void aReleaseVersionIsInARangeAsTheVersSpecificationSays(
      String range, String version, boolean in) {
    assertThat(VersRange.parse(range).contains(version)).isEqualTo(in);
  }

  @Test
  void somethingThatIsNotAVersRangeIsRefused() {
    assertThatThrownBy(() -> VersRange.parse("vers:generic"))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> VersRange.parse(">=1.0")).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> VersRange.parse("vers:generic/>="))
        .isInstanceOf(InvalidInputException.class);
  }
}
