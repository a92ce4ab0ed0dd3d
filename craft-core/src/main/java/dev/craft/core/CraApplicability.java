package dev.craft.core;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Which obligations of the Regulation apply to a product on a given day, from Art. 69 and 71.
 *
 * @param reportingApplies Art. 14 applies (from 11 September 2026, Art. 71(2); also to products
 *     placed on the market before 11 December 2027, Art. 69(3))
 * @param requirementsApply the other requirements apply (from 11 December 2027, Art. 71(2); for a
 *     product placed on the market before that date only after a substantial modification made on
 *     or after it, Art. 69(2))
 * @param basis the articles behind the answer, in words
 */
public record CraApplicability(boolean reportingApplies, boolean requirementsApply, String basis) {
  /** Art. 71(2) second subparagraph. */
  public static final LocalDate REPORTING_FROM = LocalDate.of(2026, 9, 11);

  /** Art. 71(2) first subparagraph and Art. 69(2). */
  public static final LocalDate GENERAL_FROM = LocalDate.of(2027, 12, 11);

  /** Art. 71(2) second subparagraph: Chapter IV (Articles 35 to 51, notified bodies). */
  public static final LocalDate NOTIFIED_BODIES_FROM = LocalDate.of(2026, 6, 11);

  public CraApplicability {
    Objects.requireNonNull(basis, "basis");
  }

  /**
   * @param on the day asked about
   * @param placedOnMarket when the product was placed on the market
   * @param substantiallyModifiedSinceGeneralDate a substantial modification (Art. 3(30)) was made
   *     on or after 11 December 2027
   */
  public static CraApplicability of(
      LocalDate on, LocalDate placedOnMarket, boolean substantiallyModifiedSinceGeneralDate) {
    Objects.requireNonNull(on, "on");
    Objects.requireNonNull(placedOnMarket, "placedOnMarket");
    boolean reporting = !on.isBefore(REPORTING_FROM);
    boolean legacy = placedOnMarket.isBefore(GENERAL_FROM);
    boolean general =
        !on.isBefore(GENERAL_FROM) && (!legacy || substantiallyModifiedSinceGeneralDate);
    String basis;
    if (!reporting) {
      basis = "nothing applies yet: Art. 14 applies from 11 September 2026 (Art. 71(2))";
    } else if (general) {
      basis =
          legacy
              ? "all obligations: placed before 11 December 2027 but substantially modified since"
                  + " (Art. 69(2))"
              : "all obligations: placed on the market from 11 December 2027 (Art. 71(2))";
    } else if (legacy && !on.isBefore(GENERAL_FROM)) {
      basis =
          "Art. 14 reporting only: placed on the market before 11 December 2027 and not"
              + " substantially modified since (Art. 69(2), 69(3))";
    } else {
      basis =
          "Art. 14 reporting only: the other obligations apply from 11 December 2027"
              + " (Art. 71(2), 69(3))";
    }
    return new CraApplicability(reporting, general, basis);
  }
}
