package dev.craft.store;

import dev.craft.core.Recorded;
import dev.craft.core.SupportPlan;
import java.time.Instant;
import java.time.LocalDate;

/** A row of {@code product_support_period}. */
public record SupportPlanRow(
    long productId,
    LocalDate startDate,
    LocalDate endDate,
    int expectedUseMonths,
    String factors,
    String shortPeriodJustification,
    String decidedBy,
    Instant decidedAt) {

  public Recorded<SupportPlan> toRecorded() {
    return new Recorded<>(
        new SupportPlan(startDate, endDate, expectedUseMonths, factors, shortPeriodJustification),
        decidedBy,
        decidedAt);
  }
}
