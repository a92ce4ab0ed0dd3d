package dev.craft.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetentionRulesTest {
  @ParameterizedTest(name = "placed {0}, support end {1}: documentation until {2}")
  @CsvSource({
    // Art. 13(13): 10 years after placing on the market or the support period, whichever is longer.
    "2028-01-15, 2033-01-31, 2038-01-15",
    "2028-01-15, 2040-06-30, 2040-06-30",
    "2028-01-15, 2038-01-15, 2038-01-15",
    // 29 February + 10 years: 28 February.
    "2028-02-29, 2033-02-28, 2038-02-28",
  })
  void documentationIsKeptForTheLongerOfTenYearsAndTheSupportPeriod(
      String placed, String end, String until) {
    var period = new SupportPeriod(LocalDate.parse(placed), LocalDate.parse(end));
    assertThat(RetentionRules.documentationUntil(period)).isEqualTo(until);
  }

  @ParameterizedTest(name = "support end {0}, update {1}: available until {2}")
  @CsvSource({
    // Art. 13(9): 10 years after issue or the remainder of the support period, whichever is longer.
    "2033-01-31, 2032-05-01, 2042-05-01",
    "2045-12-31, 2030-03-01, 2045-12-31",
    "2033-01-31, 2033-01-31, 2043-01-31",
  })
  void eachSecurityUpdateStaysAvailableForTheLongerOfTenYearsAndTheRestOfTheSupport(
      String end, String issued, String until) {
    var period = new SupportPeriod(LocalDate.parse("2028-01-15"), LocalDate.parse(end));
    assertThat(RetentionRules.updateAvailableUntil(period, LocalDate.parse(issued)))
        .contains(LocalDate.parse(until));
  }

  @Test
  void anUpdateIssuedAfterTheSupportPeriodHasNoArticle13Point9Duty() {
    var period = new SupportPeriod(LocalDate.parse("2028-01-15"), LocalDate.parse("2033-01-31"));
    assertThat(RetentionRules.updateAvailableUntil(period, LocalDate.parse("2033-02-01")))
        .isEmpty();
  }

  @ParameterizedTest(name = "placed {0}, end {1}: at least five years = {2}")
  @CsvSource({
    // Art. 13(8) third subparagraph.
    "2028-01-15, 2033-01-14, false",
    "2028-01-15, 2033-01-15, true",
    "2028-01-15, 2029-06-30, false",
  })
  void theSupportPeriodIsCheckedAgainstTheFiveYearMinimum(
      String placed, String end, boolean atLeastFive) {
    assertThat(new SupportPeriod(LocalDate.parse(placed), LocalDate.parse(end)).isAtLeastMinimum())
        .isEqualTo(atLeastFive);
  }

  @Test
  void theSupportEndIsShownAsMonthAndYear() {
    // Art. 13(19): "including at least the month and the year".
    var period = new SupportPeriod(LocalDate.parse("2028-01-15"), LocalDate.parse("2033-01-31"));
    assertThat(period.endMonthYear()).isEqualTo("01/2033");
  }

  @Test
  void aSupportEndBeforePlacingOnTheMarketIsRefused() {
    assertThatThrownBy(
            () -> new SupportPeriod(LocalDate.parse("2028-01-15"), LocalDate.parse("2027-01-15")))
        .isInstanceOf(InvalidInputException.class);
  }
}
