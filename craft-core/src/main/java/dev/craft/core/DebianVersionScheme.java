package dev.craft.core;

/**
 * Debian's order, as {@code dpkg --compare-versions}: {@code [epoch:]upstream[-revision]}, epochs
 * compared as numbers, upstream and revision by dpkg's {@code verrevcmp}, where {@code ~} sorts
 * before everything, even the end of the string ({@code 1.0~rc1 < 1.0}). dpkg only warns about an
 * upstream part that does not start with a digit or holds characters outside Debian Policy 5.6.12;
 * we refuse those, since a matcher must not act on a version it cannot trust.
 */
public final class DebianVersionScheme implements VersionScheme {
  @Override
  public String ecosystem() {
    return "deb";
  }

  @Override
  public ParsedVersion parse(String version) {
    VersionText.requireBasic(ecosystem(), version);
    // dpkg skips surrounding blanks but refuses embedded ones.
    String v = version.strip();
    if (v.isEmpty() || v.chars().anyMatch(Character::isWhitespace)) {
      throw invalid(version, v.isEmpty() ? "blank" : "embedded whitespace");
    }
    long epoch = 0;
    int colon = v.indexOf(':');
    if (colon >= 0) {
      String e = v.substring(0, colon);
      if (!VersionText.isAsciiDigits(e)) {
        throw invalid(version, "epoch is not a number");
      }
      if (e.length() > 10 || Long.parseLong(e) > Integer.MAX_VALUE) {
        throw invalid(version, "epoch is too big");
      }
      epoch = Long.parseLong(e);
      v = v.substring(colon + 1);
      if (v.isEmpty()) {
        throw invalid(version, "nothing after the colon");
      }
    }
    String revision = "";
    int hyphen = v.lastIndexOf('-');
    if (hyphen >= 0) {
      revision = v.substring(hyphen + 1);
      v = v.substring(0, hyphen);
      if (revision.isEmpty()) {
        throw invalid(version, "revision is empty");
      }
      if (v.isEmpty()) {
        throw invalid(version, "upstream version is empty");
      }
    }
    char first = v.charAt(0);
    if (first < '0' || first > '9') {
      throw invalid(version, "upstream version does not start with a digit");
    }
    requireChars(version, v, ".+~-:", "upstream version");
    requireChars(version, revision, ".+~", "revision");
    return new ParsedVersion(ecosystem(), version, new Key(epoch, v, revision));
  }

  private void requireChars(String version, String part, String allowed, String what) {
    for (int i = 0; i < part.length(); i++) {
      char c = part.charAt(i);
      if (!isAsciiAlnum(c) && allowed.indexOf(c) < 0) {
        throw invalid(version, what + " has the character '" + c + "'");
      }
    }
  }

  private InvalidVersionException invalid(String version, String reason) {
    return new InvalidVersionException(ecosystem(), version, reason);
  }

  private static boolean isAsciiAlnum(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private record Key(long epoch, String upstream, String revision) implements Comparable<Key> {
    @Override
    public int compareTo(Key o) {
      int c = Long.compare(epoch, o.epoch);
      if (c == 0) {
        c = verrevcmp(upstream, o.upstream);
      }
      if (c == 0) {
        c = verrevcmp(revision, o.revision);
      }
      return Integer.signum(c);
    }
  }

  /** The weight dpkg gives a character in a non-digit run; 0 stands for the end of the string. */
  private static int order(char c) {
    if (c >= '0' && c <= '9') {
      return 0;
    }
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      return c;
    }
    if (c == '~') {
      return -1;
    }
    return c == 0 ? 0 : c + 256;
  }

  /** dpkg's verrevcmp: alternate non-digit runs (by {@link #order}) and digit runs (by value). */
  static int verrevcmp(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() || j < b.length()) {
      while ((i < a.length() && !isDigit(at(a, i))) || (j < b.length() && !isDigit(at(b, j)))) {
        int ac = order(at(a, i));
        int bc = order(at(b, j));
        if (ac != bc) {
          return ac - bc;
        }
        i++;
        j++;
      }
      while (at(a, i) == '0') {
        i++;
      }
      while (at(b, j) == '0') {
        j++;
      }
      int firstDiff = 0;
      while (isDigit(at(a, i)) && isDigit(at(b, j))) {
        if (firstDiff == 0) {
          firstDiff = at(a, i) - at(b, j);
        }
        i++;
        j++;
      }
      if (isDigit(at(a, i))) {
        return 1;
      }
      if (isDigit(at(b, j))) {
        return -1;
      }
      if (firstDiff != 0) {
        return firstDiff;
      }
    }
    return 0;
  }

  private static char at(String s, int i) {
    return i < s.length() ? s.charAt(i) : 0;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
