package dev.craft.core;

/** The CVSS versions CRAFT scores. */
public enum CvssVersion {
  V2("2.0"),
  V3_0("3.0"),
  V3_1("3.1"),
  V4_0("4.0");

  private final String label;

  CvssVersion(String label) {
    this.label = label;
  }

  /** "2.0", "3.0", "3.1" or "4.0". */
  public String label() {
    return label;
  }
}
