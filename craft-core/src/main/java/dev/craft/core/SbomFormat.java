package dev.craft.core;

/** The SBOM standard a document follows; the version and encoding are kept next to it. */
public enum SbomFormat {
  CYCLONEDX("cyclonedx"),
  SPDX("spdx");

  private final String id;

  SbomFormat(String id) {
    this.id = id;
  }

  /** Lower-case name used in reports and APIs ({@code cyclonedx}, {@code spdx}). */
  public String id() {
    return id;
  }
}
