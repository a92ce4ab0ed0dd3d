package dev.craft.formats;

import java.math.BigInteger;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CSAF {@code version_t}: integer versioning ({@code 3}) or semantic versioning ({@code
 * 1.0.0-rc.1+build}).
 */
record CsafVersionNumber(
    boolean integer, BigInteger major, BigInteger minor, BigInteger patch, String prerelease) {
  private static final Pattern INTEGER = Pattern.compile("0|[1-9][0-9]*");
  private static final Pattern SEMVER =
      Pattern.compile(
          "(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
              + "(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)"
              + "(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
              + "(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?");

  static Optional<CsafVersionNumber> parse(String text) {
    if (text.length() > 200) {
      return Optional.empty();
    }
    if (INTEGER.matcher(text).matches()) {
      return Optional.of(
          new CsafVersionNumber(true, new BigInteger(text), BigInteger.ZERO, BigInteger.ZERO, ""));
    }
    Matcher m = SEMVER.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(
        new CsafVersionNumber(
            false,
            new BigInteger(m.group(1)),
            new BigInteger(m.group(2)),
            new BigInteger(m.group(3)),
            m.group(4) == null ? "" : m.group(4)));
  }

  boolean isPrerelease() {
    return !prerelease.isEmpty();
  }

  /** Version 0 or 0.y.z. */
  boolean isZero() {
    return major.signum() == 0;
  }

  CsafVersionNumber withoutPrerelease() {
    return new CsafVersionNumber(integer, major, minor, patch, "");
  }

  /** Precedence, build metadata ignored; integer and semantic versions compare by major first. */
  int compareTo(CsafVersionNumber o) {
    int c = major.compareTo(o.major);
    if (c == 0) {
      c = minor.compareTo(o.minor);
    }
    if (c == 0) {
      c = patch.compareTo(o.patch);
    }
    if (c != 0 || prerelease.equals(o.prerelease)) {
      return c;
    }
    if (prerelease.isEmpty() || o.prerelease.isEmpty()) {
      return prerelease.isEmpty() ? 1 : -1;
    }
    String[] a = prerelease.split("\\.");
    String[] b = o.prerelease.split("\\.");
    for (int i = 0; i < Math.min(a.length, b.length); i++) {
      boolean na = a[i].matches("\\d+");
      boolean nb = b[i].matches("\\d+");
      int d =
          na && nb
              ? new BigInteger(a[i]).compareTo(new BigInteger(b[i]))
              : na ? -1 : nb ? 1 : a[i].compareTo(b[i]);
      if (d != 0) {
        return d;
      }
    }
    return Integer.compare(a.length, b.length);
  }

  boolean sameAs(CsafVersionNumber o) {
    return integer == o.integer && compareTo(o) == 0;
  }
}
