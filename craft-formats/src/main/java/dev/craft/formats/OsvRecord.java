package dev.craft.formats;

import java.util.List;
import java.util.Objects;

/**
 * One OSV advisory: the fields the matcher and reports use, the file it came from and the record's
 * original text, verbatim, so that it can be stored and shown as published.
 *
 * @param withdrawn the {@code withdrawn} timestamp, empty if the record is not withdrawn
 * @param databaseSeverity {@code database_specific.severity} (GHSA's LOW/MODERATE/HIGH/CRITICAL),
 *     empty if absent
 * @param source where the record was read: a file path, {@code zip!/entry} or an index line
 * @param raw the record's text exactly as read (YAML or JSON)
 */
public record OsvRecord(
    String id,
    String modified,
    String published,
    String withdrawn,
    List<String> aliases,
    List<OsvSeverity> severity,
    String databaseSeverity,
    List<OsvAffected> affected,
    String source,
    String raw) {
  public OsvRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(modified, "modified");
    Objects.requireNonNull(published, "published");
    Objects.requireNonNull(withdrawn, "withdrawn");
    Objects.requireNonNull(databaseSeverity, "databaseSeverity");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(raw, "raw");
    aliases = List.copyOf(aliases);
    severity = List.copyOf(severity);
    affected = List.copyOf(affected);
  }

  /** Withdrawn records stay readable but are never matched. */
  public boolean isWithdrawn() {
    return !withdrawn.isEmpty();
  }
}
