package dev.craft.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DueStateTest {
  private static final Instant DUE = Instant.parse("2026-10-02T09:00:00Z");

  @ParameterizedTest(name = "now {0}, window {1}h, submitted {2}: {3}")
  @CsvSource({
    "2026-10-01T09:00:00Z, 6, false, UPCOMING",
    "2026-10-02T02:59:59Z, 6, false, UPCOMING",
    "2026-10-02T03:00:00Z, 6, false, DUE_SOON",
    // "within 24 hours": the due instant itself is still on time.
    "2026-10-02T09:00:00Z, 6, false, DUE_SOON",
    "2026-10-02T09:00:01Z, 6, false, OVERDUE",
    "2026-10-01T09:00:00Z, 0, false, UPCOMING",
    "2026-10-03T09:00:00Z, 6, true, SUBMITTED",
  })
  void aDeadlineIsUpcomingDueSoonOverdueOrSubmitted(
      String now, long windowHours, boolean submitted, DueState expected) {
    assertThat(DueState.of(DUE, Instant.parse(now), Duration.ofHours(windowHours), submitted))
        .isEqualTo(expected);
  }

  @Test
  void aNegativeWindowIsRefused() {
    assertThatThrownBy(() -> DueState.of(DUE, DUE, Duration.ofHours(-1), false))
        .isInstanceOf(InvalidInputException.class);
  }
}
