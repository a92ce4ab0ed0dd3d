package dev.craft.formats;

import java.util.List;
import java.util.Objects;

/**
 * One {@code affected[]} entry: the package (ecosystem, name and purl as given; empty when the
 * entry names no package, e.g. a GIT-only entry), its explicit version list, its ranges and its own
 * severity entries (OSV 1.5+).
 */
public record OsvAffected(
    String ecosystem,
    String name,
    String purl,
    List<String> versions,
    List<OsvRange> ranges,
    List<OsvSeverity> severity) {
  public OsvAffected {
    Objects.requireNonNull(ecosystem, "ecosystem");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(purl, "purl");
    versions = List.copyOf(versions);
    ranges = List.copyOf(ranges);
    severity = List.copyOf(severity);
  }
}
