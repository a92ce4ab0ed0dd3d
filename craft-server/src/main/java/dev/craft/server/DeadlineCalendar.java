package dev.craft.server;

import dev.craft.core.CaseDeadline;
import dev.craft.core.InvalidInputException;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The portfolio's Art. 14 deadlines: every pending deadline of the open cases, in due order, and
 * grouped by calendar day for the page.
 */
final class DeadlineCalendar {
  private DeadlineCalendar() {}

  /** One deadline of one case. */
  public record CalendarEntry(
      long caseId, String caseTitle, CaseDeadline deadline, long remainingSeconds) {}

  static List<CalendarEntry> of(List<CaseDetails> cases, boolean includeSubmitted) {
    List<CalendarEntry> out = new ArrayList<>();
    for (CaseDetails d : cases) {
      for (CaseDeadline x : d.deadlines()) {
        if (x.due() == null || (!includeSubmitted && !x.state().pending())) {
          continue;
        }
        out.add(
            new CalendarEntry(
                d.id(),
                d.reportingCase().title(),
                x,
                java.time.Duration.between(d.now(), x.due()).toSeconds()));
      }
    }
    out.sort(
        Comparator.comparing((CalendarEntry e) -> e.deadline().due())
            .thenComparing(CalendarEntry::caseId));
    return out;
  }

  /** The API items: optional {@code from}/{@code to} instants and {@code includeSubmitted}. */
  static List<Map<String, Object>> entries(List<CaseDetails> cases, Context ctx) {
    Instant from = bound(ctx, "from", Instant.MIN);
    Instant to = bound(ctx, "to", Instant.MAX);
    List<Map<String, Object>> items = new ArrayList<>();
    for (CalendarEntry e : of(cases, Params.flag(ctx, "includeSubmitted"))) {
      Instant due = e.deadline().due();
      if (due == null || due.isBefore(from) || due.isAfter(to)) {
        continue;
      }
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("caseId", e.caseId());
      m.put("caseTitle", e.caseTitle());
      m.putAll(CaseView.deadline(e.deadline(), Instant.now()));
      m.put("remainingSeconds", e.remainingSeconds());
      items.add(m);
    }
    return items;
  }

  /** The entries grouped by local day in {@code zone}, days in order. */
  static Map<LocalDate, List<CalendarEntry>> byDay(List<CalendarEntry> entries, ZoneId zone) {
    Map<LocalDate, List<CalendarEntry>> days = new TreeMap<>();
    for (CalendarEntry e : entries) {
      Instant due = e.deadline().due();
      if (due != null) {
        days.computeIfAbsent(due.atZone(zone).toLocalDate(), k -> new ArrayList<>()).add(e);
      }
    }
    return days;
  }

  private static Instant bound(Context ctx, String name, Instant fallback) {
    String raw = ctx.queryParam(name);
    if (raw == null || raw.isBlank()) {
      return fallback;
    }
    try {
      return CaseJson.parseInstant(name, raw);
    } catch (InvalidInputException e) {
      throw new InvalidInputException(name + ": must be an ISO-8601 date-time, got '" + raw + "'");
    }
  }
}
