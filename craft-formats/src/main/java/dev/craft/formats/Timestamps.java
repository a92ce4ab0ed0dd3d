package dev.craft.formats;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Feed timestamps ({@code modified}, {@code lastModified}) as the feeds write them. */
public final class Timestamps {
  private Timestamps() {}

  /**
   * Whether {@code candidate} is a later timestamp than {@code known}; RFC 3339 instants are
   * compared as instants, anything else as text. Of two OSV records with one id, the one modified
   * later is authoritative (OSV schema, "id, modified fields").
   */
  public static boolean isLater(String candidate, String known) {
    try {
      return OffsetDateTime.parse(candidate)
          .toInstant()
          .isAfter(OffsetDateTime.parse(known).toInstant());
    } catch (DateTimeParseException e) {
      return candidate.compareTo(known) > 0;
    }
  }
}
