package dev.craft.core;

import java.util.Locale;

/** A product's class under Art. 7 (Annex III) and Art. 8 (Annex IV). */
public enum ProductClass {
  /** Neither in Annex III nor in Annex IV. */
  DEFAULT("default"),
  /** Annex III, class I (Art. 7(1)). */
  IMPORTANT_I("important-1"),
  /** Annex III, class II (Art. 7(1)). */
  IMPORTANT_II("important-2"),
  /** Annex IV (Art. 8). */
  CRITICAL("critical");

  private final String id;

  ProductClass(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public static ProductClass parse(String text) {
    String wanted = text.strip().toLowerCase(Locale.ROOT);
    for (ProductClass c : values()) {
      if (c.id.equals(wanted)) {
        return c;
      }
    }
    throw new InvalidInputException(
        "unknown product class '"
            + text
            + "' (expected default, important-1, important-2 or critical)");
  }
}
