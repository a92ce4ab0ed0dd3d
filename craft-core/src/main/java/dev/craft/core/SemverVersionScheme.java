package dev.craft.core;

import java.math.BigInteger;
import java.util.List;

/**
 * The SemVer 2.0.0 family. One grammar ({@code MAJOR.MINOR.PATCH[-PRE][+BUILD]}) with the ecosystem
 * differences as switches, each following that ecosystem's reference parser:
 *
 * <ul>
 *   <li>{@code semver}, {@code cargo}, {@code hex}: strict SemVer 2.0.0 (Rust's {@code semver}
 *       crate and Elixir's {@code Version} reject leading zeros and a {@code v}); build metadata is
 *       ignored, as SemVer precedence says.
 *   <li>{@code npm}: node-semver's {@code valid()}, which allows one leading {@code v} (but no
 *       whitespace or {@code =}) and caps the numbers at {@code Number.MAX_SAFE_INTEGER}.
 *   <li>{@code golang}: {@code golang.org/x/mod/semver} with the {@code v} made optional (OSV
 *       writes Go versions without it) and its {@code v1}/{@code v1.2} shorthands. Pseudo-versions
 *       are ordinary pre-releases and {@code +incompatible} is build metadata, so both need no
 *       special case.
 *   <li>{@code pub}: Dart's {@code pub_semver}, which allows leading zeros and, unlike SemVer,
 *       orders by build metadata too ({@code 1.0.0 < 1.0.0+1}).
 * </ul>
 */
public final class SemverVersionScheme implements VersionScheme {
  private static final BigInteger MAX_SAFE_INTEGER = BigInteger.valueOf(9007199254740991L);

  private final String ecosystem;
  private final boolean optionalV;
  private final boolean shorthands;
  private final boolean leadingZeros;
  private final boolean safeIntegers;
  private final boolean buildOrders;

  private SemverVersionScheme(
      String ecosystem,
      boolean optionalV,
      boolean shorthands,
      boolean leadingZeros,
      boolean safeIntegers,
      boolean buildOrders) {
    this.ecosystem = ecosystem;
    this.optionalV = optionalV;
    this.shorthands = shorthands;
    this.leadingZeros = leadingZeros;
    this.safeIntegers = safeIntegers;
    this.buildOrders = buildOrders;
  }

  /** Strict SemVer 2.0.0 under the given ecosystem name ({@code semver}, {@code cargo}, ...). */
  public static SemverVersionScheme strict(String ecosystem) {
    return new SemverVersionScheme(ecosystem, false, false, false, false, false);
  }

  public static SemverVersionScheme npm() {
    return new SemverVersionScheme("npm", true, false, false, true, false);
  }

  public static SemverVersionScheme go() {
    return new SemverVersionScheme("golang", true, true, false, false, false);
  }

  public static SemverVersionScheme pub() {
    return new SemverVersionScheme("pub", false, false, true, false, true);
  }

  @Override
  public String ecosystem() {
    return ecosystem;
  }

  @Override
  public ParsedVersion parse(String version) {
    VersionText.requireBasic(ecosystem, version);
    String v = version;
    if (optionalV && v.startsWith("v")) {
      v = v.substring(1);
    }
    String build = "";
    int plus = v.indexOf('+');
    if (plus >= 0) {
      build = v.substring(plus + 1);
      v = v.substring(0, plus);
      identifiers(version, build, "build metadata", true);
    }
    String pre = "";
    int dash = v.indexOf('-');
    if (dash >= 0) {
      pre = v.substring(dash + 1);
      v = v.substring(0, dash);
    }
    List<String> core = List.of(v.split("\\.", -1));
    boolean bare = plus < 0 && dash < 0;
    if (core.size() != 3 && !(shorthands && bare && core.size() < 3)) {
      throw invalid(version, "expected MAJOR.MINOR.PATCH");
    }
    String[] numbers = {"0", "0", "0"};
    String[] names = {"major", "minor", "patch"};
    for (int i = 0; i < core.size(); i++) {
      numbers[i] = number(version, core.get(i), names[i]);
    }
    List<Identifier> preIds =
        dash >= 0 ? identifiers(version, pre, "pre-release", false) : List.of();
    List<Identifier> buildIds =
        buildOrders && plus >= 0 ? identifiers(version, build, "build metadata", true) : List.of();
    return new ParsedVersion(
        ecosystem,
        version,
        new Key(numbers[0], numbers[1], numbers[2], preIds, plus >= 0 && buildOrders, buildIds));
  }

