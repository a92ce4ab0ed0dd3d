package dev.craft.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.craft.core.InvalidInputException;
import dev.craft.store.TriageHistoryRow;
import dev.craft.store.TriageInput;
import dev.craft.store.TriagedFinding;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** JSON and page views of triaged findings: effective analysis, priority and SLA. */
final class TriageView {
  private final TriageSettings settings;

  TriageView(TriageSettings settings) {
    this.settings = settings;
  }

  /** Where a finding stands against its SLA. */
  record Sla(TriagePriority priority, Instant dueAt, String state) {}

  Sla sla(TriagedFinding f, Instant now) {
    TriagePriority priority = TriagePriority.of(f.kev(), f.cvss(), f.epss(), f.productClass());
    Instant due = f.firstSeenAt().plus(settings.sla(priority));
    return new Sla(priority, due, slaState(f.effectiveState(), due, settings.dueSoon(), now));
  }

  /**
   * {@code met} once the finding is no longer open (any state but in_triage and exploitable),
   * otherwise {@code overdue}, {@code due-soon} or {@code on-track}.
   */
  static String slaState(String state, Instant due, Duration dueSoon, Instant now) {
    if (!state.equals("in_triage") && !state.equals("exploitable")) {
      return "met";
    }
    if (now.isAfter(due)) {
      return "overdue";
    }
    return now.plus(dueSoon).isAfter(due) ? "due-soon" : "on-track";
  }

  Map<String, Object> analysis(TriagedFinding f) {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("state", f.effectiveState());
    a.put("justification", Objects.requireNonNullElse(f.justification(), ""));
    a.put("response", f.responses());
    a.put("detail", Objects.requireNonNullElse(f.detail(), ""));
    a.put("assignee", Objects.requireNonNullElse(f.assignee(), ""));
    a.put("scope", Objects.requireNonNullElse(f.scopeKey(), ""));
    a.put("decisionId", f.decisionId());
    a.put("updatedBy", f.updatedBy());
    a.put("updatedAt", f.updatedAt());
    Sla sla = sla(f, Instant.now());
    a.put("priority", sla.priority().wireName());
    a.put("dueAt", sla.dueAt());
    a.put("sla", sla.state());
    f.blocksRelease().ifPresent(b -> a.put("blocksRelease", b));
    return a;
  }

  Map<String, Object> item(TriagedFinding f) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("id", f.findingId());
    v.put("productId", f.productId());
    v.put("product", f.productName());
    v.put("releaseId", f.releaseId());
    v.put("release", f.releaseVersion());
    v.put("vulnerability", f.vulnerabilityId());
    v.put("purl", f.purl());
    v.put("status", f.status());
    v.put("severity", f.severity());
    v.put("cvss", f.cvss());
    v.put("kev", f.kev());
    v.put("epss", f.epss() < 0 ? null : f.epss());
    v.put("firstSeenAt", f.firstSeenAt());
    v.put("analysis", analysis(f));
    return v;
  }

  static List<Map<String, Object>> history(List<TriageHistoryRow> rows) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (TriageHistoryRow h : rows) {
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("event", h.event());
      v.put("scope", h.scopeKey());
      v.put("state", h.state());
      v.put("justification", h.justification());
      v.put("response", h.response().isEmpty() ? List.of() : List.of(h.response().split(" ")));
      v.put("detail", h.detail());
      v.put("assignee", h.assignee());
      v.put("comment", h.comment());
      v.put("actor", h.actor());
      v.put("at", h.at());
      out.add(v);
    }
    return out;
  }

  /** The JSON body of a decision. */
  static TriageInput input(ObjectNode b) {
    return new TriageInput(
        text(b, "state", "in_triage"),
        text(b, "justification", ""),
        strings(b, "response"),
        text(b, "detail", ""),
        text(b, "assignee", ""),
        text(b, "comment", ""),
        text(b, "scope", "release"),
        text(b, "from", ""),
        text(b, "to", ""),
        strings(b, "versions"));
  }

  /** The {@code findings} array of a bulk decision: 1 to {@value TriageBulk#MAX} ids. */
  static List<Long> findingIds(ObjectNode b) {
    JsonNode v = b.get("findings");
    if (v == null || !v.isArray() || v.isEmpty() || v.size() > TriageBulk.MAX) {
      throw new InvalidInputException(
          "findings: an array of 1 to " + TriageBulk.MAX + " finding ids is required");
    }
    List<Long> out = new ArrayList<>();
    for (JsonNode e : v) {
      if (!e.canConvertToLong() || e.asLong() <= 0) {
        throw new InvalidInputException("findings: " + e + " is not a finding id");
      }
      out.add(e.asLong());
    }
    return out;
  }

  private static String text(ObjectNode b, String field, String fallback) {
    String v = Body.text(b, field);
    return v == null ? fallback : v.strip();
  }

  private static List<String> strings(ObjectNode b, String field) {
    JsonNode v = b.get(field);
    if (v == null || v.isNull()) {
      return List.of();
    }
    if (v.isTextual()) {
      return v.textValue().isBlank() ? List.of() : List.of(v.textValue().strip().split("[ ,]+"));
    }
    if (!v.isArray() || v.size() > 1000) {
      throw new InvalidInputException(field + ": must be an array of strings");
    }
    List<String> out = new ArrayList<>();
    for (JsonNode e : v) {
      if (!e.isTextual()) {
        throw new InvalidInputException(field + ": must be an array of strings");
      }
      out.add(e.textValue());
    }
    return out;
  }
}
