package dev.craft.formats;

import java.util.Objects;

/**
 * One {@code severity[]} entry: {@code type} is {@code CVSS_V2}, {@code CVSS_V3}, {@code CVSS_V4}
 * or {@code Ubuntu}; {@code score} is the vector (or the Ubuntu priority word) as given.
 */
public record OsvSeverity(String type, String score) {
  public OsvSeverity {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(score, "score");
  }
}
