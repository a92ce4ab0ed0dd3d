package dev.craft.core;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Enums that travel as lower_snake_case strings in JSON, forms and the CLI. */
public interface WireEnum {
  String name();

  default String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a wire value, naming the field and the allowed values when it does not fit. */
  static <E extends Enum<E> & WireEnum> E parse(Class<E> type, String field, String value) {
    for (E constant : type.getEnumConstants()) {
      if (constant.wireName().equals(value)) {
        return constant;
      }
    }
    String allowed =
        Arrays.stream(type.getEnumConstants())
            .map(WireEnum::wireName)
            .collect(Collectors.joining(", "));
    throw new InvalidInputException(
        field + ": unknown value '" + value + "' (allowed: " + allowed + ")");
  }
}
