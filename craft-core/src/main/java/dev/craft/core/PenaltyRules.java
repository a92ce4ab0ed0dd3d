package dev.craft.core;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Objects;

/** Ceilings of the administrative fines of Art. 64(2)–(4), with the derogations of 64(10). */
public final class PenaltyRules {
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private PenaltyRules() {}

  /**
   * "up to EUR X or, if the offender is an undertaking, up to Y % of its total worldwide annual
   * turnover for the preceding financial year, whichever is higher" (Art. 64(2)–(4)).
   *
   * @param turnoverEur total worldwide annual turnover for the preceding financial year, in euro
   */
  public static PenaltyCeiling ceiling(PenaltyCategory category, BigDecimal turnoverEur) {
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(turnoverEur, "turnoverEur");
    if (turnoverEur.signum() < 0) {
      throw new InvalidInputException("turnover must not be negative: " + turnoverEur);
    }
    BigDecimal turnoverCap =
        turnoverEur.multiply(category.turnoverPercent()).divide(HUNDRED, 2, RoundingMode.HALF_UP);
    BigDecimal maximum = turnoverCap.max(category.fixedCapEur());
    var notes = new ArrayList<String>();
    notes.add(
        "These are ceilings: the fine in each case depends on the circumstances of Art. 64(5),"
            + " including the size of the operator; the percentage applies only if the offender"
            + " is an undertaking.");
    if (category == PenaltyCategory.ESSENTIAL) {
      notes.add(
          "Art. 64(10)(a): no fine for microenterprises or small enterprises for missing the"
              + " 24-hour early-warning deadline of Art. 14(2)(a) or 14(4)(a); the duty to report"
              + " remains.");
    }
    notes.add("Art. 64(10)(b): no fine for any infringement by open-source software stewards.");
    return new PenaltyCeiling(category, turnoverEur, turnoverCap, maximum, category.basis(), notes);
  }
}
