package dev.craft.formats;

import java.util.List;
import java.util.Objects;

/**
 * One ENISA EUVD vulnerability record: its EUVD id, the CVE/GHSA ids it names as aliases, and
 * exploitation and score fields as published.
 *
 * @param exploited whether ENISA lists it as exploited: {@code exploitedSince} is set, or the
 *     record came from the exploited-vulnerabilities list
 * @param baseScore the published base score, -1 when absent
 * @param raw the record, compact JSON
 */
public record EuvdRecord(
    String id,
    List<String> aliases,
    boolean exploited,
    String exploitedSince,
    double baseScore,
    String baseScoreVersion,
    String baseScoreVector,
    String datePublished,
    String dateUpdated,
    String raw) {
  public EuvdRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(exploitedSince, "exploitedSince");
    Objects.requireNonNull(baseScoreVersion, "baseScoreVersion");
    Objects.requireNonNull(baseScoreVector, "baseScoreVector");
    Objects.requireNonNull(datePublished, "datePublished");
    Objects.requireNonNull(dateUpdated, "dateUpdated");
    Objects.requireNonNull(raw, "raw");
    aliases = List.copyOf(aliases);
  }
}
