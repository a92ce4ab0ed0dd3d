package dev.craft.core;

import java.util.Locale;

/**
 * Whether harmonised standards, common specifications or European cybersecurity certification
 * schemes at assurance level at least "substantial" were applied for a class I product (Art.
 * 32(2)).
 */
public enum StandardsApplied {
  FULL("full"),
  PARTIAL("partial"),
  /** Not applied, or none exist. */
  NONE("none");

  private final String id;

  StandardsApplied(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public static StandardsApplied parse(String text) {
    String wanted = text.strip().toLowerCase(Locale.ROOT);
    for (StandardsApplied s : values()) {
      if (s.id.equals(wanted)) {
        return s;
      }
    }
    throw new InvalidInputException(
        "unknown standards value '" + text + "' (expected full, partial or none)");
  }
}
