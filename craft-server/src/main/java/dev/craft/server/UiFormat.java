package dev.craft.server;

import dev.craft.core.CaseDeadline;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;

/** Small formatting helpers for the Art. 14 pages. */
public final class UiFormat {
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z");
  private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

  private UiFormat() {}

  /** An instant in a zone, e.g. "2026-10-02 11:00 CEST"; "-" when absent. */
  public static String time(@Nullable Instant at, ZoneId zone) {
    return at == null ? "-" : LOCAL.format(at.atZone(zone));
  }

  /** The value for a datetime-local input in the case's zone. */
  public static String input(@Nullable Instant at, ZoneId zone) {
    return at == null ? "" : INPUT.format(at.atZone(zone));
  }

  /** The server-rendered countdown, which countdown.js then keeps current. */
  public static String remaining(CaseDeadline d, Instant now) {
    if (d.due() == null) {
      return d.note();
    }
    if (!d.state().pending()) {
      return d.late() ? "submitted late" : "submitted";
    }
    return Durations.words(Duration.between(now, d.due()));
  }

  /** Epoch milliseconds of the due time for countdown.js; empty when there is nothing to count. */
  public static String dueMillis(CaseDeadline d) {
    return d.due() == null || !d.state().pending() ? "" : Long.toString(d.due().toEpochMilli());
  }

  public static String state(CaseDeadline d) {
    return d.state().wireName().replace('_', '-');
  }
}
