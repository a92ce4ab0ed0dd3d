package dev.craft.core;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * PyPI's order, PEP 440 as implemented by {@code packaging.version.Version}: epochs, pre-releases
 * ({@code a}, {@code b}, {@code rc} and their alternative spellings), post- and dev-releases, local
 * versions, trailing zeros ignored ({@code 1.0 == 1.0.0}). Legacy (non-PEP-440) versions are
 * refused, as packaging has done since version 22.
 */
public final class Pep440VersionScheme implements VersionScheme {
  // packaging's VERSION_PATTERN with Java group names (no underscores allowed there).
  private static final Pattern PATTERN =
      Pattern.compile(
          """
          \\s*v?+
          (?:(?<epoch>[0-9]+)!)?+
          (?<release>[0-9]+(?:\\.[0-9]+)*+)
          (?<pre>[._-]?+(?<prel>alpha|a|beta|b|preview|pre|c|rc)[._-]?+(?<pren>[0-9]+)?)?+
          (?<post>(?:-(?<postn1>[0-9]+))|(?:[._-]?(?<postl>post|rev|r)[._-]?(?<postn2>[0-9]+)?))?+
          (?<dev>[._-]?+(?<devl>dev)[._-]?+(?<devn>[0-9]+)?)?+
          (?:\\+(?<local>[a-z0-9]+(?:[._-][a-z0-9]+)*+))?+
          \\s*""",
          Pattern.COMMENTS | Pattern.CASE_INSENSITIVE);

  // Group numbers looked up once: Matcher.group(String) copies the pattern's name map on every
  // call.
  private static final int DEVL = PATTERN.namedGroups().get("devl");
  private static final int DEVN = PATTERN.namedGroups().get("devn");
  private static final int EPOCH = PATTERN.namedGroups().get("epoch");
  private static final int LOCAL = PATTERN.namedGroups().get("local");
  private static final int POST = PATTERN.namedGroups().get("post");
  private static final int POSTN1 = PATTERN.namedGroups().get("postn1");
  private static final int POSTN2 = PATTERN.namedGroups().get("postn2");
  private static final int PREL = PATTERN.namedGroups().get("prel");
  private static final int PREN = PATTERN.namedGroups().get("pren");
  private static final int RELEASE = PATTERN.namedGroups().get("release");

  // The ranks packaging's _cmpkey gives to the pre-release slot.
  private static final int DEV_ONLY = -1;
  private static final int STABLE = 3;

  @Override
  public String ecosystem() {
    return "pypi";
  }

  @Override
  public ParsedVersion parse(String version) {
    VersionText.requireBasic(ecosystem(), version);
    // The COMMENTS flag would also drop literal spaces inside the version, so reject them first.
    String core = version.strip();
    if (core.chars().anyMatch(Character::isWhitespace)) {
      throw new InvalidVersionException(ecosystem(), version, "whitespace inside the version");
    }
    Matcher m = PATTERN.matcher(core);
    if (!m.matches() || hasNonAsciiLetters(core)) {
      throw new InvalidVersionException(ecosystem(), version, "not a PEP 440 version");
    }
    BigInteger epoch = number(m.group(EPOCH));
    List<BigInteger> release = new ArrayList<>();
    for (String part : m.group(RELEASE).split("\\.")) {
      release.add(number(part));
    }
    while (!release.isEmpty() && release.getLast().signum() == 0) {
      release.removeLast();
    }
    boolean hasPre = m.group(PREL) != null;
    boolean hasPost = m.group(POST) != null;
    boolean hasDev = m.group(DEVL) != null;
    int preRank = STABLE;
    BigInteger preN = BigInteger.ZERO;
    if (hasPre) {
      preRank =
          switch (m.group(PREL).toLowerCase(Locale.ROOT)) {
            case "a", "alpha" -> 0;
            case "b", "beta" -> 1;
            default -> 2; // c, rc, pre, preview all mean rc
          };
      preN = number(m.group(PREN));
    } else if (!hasPost && hasDev) {
      preRank = DEV_ONLY;
    }
    String postText = m.group(POSTN1) != null ? m.group(POSTN1) : m.group(POSTN2);
    BigInteger postN = hasPost ? number(postText) : BigInteger.ZERO;
    BigInteger devN = hasDev ? number(m.group(DEVN)) : BigInteger.ZERO;
    List<Comparable<?>> local = new ArrayList<>();
    String localText = m.group(LOCAL);
    if (localText != null) {
      for (String part : localText.split("[._-]")) {
        local.add(VersionText.isAsciiDigits(part) ? number(part) : part.toLowerCase(Locale.ROOT));
      }
    }
    return new ParsedVersion(
        ecosystem(),
        version,
        new Key(
            epoch,
            List.copyOf(release),
            preRank,
            preN,
            hasPost,
            postN,
            hasDev,
            devN,
            localText != null,
            List.copyOf(local)));
  }

