package dev.craft.formats;

import dev.craft.core.InvalidInputException;
import java.util.Locale;

/** The VEX formats CRAFT reads and writes. */
public enum VexFormat {
  OPENVEX("openvex"),
  CYCLONEDX("cyclonedx"),
  CSAF("csaf");

  private final String id;

  VexFormat(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public static VexFormat of(String id) {
    for (VexFormat f : values()) {
      if (f.id.equals(id.toLowerCase(Locale.ROOT))) {
        return f;
      }
    }
    throw new InvalidInputException(
        "unknown VEX format '" + id + "' (allowed: openvex, cyclonedx, csaf)");
  }
}
