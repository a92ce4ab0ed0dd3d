package dev.craft.engine;

import java.util.Objects;

/**
 * What the matcher needs of one SBOM component: its purl exactly as the SBOM gives it (empty if
 * none), and its name and version for reports and for a purl without a version.
 */
public record ScanComponent(String purl, String name, String version) {
  public ScanComponent {
    Objects.requireNonNull(purl, "purl");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
  }
}