  private String number(String version, String text, String name) {
    if (!VersionText.isAsciiDigits(text)) {
      throw invalid(version, name + " version " + VersionText.quote(text) + " is not a number");
    }
    if (!leadingZeros && text.length() > 1 && text.charAt(0) == '0') {
      throw invalid(version, name + " version has a leading zero");
    }
    if (safeIntegers && new BigInteger(text).compareTo(MAX_SAFE_INTEGER) > 0) {
      throw invalid(version, name + " version is larger than 2^53-1");
    }
    return VersionText.stripZeros(text);
  }

  private List<Identifier> identifiers(
      String version, String text, String what, boolean zerosAllowed) {
    String[] parts = text.split("\\.", -1);
    Identifier[] ids = new Identifier[parts.length];
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i];
      if (part.isEmpty()) {
        throw invalid(version, what + " has an empty identifier");
      }
      for (int k = 0; k < part.length(); k++) {
        char c = part.charAt(k);
        boolean ok =
            (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-';
        if (!ok) {
          throw invalid(version, what + " has the character '" + c + "'");
        }
      }
      boolean numeric = VersionText.isAsciiDigits(part);
      if (numeric && !zerosAllowed && !leadingZeros && part.length() > 1 && part.charAt(0) == '0') {
        throw invalid(version, what + " identifier " + part + " has a leading zero");
      }
      ids[i] = new Identifier(part, numeric);
    }
    return List.of(ids);
  }

  private InvalidVersionException invalid(String version, String reason) {
    return new InvalidVersionException(ecosystem, version, reason);
  }

  /** A dot-separated pre-release or build identifier; numeric ones sort first, by value. */
  private record Identifier(String text, boolean numeric) implements Comparable<Identifier> {
    @Override
    public int compareTo(Identifier o) {
      if (numeric && o.numeric) {
        return VersionText.compareDigits(text, o.text);
      }
      if (numeric != o.numeric) {
        return numeric ? -1 : 1;
      }
      return Integer.signum(text.compareTo(o.text));
    }
  }

  private record Key(
      String major,
      String minor,
      String patch,
      List<Identifier> pre,
      boolean hasBuild,
      List<Identifier> build)
      implements Comparable<Key> {
    @Override
    public int compareTo(Key o) {
      int c = VersionText.compareDigits(major, o.major);
      if (c == 0) {
        c = VersionText.compareDigits(minor, o.minor);
      }
      if (c == 0) {
        c = VersionText.compareDigits(patch, o.patch);
      }
      if (c != 0) {
        return c;
      }
      // A pre-release sorts before its release.
      if (pre.isEmpty() != o.pre.isEmpty()) {
        return pre.isEmpty() ? 1 : -1;
      }
      c = compareLists(pre, o.pre);
      if (c != 0) {
        return c;
      }
      // Only pub orders by build metadata, and there a build sorts after no build.
      if (hasBuild != o.hasBuild) {
        return hasBuild ? 1 : -1;
      }
      return compareLists(build, o.build);
    }

    private static int compareLists(List<Identifier> a, List<Identifier> b) {
      int n = Math.min(a.size(), b.size());
      for (int i = 0; i < n; i++) {
        int c = a.get(i).compareTo(b.get(i));
        if (c != 0) {
          return c;
        }
      }
      return Integer.compare(a.size(), b.size());
    }
  }
}
