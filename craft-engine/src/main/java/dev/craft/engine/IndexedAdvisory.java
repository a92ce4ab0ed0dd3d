package dev.craft.engine;

import java.util.List;
import java.util.Objects;

/**
 * What the index keeps of one advisory record: enough to report a finding without the record's
 * text, which stays with the reader.
 */
public record IndexedAdvisory(
    String id, String source, List<String> aliases, AdvisorySeverity severity) {
  public IndexedAdvisory {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(severity, "severity");
    aliases = List.copyOf(aliases);
  }
}
