package dev.craft.formats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which of two feed timestamps is later. */
class TimestampsTest {
  @ParameterizedTest(name = "{0} later than {1}: {2}")
  @CsvSource({
    // instants, whatever their offset
    "2025-06-01T00:00:00+01:00, 2025-05-31T22:00:00Z, true",
    "2025-05-31T22:00:00Z, 2025-06-01T00:00:00+01:00, false",
    "2025-01-01T00:00:00.5Z, 2025-01-01T00:00:00Z, true",
    // an instant is later than text that is none, which as text would sort after every date
    "2025-08-01T00:00:00Z, yesterday, true",
    "yesterday, 2025-08-01T00:00:00Z, false",
    "2025-08-01T00:00:00Z, '', true",
    // NVD's lastModified has no offset: compared as text
    "2025-01-02T00:00:00.000, 2025-01-01T23:00:00.000, true",
    "2025-01-01T00:00:00.000, 2025-01-01T00:00:00.000, false"
  })
  void laterIsDecidedAsTimeWhereBothAreTimes(String candidate, String known, boolean later) {
    assertThat(Timestamps.isLater(candidate, known)).isEqualTo(later);
  }
}
