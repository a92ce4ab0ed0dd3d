package dev.craft.server;

import java.time.Duration;

/** Remaining times in words for people: "1 d 3 h", "2 h 5 min", "45 min", "overdue 2 h". */
final class Durations {
  private Durations() {}

  static String words(Duration d) {
    if (d.isNegative()) {
      return "overdue " + words(d.negated());
    }
    long days = d.toDays();
    long hours = d.toHoursPart();
    long minutes = d.toMinutesPart();
    if (days > 0) {
      return days + " d " + hours + " h";
    }
    if (hours > 0) {
      return hours + " h " + minutes + " min";
    }
    return minutes + " min";
  }
}