  /** packaging matches the version itself under {@code (?a:...)}: ASCII only. */
  private static boolean hasNonAsciiLetters(String s) {
    return s.chars().anyMatch(c -> c > 0x7f && !Character.isWhitespace(c));
  }

  /**
   * The numbers of versions below this are shared: an index holds hundreds of thousands of parsed
   * versions, nearly all of whose numbers are small.
   */
  private static final BigInteger[] SMALL =
      java.util.stream.IntStream.range(0, 1024)
          .mapToObj(BigInteger::valueOf)
          .toArray(BigInteger[]::new);

  /** {@code digits} (ASCII digits, or null for zero) as a number. */
  private static BigInteger number(@Nullable String digits) {
    if (digits == null) {
      return BigInteger.ZERO;
    }
    if (digits.length() <= 18) {
      long n = Long.parseLong(digits);
      return n < SMALL.length ? SMALL[(int) n] : BigInteger.valueOf(n);
    }
    return new BigInteger(digits);
  }

  private record Key(
      BigInteger epoch,
      List<BigInteger> release,
      int preRank,
      BigInteger preN,
      boolean hasPost,
      BigInteger postN,
      boolean hasDev,
      BigInteger devN,
      boolean hasLocal,
      List<Comparable<?>> local)
      implements Comparable<Key> {
    @Override
    public int compareTo(Key o) {
      int c = epoch.compareTo(o.epoch);
      if (c == 0) {
        c = compareRelease(release, o.release);
      }
      if (c == 0) {
        c = Integer.compare(preRank, o.preRank);
      }
      if (c == 0) {
        c = preN.compareTo(o.preN);
      }
      if (c == 0) {
        c = Boolean.compare(hasPost, o.hasPost);
      }
      if (c == 0) {
        c = postN.compareTo(o.postN);
      }
      if (c == 0) {
        // A dev release sorts before the same version without one.
        c = Boolean.compare(!hasDev, !o.hasDev);
      }
      if (c == 0) {
        c = devN.compareTo(o.devN);
      }
      if (c == 0) {
        c = Boolean.compare(hasLocal, o.hasLocal);
      }
      if (c == 0) {
        c = compareLocal(local, o.local);
      }
      return Integer.signum(c);
    }

    private static int compareRelease(List<BigInteger> a, List<BigInteger> b) {
      for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
        int c = a.get(i).compareTo(b.get(i));
        if (c != 0) {
          return c;
        }
      }
      return Integer.compare(a.size(), b.size());
    }

    /** PEP 440: numeric segments sort after alphanumeric ones; then shorter first. */
    private static int compareLocal(List<Comparable<?>> a, List<Comparable<?>> b) {
      for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
        Object x = a.get(i);
        Object y = b.get(i);
        int c;
        if (x instanceof BigInteger bx && y instanceof BigInteger by) {
          c = bx.compareTo(by);
        } else if (x instanceof String sx && y instanceof String sy) {
          c = sx.compareTo(sy);
        } else {
          c = x instanceof BigInteger ? 1 : -1;
        }
        if (c != 0) {
          return c;
        }
      }
      return Integer.compare(a.size(), b.size());
    }
  }
}
