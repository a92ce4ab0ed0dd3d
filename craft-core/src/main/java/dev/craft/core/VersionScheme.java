package dev.craft.core;

/**
 * The ordering rules of one ecosystem's version strings. Implementations follow the ecosystem's own
 * reference implementation (named in each class) and throw {@link InvalidVersionException} for a
 * string those rules reject, never falling back to a generic order.
 */
public interface VersionScheme {
  /** The purl type this scheme belongs to, e.g. {@code maven}; {@code semver} for plain SemVer. */
  String ecosystem();

  /**
   * Parses a version once so that it can be compared many times.
   *
   * @throws InvalidVersionException if the ecosystem's rules reject the string
   */
  ParsedVersion parse(String version);

  /**
   * Returns -1, 0 or 1 as {@code a} is lower than, equal to or higher than {@code b}.
   *
   * @throws InvalidVersionException if either string is invalid, or the two cannot be ordered
   */
  default int compare(String a, String b) {
    return parse(a).compareTo(parse(b));
  }

  /** Whether {@link #parse} accepts the string. */
  default boolean isValid(String version) {
    try {
      parse(version);
      return true;
    } catch (InvalidVersionException e) {
      return false;
    }
  }
}
