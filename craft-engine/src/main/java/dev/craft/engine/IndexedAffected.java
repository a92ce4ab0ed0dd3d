package dev.craft.engine;

import dev.craft.core.VersionScheme;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One {@code affected[]} entry of an advisory, compiled: its explicit versions (for exact lookup)
 * and its ranges with parsed bounds.
 *
 * @param scheme the ecosystem's comparator, to find a listed version written differently (PyPI
 *     {@code 1.0} is {@code 1.0.0}); null when CRAFT has none
 * @param distro the distribution the entry is about ({@code Debian:12}); empty for other ecosystems
 * @param packagePaths Go package import paths the entry names as affected, lower-cased; empty if
 *     none
 */
record IndexedAffected(
    IndexedAdvisory advisory,
    int index,
    String ecosystem,
    String name,
    Set<String> versions,
    List<CompiledRange> ranges,
    @Nullable VersionScheme scheme,
    Optional<Distro> distro,
    Set<String> packagePaths) {

  /** Whether the entry can only be decided by GIT commit ranges, which a version cannot be. */
  boolean onlyGit() {
    return versions.isEmpty() && ranges.stream().allMatch(r -> r.range.isGit());
  }
}
