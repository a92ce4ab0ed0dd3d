package dev.craft.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.craft.core.InvalidInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Version numbers of a new revision: CSAF 2.0 {@code version_t}, integer or semantic versioning.
 */
class CsafRevisionsTest {
  @ParameterizedTest(name = "{0} with bump ''{1}'' becomes {2}")
  @CsvSource({
    "1, '', 2",
    "9, '', 10",
    "41, '', 42",
    "1.0.0, '', 1.1.0",
    "1.0.0, minor, 1.1.0",
    "1.0.0, patch, 1.0.1",
    "1.0.0, major, 2.0.0",
    "2.3.4, patch, 2.3.5",
    "2.3.4, major, 3.0.0",
    "1.2.0-rc.1, patch, 1.2.1",
    "1.2.0+build.7, minor, 1.3.0"
  })
  void theNextVersionFollowsTheDocumentsVersioningScheme(
      String current, String bump, String expected) {
    assertThat(CsafRevisions.next(current, bump)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} with bump ''{1}'' is refused")
  @CsvSource({"1, minor", "1.0.0, huge", "v1, ''", "1.0, ''"})
  void aBumpThatDoesNotFitTheVersionIsRefused(String current, String bump) {
    assertThatThrownBy(() -> CsafRevisions.next(current, bump))
        .isInstanceOf(InvalidInputException.class);
  }
}
