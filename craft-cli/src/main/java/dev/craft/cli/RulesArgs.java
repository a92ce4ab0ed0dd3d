package dev.craft.cli;

import dev.craft.core.InvalidInputException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * Parses the date and time options of {@code craft rules}. Bad values are invalid input (exit 3),
 * named by their option, rather than picocli usage errors.
 */
final class RulesArgs {
  private RulesArgs() {}

  /** An ISO-8601 instant with an offset, e.g. 2026-10-01T09:00:00Z or 2026-10-01T11:00+02:00. */
  static Instant instant(String option, String value) {
    try {
      return OffsetDateTime.parse(value.strip()).toInstant();
    } catch (DateTimeException e) {
      throw new InvalidInputException(
          option
              + ": '"
              + value
              + "' is not an ISO-8601 date-time with offset"
              + " (e.g. 2026-10-01T09:00:00Z)");
    }
  }

  static ZoneId zone(String value) {
    try {
      return ZoneId.of(value.strip());
    } catch (DateTimeException e) {
      throw new InvalidInputException(
          "--zone: '" + value + "' is not a time zone (e.g. UTC or Europe/Berlin)");
    }
  }

  static LocalDate date(String option, String value) {
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeException e) {
      throw new InvalidInputException(option + ": '" + value + "' is not a date (YYYY-MM-DD)");
    }
  }

  /**
   * A date, or a month (YYYY-MM) meaning its last day: Art. 13(19) lets the support end be
   * published as month and year.
   */
  static LocalDate dateOrMonthEnd(String option, String value) {
    String v = value.strip();
    if (v.length() == 7) {
      try {
        return YearMonth.parse(v).atEndOfMonth();
      } catch (DateTimeException e) {
        throw new InvalidInputException(
            option + ": '" + value + "' is not a date (YYYY-MM-DD) or month (YYYY-MM)");
      }
    }
    return date(option, v);
  }
}
