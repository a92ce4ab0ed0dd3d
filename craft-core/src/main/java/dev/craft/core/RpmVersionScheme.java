package dev.craft.core;

/**
 * RPM's order ({@code [epoch:]version[-release]}), as {@code rpm.labelCompare}: epochs compared as
 * numbers (missing means 0), then version and release by {@code rpmvercmp}, where {@code ~} sorts
 * before everything and {@code ^} after the end of the string but before any other addition ({@code
 * 1.0~rc1 < 1.0 < 1.0^git1 < 1.0.1}). A version without a release sorts before the same version
 * with one. Characters are limited to those rpm allows in a version tag.
 */
public final class RpmVersionScheme implements VersionScheme {
  @Override
  public String ecosystem() {
    return "rpm";
  }

  @Override
  public ParsedVersion parse(String version) {
    VersionText.requireBasic(ecosystem(), version);
    String v = version;
    long epoch = 0;
    int colon = v.indexOf(':');
    if (colon >= 0) {
      String e = v.substring(0, colon);
      if (!VersionText.isAsciiDigits(e) || e.length() > 10) {
        throw invalid(version, "epoch is not a number");
      }
      epoch = Long.parseLong(e);
      v = v.substring(colon + 1);
    }
    String release = null;
    int hyphen = v.lastIndexOf('-');
    if (hyphen >= 0) {
      release = v.substring(hyphen + 1);
      v = v.substring(0, hyphen);
      if (release.isEmpty()) {
        throw invalid(version, "release is empty");
      }
      requireChars(version, release, "release");
    }
    if (v.isEmpty()) {
      throw invalid(version, "version is empty");
    }
    requireChars(version, v, "version");
    return new ParsedVersion(ecosystem(), version, new Key(epoch, v, release));
  }

  private void requireChars(String version, String part, String what) {
    for (int i = 0; i < part.length(); i++) {
      char c = part.charAt(i);
      if (!isAlnum(c) && "._+~^".indexOf(c) < 0) {
        throw invalid(version, what + " has the character '" + c + "'");
      }
    }
  }

  private InvalidVersionException invalid(String version, String reason) {
    return new InvalidVersionException(ecosystem(), version, reason);
  }

  private record Key(long epoch, String version, @org.jspecify.annotations.Nullable String release)
      implements Comparable<Key> {
    @Override
    public int compareTo(Key o) {
      int c = Long.compare(epoch, o.epoch);
      if (c == 0) {
        c = rpmvercmp(version, o.version);
      }
      if (c == 0) {
        if (release == null || o.release == null) {
          c = release == null ? (o.release == null ? 0 : -1) : 1;
        } else {
          c = rpmvercmp(release, o.release);
        }
      }
      return c;
    }
  }

  /** rpm's rpmvercmp, on indexes instead of C pointers. */
  static int rpmvercmp(String a, String b) {
    if (a.equals(b)) {
      return 0;
    }
    int i = 0;
    int j = 0;
    while (i < a.length() || j < b.length()) {
      while (i < a.length() && isSeparator(a.charAt(i))) {
        i++;
      }
      while (j < b.length() && isSeparator(b.charAt(j))) {
        j++;
      }
      char x = at(a, i);
      char y = at(b, j);
      if (x == '~' || y == '~') {
        if (x != '~') {
          return 1;
        }
        if (y != '~') {
          return -1;
        }
        i++;
        j++;
        continue;
      }
      // ^ is like ~ except that the string that ends first is the lower one.
      if (x == '^' || y == '^') {
        if (x == 0) {
          return -1;
        }
        if (y == 0) {
          return 1;
        }
        if (x != '^') {
          return 1;
        }
        if (y != '^') {
          return -1;
        }
        i++;
        j++;
        continue;
      }
      if (x == 0 || y == 0) {
        break;
      }
      boolean numeric = isDigit(x);
      int endA = run(a, i, numeric);
      int endB = run(b, j, numeric);
      if (endB == j) {
        // Segments of different kinds: a number is newer than letters.
        return numeric ? 1 : -1;
      }
      String sa = a.substring(i, endA);
      String sb = b.substring(j, endB);
      int c = numeric ? VersionText.compareDigits(sa, sb) : Integer.signum(sa.compareTo(sb));
      if (c != 0) {
        return c;
      }
      i = endA;
      j = endB;
    }
    if (i >= a.length() && j >= b.length()) {
      return 0;
    }
    return i >= a.length() ? -1 : 1;
  }

  private static int run(String s, int from, boolean digits) {
    int k = from;
    while (k < s.length() && (digits ? isDigit(s.charAt(k)) : isAlpha(s.charAt(k)))) {
      k++;
    }
    return k;
  }

  private static boolean isSeparator(char c) {
    return !isAlnum(c) && c != '~' && c != '^';
  }

  private static char at(String s, int i) {
    return i < s.length() ? s.charAt(i) : 0;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isAlpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isAlnum(char c) {
    return isDigit(c) || isAlpha(c);
  }
}
