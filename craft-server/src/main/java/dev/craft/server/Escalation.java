package dev.craft.server;

import dev.craft.core.CaseDeadline;
import dev.craft.core.SrpValues;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One reminder that an Art. 14 deadline is near or has passed.
 *
 * @param offset how long before the deadline this reminder was planned; {@link #OVERDUE} once the
 *     deadline has passed
 */
record Escalation(
    long caseId,
    String caseTitle,
    CaseDeadline deadline,
    Duration offset,
    Instant now,
    URI caseUrl) {

  /** The offset recorded for the "deadline has passed" reminder. */
  static final Duration OVERDUE = Duration.ofSeconds(-1);

  boolean overdue() {
    return offset.equals(OVERDUE);
  }

  String subject() {
    String when =
        overdue() ? "OVERDUE" : "due in " + Durations.words(Duration.between(now, deadline.due()));
    return "[CRAFT] Art. 14 "
        + deadline.label()
        + " "
        + when
        + ": case "
        + caseId
        + " "
        + caseTitle;
  }

  String text() {
    return subject()
        + "\n\nCase: "
        + caseTitle
        + "\nStage: "
        + deadline.label()
        + " ("
        + deadline.basis()
        + ": "
        + deadline.rule()
        + ")\nDue: "
        + SrpValues.time(deadline.due())
        + "\n"
        + (deadline.note().isEmpty() ? "" : deadline.note() + "\n")
        + "\nOpen the case: "
        + caseUrl
        + "\n";
  }

  /** The webhook body. */
  Map<String, Object> json() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("event", overdue() ? "art14.deadline.overdue" : "art14.deadline.approaching");
    m.put("caseId", caseId);
    m.put("caseTitle", caseTitle);
    m.put("deadline", deadline.key());
    m.put("stage", deadline.stage());
    m.put("basis", deadline.basis());
    m.put("due", deadline.due());
    m.put("offset", overdue() ? null : offset.toString());
    m.put("sentAt", now);
    m.put("url", caseUrl.toString());
    return m;
  }
}
