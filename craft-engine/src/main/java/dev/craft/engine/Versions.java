package dev.craft.engine;

import java.util.Set;

/** Small version-text rules the matcher shares between index time and scan time. */
final class Versions {
  /** Ecosystems whose own comparator is a SemVer dialect, used for their SEMVER ranges too. */
  private static final Set<String> SEMVER_DIALECTS = Set.of("golang", "npm", "cargo", "hex", "pub");

  private Versions() {}

  /**
   * The comparator for an OSV {@code SEMVER} range: the ecosystem's own where it is a SemVer
   * dialect (Go accepts the {@code v} prefix of module versions), plain SemVer 2.0 otherwise.
   */
  static String semverSchemeFor(String ecoKey) {
    return SEMVER_DIALECTS.contains(ecoKey) ? ecoKey : "semver";
  }

  /**
   * The form in which {@code versions[]} entries and component versions are compared: exact text,
   * except that a leading {@code v} is ignored (Go module versions appear with and without it).
   */
  static String listKey(String version) {
    String v = version.strip();
    return v.length() > 1 && v.charAt(0) == 'v' && Character.isDigit(v.charAt(1))
        ? v.substring(1)
        : v;
  }
}
