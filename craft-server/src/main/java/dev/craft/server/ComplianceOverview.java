package dev.craft.server;

import dev.craft.core.Classification;
import dev.craft.core.ConformityRoute;
import dev.craft.core.CraApplicability;
import dev.craft.core.ManufacturerRole;
import dev.craft.core.PenaltyCategory;
import dev.craft.core.PenaltyCeiling;
import dev.craft.core.PenaltyRules;
import dev.craft.core.Product;
import dev.craft.core.RetentionRules;
import dev.craft.core.ScopeDecision;
import dev.craft.core.ScopeFacts;
import dev.craft.core.ScopeRules;
import dev.craft.core.SupportPeriod;
import dev.craft.core.SupportPlan;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A product's compliance at a glance: scope, class, route, support end, completeness, key dates and
 * the fines it is exposed to. Null components are decisions not recorded yet.
 */
public record ComplianceOverview(
    Product product,
    String release,
    @Nullable ScopeFacts scope,
    @Nullable ScopeDecision scopeDecision,
    @Nullable Classification classification,
    @Nullable ConformityRoute route,
    @Nullable SupportPlan supportPeriod,
    String supportEndMonthYear,
    String documentationRetainedUntil,
    List<KeyDate> keyDates,
    List<PenaltyCeiling> penaltyExposure,
    Completeness completeness) {

  /** A date that matters for the product, with the article that makes it matter. */
  public record KeyDate(String label, String date, String basis) {}

  static ComplianceOverview of(Dossier d) {
    ScopeFacts scope = d.scope() == null ? null : d.scope().value();
    ScopeDecision decision =
        scope == null ? null : ScopeRules.decide(scope, d.product().manufacturerRole(), d.today());
    Classification c = DeclarationDocuments.classification(d);
    SupportPlan s = d.support() == null ? null : d.support().value();
    String retained = "";
    if (s != null) {
      // Art. 13(13) counts from placing on the market; before the scope records it, the support
      // period's start stands in for it.
      LocalDate placed =
          scope != null && scope.placedOnMarket() != null ? scope.placedOnMarket() : s.start();
      LocalDate end = s.end().isBefore(placed) ? placed : s.end();
      retained = RetentionRules.documentationUntil(new SupportPeriod(placed, end)).toString();
    }
    List<KeyDate> dates = new ArrayList<>();
    dates.add(
        new KeyDate(
            "Notified-body provisions apply",
            CraApplicability.NOTIFIED_BODIES_FROM.toString(),
            "Art. 71(2)"));
    dates.add(
        new KeyDate(
            "Reporting obligations (Art. 14) apply",
            CraApplicability.REPORTING_FROM.toString(),
            "Art. 71(2), 69(3)"));
    dates.add(
        new KeyDate(
            "All other obligations apply",
            CraApplicability.GENERAL_FROM.toString(),
            "Art. 71(2); for products placed earlier only after a substantial modification,"
                + " Art. 69(2)"));
    if (scope != null && scope.placedOnMarket() != null) {
      dates.add(
          new KeyDate("Placed on the market", scope.placedOnMarket().toString(), "Art. 3(21)"));
    }
    if (s != null) {
      dates.add(new KeyDate("Support period starts", s.start().toString(), "Art. 13(8)"));
      dates.add(
          new KeyDate("Support period ends", s.period().endMonthYear(), "Art. 13(8), 13(19)"));
      dates.add(
          new KeyDate(
              "Technical documentation and declaration kept until",
              retained,
              "Art. 13(13), 13(18)"));
    }
    return new ComplianceOverview(
        d.product(),
        d.releaseVersion(),
        scope,
        decision,
        c,
        c == null ? null : c.route(),
        s,
        s == null ? "" : s.period().endMonthYear(),
        retained,
        dates,
        penalties(d.product().manufacturerRole()),
        Documents.completeness(d));
  }

  /**
   * The ceilings of Art. 64(2)–(4) at their fixed amounts; the turnover percentage applies on top
   * when it is higher. Stewards are exempt from fines (Art. 64(10)(b)).
   */
  private static List<PenaltyCeiling> penalties(ManufacturerRole role) {
    if (role == ManufacturerRole.OPEN_SOURCE_STEWARD) {
      return List.of();
    }
    return List.of(PenaltyCategory.values()).stream()
        .map(c -> PenaltyRules.ceiling(c, BigDecimal.ZERO))
        .toList();
  }
}
