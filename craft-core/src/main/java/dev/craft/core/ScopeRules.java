package dev.craft.core;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Whether Regulation (EU) 2024/2847 applies to a product: Art. 2, 3 and 69. */
public final class ScopeRules {
  private ScopeRules() {}

  public static ScopeDecision decide(ScopeFacts facts, ManufacturerRole role, LocalDate today) {
    List<String> reasons = new ArrayList<>();
    boolean inScope = true;
    if (!facts.dataConnection()) {
      inScope = false;
      reasons.add(
          "Art. 2(1): its intended purpose or reasonably foreseeable use includes no direct or"
              + " indirect logical or physical data connection to a device or network");
    }
    if (facts.exemption() != ScopeExemption.NONE) {
      inScope = false;
      reasons.add(facts.exemption().basis() + ": excluded as " + facts.exemption().description());
    }
    if (facts.freeOpenSource() && !facts.commercialActivity()) {
      // Only supply "in the course of a commercial activity" is making available on the market.
      inScope = false;
      reasons.add(
          "Art. 2(1), 3(22), 3(48): free and open-source software not made available in the"
              + " course of a commercial activity is not made available on the market");
    }
    CraApplicability applicability = null;
    if (inScope) {
      reasons.add(
          "Art. 2(1): a product with digital elements with a data connection, made available"
              + " on the market, and no exclusion of Art. 2(2)–(7) applies");
      if (facts.placedOnMarket() != null) {
        applicability =
            CraApplicability.of(today, facts.placedOnMarket(), facts.substantiallyModified());
        reasons.add(applicability.basis());
      } else {
        reasons.add(
            "not yet placed on the market: all obligations apply when it is placed on or after"
                + " 11 December 2027 (Art. 71(2))");
      }
    }
    return new ScopeDecision(inScope, reasons, obligationsOf(role), applicability);
  }

  /** The article that lays down the obligations of each economic operator role. */
  public static String obligationsOf(ManufacturerRole role) {
    return switch (role) {
      case MANUFACTURER -> "Art. 13 and 14: obligations of manufacturers";
      case IMPORTER -> "Art. 19: obligations of importers";
      case DISTRIBUTOR -> "Art. 20: obligations of distributors";
      case OPEN_SOURCE_STEWARD -> "Art. 24: obligations of open-source software stewards";
    };
  }
}
