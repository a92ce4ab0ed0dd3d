package dev.craft.core;

import java.math.BigInteger;
import java.util.HexFormat;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The SemVer 2.0.0 family. One grammar ({@code MAJOR.MINOR.PATCH[-PRE][+BUILD]}) with the ecosystem
 * differences as switches, each following that ecosystem's reference parser:
 *
 * <ul>
 *   <li>{@code semver}, {@code cargo}, {@code hex}: strict SemVer 2.0.0 (Rust's {@code semver}
 *       crate and Elixir's {@code Version} reject leading zeros, a {@code v} and surrounding
 *       whitespace); build metadata is ignored, as SemVer precedence says. The crate holds
 *       MAJOR.MINOR.PATCH in a {@code u64}.
 *   <li>{@code npm}: node-semver's {@code valid()}, which trims surrounding whitespace as
 *       JavaScript's {@code trim()} does, allows one leading {@code v} (but no {@code =}) and caps
 *       the numbers at {@code Number.MAX_SAFE_INTEGER}.
 *   <li>{@code golang}: {@code golang.org/x/mod/semver} with the {@code v} made optional (OSV
 *       writes Go versions without it) and its {@code v1}/{@code v1.2} shorthands. Pseudo-versions
 *       are ordinary pre-releases and {@code +incompatible} is build metadata, so both need no
 *       special case.
 *   <li>{@code pub}: Dart's {@code pub_semver}, which allows leading zeros and, unlike SemVer,
 *       orders by build metadata too ({@code 1.0.0 < 1.0.0+1}). Numbers are Dart's 64-bit {@code
 *       int}, and an identifier is a number whenever {@code int.tryParse} reads it as one, so
 *       {@code -1} and {@code 0x10} are numbers too.
 * </ul>
 */
public final class SemverVersionScheme implements VersionScheme {
  /**
   * The largest MAJOR, MINOR or PATCH the reference parser holds; above it that parser reports an
   * error rather than wrapping around. SemVer itself, Go (which compares digit strings) and Elixir
   * (whose integers are unbounded) have no limit.
   */
  private enum CoreLimit {
    NONE(null, "unbounded"),
    SAFE_INTEGER(BigInteger.valueOf(9007199254740991L), "2^53-1"),
    U64(BigInteger.TWO.pow(64).subtract(BigInteger.ONE), "u64::MAX"),
    INT64(BigInteger.valueOf(Long.MAX_VALUE), "2^63-1");

    private final @Nullable BigInteger max;
    private final int maxDigits;
    private final String label;

    CoreLimit(@Nullable BigInteger max, String label) {
      this.max = max;
      this.maxDigits = max == null ? 0 : max.toString().length();
      this.label = label;
    }

    boolean isExceededBy(String digits) {
      if (max == null) {
        return false;
      }
      // Most numbers are short: compared as numbers only when as long as the limit.
      String significant = VersionText.stripZeros(digits);
      return significant.length() > maxDigits
          || (significant.length() == maxDigits && new BigInteger(significant).compareTo(max) > 0);
    }
  }

  private final String ecosystem;
  private final boolean trims;
  private final boolean optionalV;
  private final boolean shorthands;
  private final boolean leadingZeros;
  private final CoreLimit coreLimit;
  private final boolean dartIdentifiers;
  private final boolean buildOrders;

  private SemverVersionScheme(
      String ecosystem,
      boolean trims,
      boolean optionalV,
      boolean shorthands,
      boolean leadingZeros,
      CoreLimit coreLimit,
      boolean dartIdentifiers,
      boolean buildOrders) {
    this.ecosystem = ecosystem;
    this.trims = trims;
    this.optionalV = optionalV;
    this.shorthands = shorthands;
    this.leadingZeros = leadingZeros;
    this.coreLimit = coreLimit;
    this.dartIdentifiers = dartIdentifiers;
    this.buildOrders = buildOrders;
  }

  /** Strict SemVer 2.0.0 under the given ecosystem name ({@code semver}, {@code hex}, ...). */
  public static SemverVersionScheme strict(String ecosystem) {
    return new SemverVersionScheme(
        ecosystem, false, false, false, false, CoreLimit.NONE, false, false);
  }

