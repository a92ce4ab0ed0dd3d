package dev.craft.formats;

import java.util.List;
import java.util.Objects;

/**
 * One {@code affected[]} entry: the package (ecosystem, name and purl as given; empty when the
 * entry names no package, e.g. a GIT-only entry), its explicit version list, its ranges, its own
 * severity entries (OSV 1.5+) and, for Go, the package import paths the advisory names as affected
 * ({@code ecosystem_specific.imports[].path}; empty when it names none).
 */
public record OsvAffected(
    String ecosystem,
    String name,
    String purl,
    List<String> versions,
    List<OsvRange> ranges,
    List<OsvSeverity> severity,
    List<String> packagePaths) {
  public OsvAffected {
    Objects.requireNonNull(ecosystem, "ecosystem");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(purl, "purl");
    versions = List.copyOf(versions);
    ranges = List.copyOf(ranges);
    severity = List.copyOf(severity);
    packagePaths = List.copyOf(packagePaths);
  }

  /** An entry that names no package paths. */
  public OsvAffected(
      String ecosystem,
      String name,
      String purl,
      List<String> versions,
      List<OsvRange> ranges,
      List<OsvSeverity> severity) {
    this(ecosystem, name, purl, versions, ranges, severity, List.of());
  }
}
