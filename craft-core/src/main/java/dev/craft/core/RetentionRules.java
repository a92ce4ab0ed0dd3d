package dev.craft.core;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/** How long documents and security updates must stay available, Art. 13(9), (13) and (18). */
public final class RetentionRules {
  /** Art. 13(9), (13) and (18): "10 years". */
  public static final int YEARS = 10;

  private RetentionRules() {}

  /**
   * The last day on which the technical documentation and the EU declaration of conformity must be
   * at the disposal of market surveillance authorities: 10 years after placing on the market or the
   * support period, whichever is longer (Art. 13(13)). The same span applies to the information and
   * instructions to the user (Art. 13(18)).
   */
  public static LocalDate documentationUntil(SupportPeriod period) {
    return later(period.placedOnMarket().plusYears(YEARS), period.end());
  }

  /**
   * The last day on which a security update must remain available: 10 years after it was issued or
   * the remainder of the support period, whichever is longer (Art. 13(9)). Empty when the update
   * was issued after the support period ended, because Art. 13(9) covers only updates "made
   * available to users during the support period".
   */
  public static Optional<LocalDate> updateAvailableUntil(SupportPeriod period, LocalDate issued) {
    Objects.requireNonNull(issued, "issued");
    if (issued.isAfter(period.end())) {
      return Optional.empty();
    }
    return Optional.of(later(issued.plusYears(YEARS), period.end()));
  }

  private static LocalDate later(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }
}
