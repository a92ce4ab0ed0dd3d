package dev.craft.core;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** Where a reporting deadline stands at a given moment, for inbox colours and reminders. */
public enum DueState {
  /** Not yet submitted; the deadline is further away than the due-soon window. */
  UPCOMING,
  /** Not yet submitted; the deadline is within the due-soon window (inclusive). */
  DUE_SOON,
  /** Not submitted and the deadline has passed. */
  OVERDUE,
  /** The stage was submitted; the deadline no longer drives anything. */
  SUBMITTED;

  /**
   * The state of a deadline at {@code now}. Submitting at the due instant itself is on time (the
   * Regulation says "within"), so a stage is overdue only strictly after {@code due}.
   */
  public static DueState of(Instant due, Instant now, Duration dueSoonWindow, boolean submitted) {
    Objects.requireNonNull(due, "due");
    Objects.requireNonNull(now, "now");
    if (dueSoonWindow.isNegative()) {
      throw new InvalidInputException("due-soon window must not be negative: " + dueSoonWindow);
    }
    if (submitted) {
      return SUBMITTED;
    }
    if (now.isAfter(due)) {
      return OVERDUE;
    }
    return now.isBefore(due.minus(dueSoonWindow)) ? UPCOMING : DUE_SOON;
  }
}
