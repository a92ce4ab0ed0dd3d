package dev.craft.formats;

import java.util.Objects;

/**
 * One {@code configurations[].nodes[].cpeMatch[]} entry of an NVD CVE; empty strings for bounds the
 * entry does not give.
 */
public record NvdCpeMatch(
    String criteria,
    boolean vulnerable,
    String versionStartIncluding,
    String versionStartExcluding,
    String versionEndIncluding,
    String versionEndExcluding) {
  public NvdCpeMatch {
    Objects.requireNonNull(criteria, "criteria");
    Objects.requireNonNull(versionStartIncluding, "versionStartIncluding");
    Objects.requireNonNull(versionStartExcluding, "versionStartExcluding");
    Objects.requireNonNull(versionEndIncluding, "versionEndIncluding");
    Objects.requireNonNull(versionEndExcluding, "versionEndExcluding");
  }

  /** The version bounds as text, e.g. {@code >= 2.0, < 2.15.1}; empty when there are none. */
  public String bounds() {
    var parts = new java.util.ArrayList<String>();
    if (!versionStartIncluding.isEmpty()) {
      parts.add(">= " + versionStartIncluding);
    }
    if (!versionStartExcluding.isEmpty()) {
      parts.add("> " + versionStartExcluding);
    }
    if (!versionEndIncluding.isEmpty()) {
      parts.add("<= " + versionEndIncluding);
    }
    if (!versionEndExcluding.isEmpty()) {
      parts.add("< " + versionEndExcluding);
    }
    return String.join(", ", parts);
  }
}
