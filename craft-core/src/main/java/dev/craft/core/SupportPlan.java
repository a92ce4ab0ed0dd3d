package dev.craft.core;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The support period a manufacturer determined, with what it took into account (Art. 13(8)).
 *
 * @param start the start of the support period, normally the placing on the market
 * @param end the last day of the support period
 * @param expectedUseMonths how long the product is expected to be in use
 * @param factors the information taken into account (Art. 13(8) second subparagraph: reasonable
 *     user expectations, the nature and intended purpose, Union law on lifetimes, similar products,
 *     the operating environment, integrated components' support); goes into Annex VII point 4
 * @param shortPeriodJustification why the product is expected to be in use for less than five
 *     years, required when the period is shorter (Art. 13(8) third subparagraph)
 */
public record SupportPlan(
    LocalDate start,
    LocalDate end,
    int expectedUseMonths,
    String factors,
    String shortPeriodJustification) {
  public SupportPlan {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    factors = Text.required("factors", factors, 10_000);
    shortPeriodJustification =
        Text.optional("shortPeriodJustification", shortPeriodJustification, 10_000);
    if (expectedUseMonths < 1 || expectedUseMonths > 1200) {
      throw new InvalidInputException("expectedUseMonths: must be between 1 and 1200");
    }
    var period = new SupportPeriod(start, end);
    if (!period.isAtLeastMinimum()) {
      // Art. 13(8): "at least five years. Where the product … is expected to be in use for less
      // than five years, the support period shall correspond to the expected use time."
      if (expectedUseMonths >= SupportPeriod.MINIMUM_YEARS * 12) {
        throw new InvalidInputException(
            "end: the support period must be at least five years when the product is expected to"
                + " be in use for five years or more (Art. 13(8))");
      }
      if (end.isBefore(start.plusMonths(expectedUseMonths))) {
        throw new InvalidInputException(
            "end: a support period shorter than five years must correspond to the expected use"
                + " time of "
                + expectedUseMonths
                + " months (Art. 13(8))");
      }
      if (shortPeriodJustification.isEmpty()) {
        throw new InvalidInputException(
            "shortPeriodJustification: say why the product is expected to be in use for less"
                + " than five years (Art. 13(8))");
      }
    }
  }

  public SupportPeriod period() {
    return new SupportPeriod(start, end);
  }
}
