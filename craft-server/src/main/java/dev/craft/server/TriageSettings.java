package dev.craft.server;

import java.time.Duration;

/**
 * Triage SLAs: how long after a finding is first seen it must be triaged, per priority ({@code
 * triage.sla-*}), and how early "due soon" is shown ({@code triage.due-soon}).
 */
public record TriageSettings(
    Duration critical, Duration high, Duration medium, Duration low, Duration dueSoon) {

  Duration sla(TriagePriority priority) {
    return switch (priority) {
      case CRITICAL -> critical;
      case HIGH -> high;
      case MEDIUM -> medium;
      case LOW -> low;
    };
  }
}
