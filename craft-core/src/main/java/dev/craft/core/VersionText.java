package dev.craft.core;

/** Input limits and message helpers shared by the version schemes. */
final class VersionText {
  /**
   * No ecosystem's real versions come near this (node-semver uses the same bound); it keeps a
   * hostile input from costing more than a few microseconds.
   */
  static final int MAX_LENGTH = 256;

  private VersionText() {}

  /** Length and character checks every scheme applies before its own grammar. */
  static void requireBasic(String ecosystem, String version) {
    if (version.isEmpty()) {
      throw new InvalidVersionException(ecosystem, version, "empty");
    }
    if (version.length() > MAX_LENGTH) {
      throw new InvalidVersionException(
          ecosystem, version, "longer than " + MAX_LENGTH + " characters");
    }
    for (int i = 0; i < version.length(); i++) {
      char c = version.charAt(i);
      if (Character.isISOControl(c)) {
        throw new InvalidVersionException(ecosystem, version, "control character at index " + i);
      }
    }
  }

  /** A short, printable rendering of a version for messages (versions may be hostile). */
  static String quote(String version) {
    var out = new StringBuilder("\"");
    int limit = Math.min(version.length(), 64);
    for (int i = 0; i < limit; i++) {
      char c = version.charAt(i);
      if (c < 0x20 || c == 0x7f || c == '"' || c == '\\') {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    if (version.length() > limit) {
      out.append("...");
    }
    return out.append('"').toString();
  }

  /** Compares two unsigned decimal digit strings of any length by value. */
  static int compareDigits(String a, String b) {
    String x = stripZeros(a);
    String y = stripZeros(b);
    if (x.length() != y.length()) {
      return x.length() < y.length() ? -1 : 1;
    }
    return Integer.signum(x.compareTo(y));
  }

  static String stripZeros(String digits) {
    int i = 0;
    while (i < digits.length() - 1 && digits.charAt(i) == '0') {
      i++;
    }
    return digits.substring(i);
  }

  static boolean isAsciiDigits(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
