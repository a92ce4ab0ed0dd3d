package dev.craft.core;

import java.util.Locale;
import java.util.Objects;

/**
 * A digest of a component. The algorithm uses CycloneDX's spelling ({@code SHA-256}, {@code
 * SHA-512}, {@code SHA3-256}, {@code BLAKE2b-256}, {@code MD5}…) whatever the source format; the
 * value is lower-case hex.
 */
public record Hash(String algorithm, String value) {
  public Hash {
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(value, "value");
    if (algorithm.isBlank()) {
      throw new InvalidInputException("hash algorithm is empty");
    }
    value = value.trim().toLowerCase(Locale.ROOT);
  }
}
