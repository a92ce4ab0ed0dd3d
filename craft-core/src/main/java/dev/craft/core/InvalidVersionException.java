package dev.craft.core;

/**
 * A version string that its ecosystem's rules reject, or two versions that those rules cannot
 * order. Comparators never guess: a matcher that gets this exception must treat the answer as
 * unknown rather than as "affected" or "not affected".
 */
public class InvalidVersionException extends InvalidInputException {
  private final String reason;

  public InvalidVersionException(String ecosystem, String version, String reason) {
    super("invalid " + ecosystem + " version " + VersionText.quote(version) + ": " + reason);
    this.reason = reason;
  }

  /** Two valid versions that the ecosystem gives no order to, e.g. two Composer branches. */
  public static InvalidVersionException unordered(String ecosystem, String a, String b) {
    return new InvalidVersionException(
        ecosystem, a, "cannot be ordered against " + VersionText.quote(b));
  }

  /** Why the version was refused, without the version itself. */
  public String reason() {
    return reason;
  }
}
