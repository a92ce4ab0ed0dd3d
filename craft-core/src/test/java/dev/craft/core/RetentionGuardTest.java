package dev.craft.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetentionGuardTest {
  /**
   * Art. 13(13): documentation 10 years or the support period; 13(9): updates 10 years after issue.
   */
  @ParameterizedTest(name = "placed {0}, support end {1}, issued {2} -> kept until {3}")
  @CsvSource({
    "2026-01-01, 2031-01-01,           , 2036-01-01",
    "2026-01-01, 2040-06-30,           , 2040-06-30",
    "2026-01-01, 2031-01-01, 2030-12-01, 2040-12-01",
    "2026-01-01, 2031-01-01, 2032-01-01, 2036-01-01",
    "2026-01-01,           ,           , 2036-01-01"
  })
  void theHorizonIsTheLatestRetentionDutyAndDeletionBeforeItIsAConflict(
      LocalDate placed, LocalDate supportEnd, LocalDate issued, LocalDate until) {
    var horizon =
        RetentionGuard.horizon(
            Optional.of(placed), Optional.ofNullable(supportEnd), Optional.ofNullable(issued));
    assertThat(horizon).contains(until);
    assertThatThrownBy(
            () ->
                RetentionGuard.checkDeletable(
                    "release 1.0",
                    Optional.of(placed),
                    Optional.ofNullable(supportEnd),
                    Optional.ofNullable(issued),
                    until))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("must be kept until " + until)
        .hasMessageContaining("Art. 13(9), 13(13)");
    assertThatCode(
            () ->
                RetentionGuard.checkDeletable(
                    "release 1.0",
                    Optional.of(placed),
                    Optional.ofNullable(supportEnd),
                    Optional.ofNullable(issued),
                    until.plusDays(1)))
        .doesNotThrowAnyException();
  }
}
