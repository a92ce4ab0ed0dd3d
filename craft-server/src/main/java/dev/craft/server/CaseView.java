package dev.craft.server;

import dev.craft.core.CaseDeadline;
import dev.craft.core.CaseDraft;
import dev.craft.core.Coordinators;
import dev.craft.core.EnterpriseSize;
import dev.craft.core.PecGround;
import dev.craft.core.ReportingCase;
import dev.craft.core.SrpField;
import dev.craft.core.SrpFields;
import dev.craft.core.StageReadiness;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON shape of a case in the API and the JSON export (documented in openapi.yaml). */
final class CaseView {
  private CaseView() {}

  /** The short form used in lists. */
  static Map<String, Object> summary(CaseDetails d) {
    ReportingCase c = d.reportingCase();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", c.id());
    m.put("kind", c.kind().id());
    m.put("status", c.facts().status());
    m.put("title", c.title());
    m.put("awareAt", c.facts().awareAt());
    m.put("products", c.facts().products());
    m.put("nextDeadline", d.next().map(n -> deadline(n, d.now())).orElse(null));
    m.put("createdAt", c.createdAt());
    m.put("updatedAt", c.updatedAt());
    return m;
  }

  static Map<String, Object> full(CaseDetails d) {
    ReportingCase c = d.reportingCase();
    CaseDraft f = c.facts();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", c.id());
    m.put("kind", f.kind().id());
    m.put("status", f.status());
    m.put("title", f.title());
    m.put("summary", f.summary());
    m.put("awareAt", f.awareAt());
    m.put("zone", f.zone().getId());
    m.put("determination", f.determination());
    m.put("decidedBy", c.decidedBy());
    m.put("evidence", f.evidence());
    m.put("signals", f.signals());
    m.put("severityCriteria", f.severityCriteria());
    m.put("products", f.products());
    m.put("memberStates", f.memberStates().stream().map(Enum::name).toList());
    m.put("manufacturer", f.manufacturer());
    m.put("enterpriseSize", f.enterpriseSize());
    m.put(
        "smallEnterpriseCarveOut",
        f.enterpriseSize().earlyWarningFineExempt() ? EnterpriseSize.CARVE_OUT : null);
    m.put("routing", f.routing());
    m.put("coordinator", d.route().orElse(null));
    m.put("coordinatorSource", Coordinators.SOURCE);
    m.put("measureAvailableAt", f.measureAvailableAt());
    m.put("occurredAt", f.occurredAt());
    m.put("content", f.content());
    m.put("pecGrounds", f.dissemination().pecGrounds().stream().map(CaseView::pec).toList());
    m.put("delayRequested", f.dissemination().delayRequested());
    m.put("source", Map.of("type", f.sourceType(), "ref", f.sourceRef()));
    m.put("createdAt", c.createdAt());
    m.put("updatedAt", c.updatedAt());
    m.put("now", d.now());
    List<Map<String, Object>> deadlines = new ArrayList<>();
    d.deadlines().forEach(x -> deadlines.add(deadline(x, d.now())));
    m.put("deadlines", deadlines);
    m.put("nextDeadline", d.next().map(n -> deadline(n, d.now())).orElse(null));
    m.put("readiness", d.readiness().stream().map(CaseView::readiness).toList());
    m.put("submissions", d.submissions());
    m.put("intermediateRequests", d.requests());
    m.put("escalations", d.escalations());
    return m;
  }

  static Map<String, Object> deadline(CaseDeadline x, Instant now) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("key", x.key());
    m.put("stage", x.stage());
    m.put("label", x.label());
    m.put("due", x.due());
    m.put(
        "remainingSeconds",
        x.due() == null || !x.state().pending()
            ? null
            : Duration.between(now, x.due()).toSeconds());
    m.put("state", x.state());
    m.put("basis", x.basis());
    m.put("rule", x.rule());
    m.put("submittedAt", x.submittedAt());
    m.put("late", x.late());
    m.put("note", x.note());
    return m;
  }

  static Map<String, Object> readiness(StageReadiness r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("stage", r.stage());
    m.put("ready", r.ready());
    m.put("issues", r.issues());
    return m;
  }

  static Map<String, Object> pec(PecGround g) {
    return Map.of("ground", g.wireName(), "basis", g.basis(), "text", g.text());
  }

  /** The SRP form of a case: every field in the platform's order with the value to enter. */
  static List<Map<String, Object>> srpForm(CaseDetails d) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (SrpField f : SrpFields.of(d.reportingCase().kind())) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("number", f.number());
      m.put("key", f.key());
      m.put("label", f.label());
      m.put("value", d.srpValues().getOrDefault(f.key(), ""));
      m.put("maxLength", f.maxLength());
      m.put("earlyWarning", f.earlyWarning());
      m.put("notification", f.notification());
      m.put("finalReport", f.finalReport());
      out.add(m);
    }
    return out;
  }
}