  public static SemverVersionScheme cargo() {
    return new SemverVersionScheme(
        "cargo", false, false, false, false, CoreLimit.U64, false, false);
  }

  public static SemverVersionScheme npm() {
    return new SemverVersionScheme(
        "npm", true, true, false, false, CoreLimit.SAFE_INTEGER, false, false);
  }

  public static SemverVersionScheme go() {
    return new SemverVersionScheme(
        "golang", false, true, true, false, CoreLimit.NONE, false, false);
  }

  public static SemverVersionScheme pub() {
    return new SemverVersionScheme("pub", false, false, false, true, CoreLimit.INT64, true, true);
  }

  @Override
  public String ecosystem() {
    return ecosystem;
  }

  @Override
  public ParsedVersion parse(String version) {
    String v = version;
    // node-semver checks the length of the string as given and only then matches version.trim().
    if (trims && version.length() <= VersionText.MAX_LENGTH) {
      v = trimLikeJavaScript(version);
    }
    VersionText.requireBasic(ecosystem, v);
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
    if (coreLimit.isExceededBy(text)) {
      throw invalid(version, name + " version is larger than " + coreLimit.label);
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
      boolean digits = VersionText.isAsciiDigits(part);
      if (digits && !zerosAllowed && !leadingZeros && part.length() > 1 && part.charAt(0) == '0') {
        throw invalid(version, what + " identifier " + part + " has a leading zero");
      }
      BigInteger number = dartIdentifiers ? dartInt(part) : digits ? new BigInteger(part) : null;
      ids[i] = new Identifier(part, number);
    }
    return List.of(ids);
  }

  /**
   * Dart's {@code int.tryParse(part)} as the VM implements it: an optional {@code -} (the
   * identifier grammar has no {@code +}), then decimal digits, or {@code 0x}/{@code 0X} and hex
   * digits. A value outside the signed 64-bit range is no number, except that a hex literal up to
   * 2^64-1 is read as unsigned and becomes the negative int with the same bits.
   */
  private static @Nullable BigInteger dartInt(String part) {
    boolean negative = part.startsWith("-");
    int start = negative ? 1 : 0;
    boolean hex =
        part.length() > start + 1
            && part.charAt(start) == '0'
            && (part.charAt(start + 1) == 'x' || part.charAt(start + 1) == 'X');
    String digits = part.substring(hex ? start + 2 : start);
    boolean valid =
        hex
            ? !digits.isEmpty() && digits.chars().allMatch(HexFormat::isHexDigit)
            : VersionText.isAsciiDigits(digits);
    if (!valid) {
      return null;
    }
    BigInteger value = new BigInteger(digits, hex ? 16 : 10);
    if (negative) {
      value = value.negate();
    }
    if (value.bitLength() < Long.SIZE) {
      return value;
    }
    return hex && !negative && value.bitLength() == Long.SIZE
        ? BigInteger.valueOf(value.longValue())
        : null;
  }

  /**
   * JavaScript's {@code String.prototype.trim}: it removes the Unicode space separators, the line
   * and paragraph separators, tab, the line breaks, vertical tab, form feed and the byte order
   * mark, but not other format characters such as U+200B.
   */
  private static String trimLikeJavaScript(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && isJavaScriptWhitespace(s.charAt(start))) {
      start++;
    }
    while (end > start && isJavaScriptWhitespace(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(start, end);
  }

  private static boolean isJavaScriptWhitespace(char c) {
    return switch (Character.getType(c)) {
      case Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR ->
          true;
      default -> c == '\t' || c == '\n' || c == '\u000b' || c == '\f' || c == '\r' || c == '\ufeff';
    };
  }

  private InvalidVersionException invalid(String version, String reason) {
    return new InvalidVersionException(ecosystem, version, reason);
  }

  /**
   * A dot-separated pre-release or build identifier with its value when the ecosystem reads it as a
   * number; numbers sort first, by value, and the rest by their text.
   */
  private record Identifier(String text, @Nullable BigInteger number)
      implements Comparable<Identifier> {
    @Override
    public int compareTo(Identifier o) {
      if (number != null && o.number != null) {
        return number.compareTo(o.number);
      }
      if (number != null || o.number != null) {
        return number != null ? -1 : 1;
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
