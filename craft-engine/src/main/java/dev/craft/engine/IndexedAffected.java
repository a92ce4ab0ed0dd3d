package dev.craft.engine;

import java.util.List;
import java.util.Set;

/**
 * One {@code affected[]} entry of an advisory, compiled: its explicit versions (for exact lookup)
 * and its ranges with parsed bounds.
 */
record IndexedAffected(
    IndexedAdvisory advisory,
    int index,
    String ecosystem,
    String name,
    Set<String> versions,
    List<CompiledRange> ranges) {

  /** Whether the entry can only be decided by GIT commit ranges, which a version cannot be. */
  boolean onlyGit() {
    return versions.isEmpty() && ranges.stream().allMatch(r -> r.range.isGit());
  }
}
