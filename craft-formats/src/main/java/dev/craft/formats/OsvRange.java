package dev.craft.formats;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One {@code affected[].ranges[]} entry: its type ({@code ECOSYSTEM}, {@code SEMVER} or {@code
 * GIT}), the repository of a GIT range (empty otherwise) and its events in the record's order.
 */
public record OsvRange(String type, String repo, List<OsvEvent> events) {
  public OsvRange {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(repo, "repo");
    events = List.copyOf(events);
  }

  public boolean isGit() {
    return type.equals("GIT");
  }

  /** The range as a short text for evidence, e.g. {@code SEMVER: introduced 0, fixed 1.6.0}. */
  public String describe() {
    return type + ": " + events.stream().map(OsvEvent::toString).collect(Collectors.joining(", "));
  }
}
