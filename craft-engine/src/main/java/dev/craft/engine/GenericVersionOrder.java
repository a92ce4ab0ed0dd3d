package dev.craft.engine;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The version order for CPE matches, where no package ecosystem says how to compare: NVD's bounds
 * are vendor version strings ({@code 1.0.2k}, {@code 2.15.0-rc1}, {@code 9.0.0.M1}). Versions are
 * split into numeric and alphabetic runs; numbers compare by value, pre-release words ({@code
 * alpha} … {@code rc}, and {@code a1}, {@code b2}, {@code M1}) rank below a release and in their
 * usual order, other words compare as text and rank above a release ({@code 1.0.2k} after {@code
 * 1.0.2}); trailing zero numbers are ignored ({@code 1.0} = {@code 1.0.0}).
 */
final class GenericVersionOrder {
  private static final Map<String, Integer> PRE_RELEASE =
      Map.ofEntries(
          Map.entry("dev", 0),
          Map.entry("snapshot", 0),
          Map.entry("alpha", 1),
          Map.entry("beta", 2),
          Map.entry("milestone", 3),
          Map.entry("ea", 3),
          Map.entry("pre", 4),
          Map.entry("preview", 4),
          Map.entry("cr", 5),
          Map.entry("rc", 5));

  /**
   * Single letters that abbreviate a pre-release word when a number follows at once ({@code 1.0a1},
   * {@code 9.0.0.M1}); alone they are patch letters ({@code 1.0.2a} after {@code 1.0.2}).
   */
  private static final Map<String, String> ABBREVIATED =
      Map.of("a", "alpha", "b", "beta", "c", "rc", "m", "milestone");

  private static final int MAX_LENGTH = 256;

  private GenericVersionOrder() {}

  /** Whether the text can be ordered: non-empty, short, and holds at least one digit. */
  static boolean orderable(String version) {
    String v = version.strip();
    return !v.isEmpty() && v.length() <= MAX_LENGTH && v.chars().anyMatch(Character::isDigit);
  }

  static int compare(String a, String b) {
    if (!orderable(a) || !orderable(b)) {
      throw new IllegalArgumentException("not an orderable version: " + (orderable(a) ? b : a));
    }
    List<String> x = tokens(a);
    List<String> y = tokens(b);
    int n = Math.min(x.size(), y.size());
    for (int i = 0; i < n; i++) {
      int c = compareToken(x.get(i), y.get(i));
      if (c != 0) {
        return c;
      }
    }
    if (x.size() == y.size()) {
      return 0;
    }
    return x.size() > y.size() ? rest(x.subList(n, x.size())) : -rest(y.subList(n, y.size()));
  }

  /** How the longer version's extra tokens rank against their absence. */
  private static int rest(List<String> extra) {
    for (String t : extra) {
      if (numeric(t)) {
        if (new BigInteger(t).signum() != 0) {
          return 1;
        }
      } else {
        return PRE_RELEASE.containsKey(t) ? -1 : 1;
      }
    }
    return 0;
  }

  private static int compareToken(String x, String y) {
    boolean nx = numeric(x);
    boolean ny = numeric(y);
    if (nx && ny) {
      return new BigInteger(x).compareTo(new BigInteger(y));
    }
    if (nx != ny) {
      // A number against a word: a pre-release word ranks below any number, another word above.
      String word = nx ? y : x;
      int c = PRE_RELEASE.containsKey(word) ? 1 : -1;
      return nx ? c : -c;
    }
    Integer px = PRE_RELEASE.get(x);
    Integer py = PRE_RELEASE.get(y);
    if (px != null && py != null) {
      return Integer.compare(px, py);
    }
    if (px != null || py != null) {
      return px != null ? -1 : 1;
    }
    return x.compareTo(y);
  }

  private static boolean numeric(String t) {
    return !t.isEmpty() && Character.isDigit(t.charAt(0));
  }

  private static List<String> tokens(String version) {
    List<String> out = new ArrayList<>();
    String v = version.strip().toLowerCase(Locale.ROOT);
    int i = 0;
    while (i < v.length()) {
      char c = v.charAt(i);
      if (!Character.isLetterOrDigit(c)) {
        i++;
        continue;
      }
      int start = i;
      boolean digit = Character.isDigit(c);
      while (i < v.length()
          && Character.isLetterOrDigit(v.charAt(i))
          && Character.isDigit(v.charAt(i)) == digit) {
        i++;
      }
      String token = v.substring(start, i);
      if (!digit && i < v.length() && Character.isDigit(v.charAt(i))) {
        token = ABBREVIATED.getOrDefault(token, token);
      }
      out.add(token);
    }
    return out;
  }
}
