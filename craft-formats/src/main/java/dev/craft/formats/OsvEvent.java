package dev.craft.formats;

import dev.craft.core.InvalidInputException;
import java.util.Objects;

/**
 * One event of an OSV range, exactly as the record gives it. {@code introduced: "0"} is OSV's
 * sentinel for "from the first version" and is kept as the text {@code 0}; {@code limit: "*"} means
 * no limit.
 */
public record OsvEvent(Kind kind, String value) {
  /** The four event kinds of the OSV schema, with their field names. */
  public enum Kind {
    INTRODUCED("introduced"),
    FIXED("fixed"),
    LAST_AFFECTED("last_affected"),
    LIMIT("limit");

    private final String field;

    Kind(String field) {
      this.field = field;
    }

    public String field() {
      return field;
    }

    public static Kind ofField(String field) {
      for (Kind k : values()) {
        if (k.field.equals(field)) {
          return k;
        }
      }
      throw new InvalidInputException(
          "unknown range event '"
              + field
              + "'; expected introduced, fixed, last_affected or limit");
    }
  }

  public OsvEvent {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(value, "value");
    if (value.isEmpty()) {
      throw new InvalidInputException("range event '" + kind.field() + "' has an empty version");
    }
  }

  /** Whether this is OSV's {@code introduced: "0"}, which is not a version. */
  public boolean isZero() {
    return kind == Kind.INTRODUCED && value.equals("0");
  }

  @Override
  public String toString() {
    return kind.field() + " " + value;
  }
}
