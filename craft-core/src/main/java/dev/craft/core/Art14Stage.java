package dev.craft.core;

/** The stages of an Art. 14 notification, in the order in which they fall due. */
public enum Art14Stage {
  EARLY_WARNING("earlyWarning", "early warning"),
  NOTIFICATION("notification", "notification"),
  FINAL_REPORT("finalReport", "final report");

  private final String key;
  private final String label;

  Art14Stage(String key, String label) {
    this.key = key;
    this.label = label;
  }

  /** The key used in JSON output. */
  public String key() {
    return key;
  }

  public String label() {
    return label;
  }
}
