package dev.craft.core;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * The support period of Art. 13(8): from placing on the market to its end date.
 *
 * @param placedOnMarket the first making available on the Union market (Art. 3(21))
 * @param end the last day of the support period
 */
public record SupportPeriod(LocalDate placedOnMarket, LocalDate end) {
  /** Art. 13(8) third subparagraph: "the support period shall be at least five years". */
  public static final int MINIMUM_YEARS = 5;

  private static final DateTimeFormatter MONTH_YEAR = DateTimeFormatter.ofPattern("MM/uuuu");

  public SupportPeriod {
    Objects.requireNonNull(placedOnMarket, "placedOnMarket");
    Objects.requireNonNull(end, "end");
    if (end.isBefore(placedOnMarket)) {
      throw new InvalidInputException(
          "support end " + end + " is before placing on the market " + placedOnMarket);
    }
  }

  /**
   * Whether the period lasts the five years of Art. 13(8). A shorter period is lawful only where
   * the product is expected to be in use for less than five years, and the manufacturer must put
   * the reasons in the technical documentation.
   */
  public boolean isAtLeastMinimum() {
    return !end.isBefore(placedOnMarket.plusYears(MINIMUM_YEARS));
  }

  /** The end as month and year, the least that Art. 13(19) requires to be shown, e.g. "12/2032". */
  public String endMonthYear() {
    return end.format(MONTH_YEAR);
  }
}
