package dev.craft.core;

/**
 * A version string accepted by one {@link VersionScheme}, with its comparison key computed once.
 * Versions of different ecosystems are never compared. Equality is by {@link #compareTo} only (e.g.
 * Maven's {@code 1.0} and {@code 1} are equal there but are different texts), so this class keeps
 * identity {@code equals}.
 */
public final class ParsedVersion implements Comparable<ParsedVersion> {
  private final String ecosystem;
  private final String text;
  private final Comparable<?> key;

  ParsedVersion(String ecosystem, String text, Comparable<?> key) {
    this.ecosystem = ecosystem;
    this.text = text;
    this.key = key;
  }

  public String ecosystem() {
    return ecosystem;
  }

  /** The version exactly as given. */
  public String text() {
    return text;
  }

  /**
   * @throws InvalidVersionException if the versions belong to different ecosystems or the ecosystem
   *     gives them no order
   */
  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public int compareTo(ParsedVersion other) {
    if (!ecosystem.equals(other.ecosystem)) {
      throw new InvalidVersionException(
          ecosystem, text, "cannot be compared with a " + other.ecosystem + " version");
    }
    // Both keys come from the same scheme, so they share one key class.
    return Integer.signum(((Comparable) key).compareTo(other.key));
  }

  @Override
  public String toString() {
    return ecosystem + ":" + text;
  }
}
