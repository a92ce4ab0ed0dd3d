package dev.craft.core;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Refuses to delete records that the Regulation says must stay available: documentation and the
 * declaration until {@link RetentionRules#documentationUntil} (Art. 13(13), 13(18)), security
 * updates until {@link RetentionRules#updateAvailableUntil} (Art. 13(9)). Archiving is always
 * allowed; deletion before the horizon is a {@link ConflictException}.
 */
public final class RetentionGuard {
  private RetentionGuard() {}

  /**
   * @param what the record, for the message, e.g. "release 4.1.0"
   * @param placedOnMarket when the record's product or release was placed on the market; empty when
   *     it never was, in which case nothing is retained
   * @param supportEnd the end of the product's support period; empty when none is recorded yet, so
   *     the 10 years alone count
   * @param issued for a security update: the day it was issued
   */
  public static void checkDeletable(
      String what,
      Optional<LocalDate> placedOnMarket,
      Optional<LocalDate> supportEnd,
      Optional<LocalDate> issued,
      LocalDate today) {
    Optional<LocalDate> horizon = horizon(placedOnMarket, supportEnd, issued);
    if (horizon.isPresent() && !today.isAfter(horizon.get())) {
      throw new ConflictException(
          what
              + " must be kept until "
              + horizon.get()
              + " (Art. 13(9), 13(13), 13(18)): archive it instead of deleting it");
    }
  }

  /** The last day the record must be kept; empty when it was never placed on the market. */
  public static Optional<LocalDate> horizon(
      Optional<LocalDate> placedOnMarket,
      Optional<LocalDate> supportEnd,
      Optional<LocalDate> issued) {
    if (placedOnMarket.isEmpty()) {
      return Optional.empty();
    }
    LocalDate placed = placedOnMarket.get();
    LocalDate end = supportEnd.filter(e -> !e.isBefore(placed)).orElse(placed);
    SupportPeriod period = new SupportPeriod(placed, end);
    LocalDate docs = RetentionRules.documentationUntil(period);
    Optional<LocalDate> update =
        issued.flatMap(day -> RetentionRules.updateAvailableUntil(period, day));
    return Optional.of(update.filter(u -> u.isAfter(docs)).orElse(docs));
  }
}
