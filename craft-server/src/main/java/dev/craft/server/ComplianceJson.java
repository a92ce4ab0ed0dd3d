package dev.craft.server;

import dev.craft.core.AnnexCategory;
import dev.craft.core.Classification;
import dev.craft.core.ConformityModule;
import dev.craft.core.ConformityRoute;
import dev.craft.core.Recorded;
import dev.craft.core.ScopeDecision;
import dev.craft.core.ScopeFacts;
import dev.craft.core.SupportPlan;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The JSON shapes of the compliance API (see openapi.yaml): the records, plus what CRAFT derives
 * from them with the article that says so.
 */
final class ComplianceJson {
  private ComplianceJson() {}

  static Map<String, Object> scope(Recorded<ScopeFacts> r, ScopeDecision decision) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("scope", r.value());
    m.put("decision", decision);
    m.put("decidedBy", r.by());
    m.put("decidedAt", r.at());
    return m;
  }

  static Map<String, Object> classification(Recorded<Classification> r) {
    Classification c = r.value();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("productClass", c.productClass().id());
    m.put("annexCategory", c.category().map(ComplianceJson::category).orElse(null));
    m.put("coreFunctionality", c.coreFunctionality());
    m.put("standards", c.standards().id());
    m.put("standardsReferences", c.standardsReferences());
    m.put("euccRequired", c.euccRequired());
    m.put("fossPublicDocs", c.fossPublicDocs());
    m.put("chosenModule", c.module().map(ConformityModule::id).orElse(null));
    m.put("notifiedBody", c.notifiedBody());
    m.put("route", route(c.route()));
    m.put("decidedBy", r.by());
    m.put("decidedAt", r.at());
    return m;
  }

  static Map<String, Object> category(AnnexCategory c) {
    return Map.of(
        "id", c.id(), "basis", c.basis(), "text", c.text(), "productClass", c.productClass().id());
  }

  static @Nullable Map<String, Object> route(@Nullable ConformityRoute route) {
    if (route == null) {
      return null;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("modules", route.modules().stream().map(ConformityModule::id).toList());
    m.put(
        "procedures",
        route.modules().stream()
            .map(x -> Map.of("id", x.id(), "description", x.description()))
            .toList());
    m.put("basis", route.basis());
    m.put("reason", route.reason());
    return m;
  }

  static Map<String, Object> supportPeriod(Recorded<SupportPlan> r, String retainedUntil) {
    SupportPlan s = r.value();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("start", s.start());
    m.put("end", s.end());
    m.put("endMonthYear", s.period().endMonthYear());
    m.put("expectedUseMonths", s.expectedUseMonths());
    m.put("atLeastFiveYears", s.period().isAtLeastMinimum());
    m.put("factors", s.factors());
    m.put("shortPeriodJustification", s.shortPeriodJustification());
    m.put(
        "retention",
        Map.of(
            "documentationUntil",
            retainedUntil,
            "basis",
            "Art. 13(13), 13(18): 10 years after placing on the market or the support period,"
                + " whichever is longer"));
    m.put("decidedBy", r.by());
    m.put("decidedAt", r.at());
    return m;
  }

  static Map<String, Object> overview(ComplianceOverview o) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("productId", o.product().id());
    m.put("product", o.product().name());
    m.put("release", o.release());
    m.put("manufacturerRole", o.product().manufacturerRole());
    m.put("scope", o.scope());
    m.put("scopeDecision", o.scopeDecision());
    m.put(
        "productClass", o.classification() == null ? null : o.classification().productClass().id());
    m.put(
        "annexCategory",
        o.classification() == null
            ? null
            : o.classification().category().map(ComplianceJson::category).orElse(null));
    m.put(
        "chosenModule",
        o.classification() == null
            ? null
            : o.classification().module().map(ConformityModule::id).orElse(null));
    m.put("route", route(o.route()));
    m.put("supportEnd", o.supportPeriod() == null ? null : o.supportPeriod().end());
    m.put("supportEndMonthYear", o.supportEndMonthYear());
    m.put("documentationRetainedUntil", o.documentationRetainedUntil());
    m.put("keyDates", o.keyDates());
    m.put("penaltyExposure", o.penaltyExposure());
    m.put("completeness", completenessSummary(o.completeness()));
    return m;
  }

  static Map<String, Object> completenessSummary(Completeness c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("complete", c.complete());
    m.put("missingCount", c.missingCount());
    m.put(
        "documents",
        c.documents().stream()
            .map(
                r ->
                    Map.of(
                        "document", r.document(),
                        "complete", r.complete(),
                        "missing", r.missing().size()))
            .toList());
    return m;
  }

  static Map<String, Object> completeness(Completeness c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("productId", c.productId());
    m.put("release", c.release());
    m.put("complete", c.complete());
    m.put("missingCount", c.missingCount());
    m.put("documents", c.documents().stream().map(ComplianceJson::report).toList());
    return m;
  }

  private static Map<String, Object> report(Completeness.Report r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("document", r.document());
    m.put("title", r.title());
    m.put("basis", r.basis());
    m.put("complete", r.complete());
    m.put("items", r.items().stream().map(ComplianceJson::item).toList());
    m.put("missing", r.missing().stream().map(ComplianceJson::item).toList());
    m.put("notYetRecorded", r.notRecorded().stream().map(ComplianceJson::item).toList());
    return m;
  }

  static Map<String, Object> item(DocItem i) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ref", i.ref());
    m.put("label", i.label());
    m.put("present", i.present());
    m.put("status", i.status().name().toLowerCase(java.util.Locale.ROOT));
    if (i.status() == DocItem.Status.MISSING) {
      m.put("fix", i.fixPath());
    }
    return m;
  }

  static Map<String, Object> document(ComplianceDocument d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("document", d.kind());
    m.put("title", d.title());
    m.put("basis", d.basis());
    m.put("product", d.product());
    m.put("release", d.release());
    m.put("generatedAt", d.generatedAt());
    m.put("statements", d.statements());
    List<Object> sections =
        d.sections().stream()
            .map(
                s ->
                    (Object)
                        Map.of(
                            "heading",
                            s.heading(),
                            "items",
                            s.items().stream()
                                .map(
                                    i -> {
                                      Map<String, Object> x = item(i);
                                      x.put("value", i.value());
                                      return x;
                                    })
                                .toList()))
            .toList();
    m.put("sections", sections);
    return m;
  }
}
