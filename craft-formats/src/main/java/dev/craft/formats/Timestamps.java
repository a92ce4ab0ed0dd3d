package dev.craft.formats;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Feed timestamps ({@code modified}, {@code lastModified}) as the feeds write them. */
public final class Timestamps {
  private Timestamps() {}

  /**
   * Whether {@code candidate} is a later timestamp than {@code known}; RFC 3339 instants are
   * compared as instants, an instant is later than text that is none, and other text (NVD's {@code
   * lastModified} has no offset) is compared as text. Of two OSV records with one id, the one
   * modified later is authoritative (OSV schema, "id, modified fields").
   */
  public static boolean isLater(String candidate, String known) {
    boolean candidateIsTime = isTimestamp(candidate);
    boolean knownIsTime = isTimestamp(known);
    if (candidateIsTime && knownIsTime) {
      return OffsetDateTime.parse(candidate)
          .toInstant()
          .isAfter(OffsetDateTime.parse(known).toInstant());
    }
    if (candidateIsTime != knownIsTime) {
      // A time beats text that is none ("yesterday" sorts after every date as text).
      return candidateIsTime;
    }
    return candidate.compareTo(known) > 0;
  }

  /**
   * Whether {@code text} is an RFC 3339 date-time with an offset ({@code 2024-01-01T00:00:00Z}).
   */
  public static boolean isTimestamp(String text) {
    try {
      OffsetDateTime.parse(text);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }
}
