package dev.craft.engine;

import java.util.List;
import java.util.Objects;

/**
 * What the matcher needs of one SBOM component: its purl exactly as the SBOM gives it (empty if
 * none), its name and version for reports and for a purl without a version, and its CPE names for
 * the CPE look-up when the purl finds nothing.
 */
public record ScanComponent(String purl, String name, String version, List<String> cpes) {
  public ScanComponent {
    Objects.requireNonNull(purl, "purl");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    cpes = List.copyOf(cpes);
  }

  public ScanComponent(String purl, String name, String version) {
    this(purl, name, version, List.of());
  }
}
