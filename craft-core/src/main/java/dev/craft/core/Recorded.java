package dev.craft.core;

import java.time.Instant;
import java.util.Objects;

/**
 * A compliance record as decided: the value, who recorded it and when.
 *
 * @param value the record
 * @param by the user name of whoever recorded it
 * @param at when it was recorded
 */
public record Recorded<T>(T value, String by, Instant at) {
  public Recorded {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(by, "by");
    Objects.requireNonNull(at, "at");
  }
}
