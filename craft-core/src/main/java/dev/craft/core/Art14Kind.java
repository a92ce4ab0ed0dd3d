package dev.craft.core;

import java.util.Locale;

/** The two kinds of case that start the Art. 14 reporting clocks. */
public enum Art14Kind {
  /** An actively exploited vulnerability, Art. 14(1); stages in Art. 14(2). */
  VULNERABILITY("vulnerability", "Art. 14(1)", "Art. 14(2)"),
  /**
   * A severe incident having an impact on the security of the product, Art. 14(3); stages in 14(4).
   */
  INCIDENT("incident", "Art. 14(3)", "Art. 14(4)");

  private final String id;
  private final String duty;
  private final String stages;

  Art14Kind(String id, String duty, String stages) {
    this.id = id;
    this.duty = duty;
    this.stages = stages;
  }

  /** The name used on the command line and in JSON. */
  public String id() {
    return id;
  }

  /** The paragraph that creates the duty to notify. */
  public String duty() {
    return duty;
  }

  /** The paragraph that lists the stages and their deadlines. */
  public String stages() {
    return stages;
  }

  public static Art14Kind parse(String text) {
    String wanted = text.strip().toLowerCase(Locale.ROOT);
    for (Art14Kind kind : values()) {
      if (kind.id.equals(wanted)) {
        return kind;
      }
    }
    throw new InvalidInputException(
        "unknown Art. 14 case kind '" + text + "' (expected vulnerability or incident)");
  }
}
