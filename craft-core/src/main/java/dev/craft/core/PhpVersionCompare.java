package dev.craft.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * PHP's {@code version_compare} (ext/standard/versioning.c), which Composer applies to normalized
 * versions. Letter parts rank {@code dev < alpha = a < beta = b < RC = rc < number < pl = p}, any
 * other word below {@code dev}; a word matches a rank by prefix, as PHP's strncmp does.
 */
final class PhpVersionCompare {
  private static final Map<String, Integer> FORMS =
      Map.of(
          "dev", 0, "alpha", 1, "a", 1, "beta", 2, "b", 2, "RC", 3, "rc", 3, "#", 4, "pl", 5, "p",
          5);
  // PHP tries the forms in this order; "alpha" must be tried before "a", "pl" before "p".
  private static final List<String> ORDER =
      List.of("dev", "alpha", "a", "beta", "b", "RC", "rc", "#", "pl", "p");
  private static final String NUMBER = "#N#";

  private PhpVersionCompare() {}

  static int compare(String a, String b) {
    List<String> x = parts(canonical(a));
    List<String> y = parts(canonical(b));
    int n = Math.min(x.size(), y.size());
    for (int i = 0; i < n; i++) {
      String p = x.get(i);
      String q = y.get(i);
      int c;
      if (isNumber(p) && isNumber(q)) {
        c = VersionText.compareDigits(p, q);
      } else if (!isNumber(p) && !isNumber(q)) {
        c = compareForms(p, q);
      } else {
        c = isNumber(p) ? compareForms(NUMBER, q) : compareForms(p, NUMBER);
      }
      if (c != 0) {
        return c;
      }
    }
    if (x.size() > n) {
      return isNumber(x.get(n)) ? 1 : compare(String.join(".", x.subList(n, x.size())), NUMBER);
    }
    if (y.size() > n) {
      return isNumber(y.get(n)) ? -1 : compare(NUMBER, String.join(".", y.subList(n, y.size())));
    }
    return 0;
  }

  /** Separators {@code - _ +} become dots, and a dot goes between digits and non-digits. */
  static String canonical(String v) {
    var out = new StringBuilder();
    out.append(v.charAt(0));
    char last = v.charAt(0);
    for (int i = 1; i < v.length(); i++) {
      char c = v.charAt(i);
      char prev = out.charAt(out.length() - 1);
      if (c == '-' || c == '_' || c == '+') {
        if (prev != '.') {
          out.append('.');
        }
      } else if ((isNonDigit(last) && isDigit(c)) || (isDigit(last) && isNonDigit(c))) {
        if (prev != '.') {
          out.append('.');
        }
        out.append(c);
      } else if (!Character.isLetterOrDigit(c) || c > 0x7f) {
        if (prev != '.') {
          out.append('.');
        }
      } else {
        out.append(c);
      }
      last = c;
    }
    return out.toString();
  }

  private static List<String> parts(String canonical) {
    List<String> parts = new ArrayList<>();
    for (String p : canonical.split("\\.", -1)) {
      if (!p.isEmpty()) {
        parts.add(p);
      }
    }
    return parts;
  }

  private static int compareForms(String a, String b) {
    return Integer.compare(rank(a), rank(b));
  }

  private static int rank(String form) {
    for (String name : ORDER) {
      if (form.startsWith(name)) {
        return FORMS.get(name);
      }
    }
    return -1;
  }

  private static boolean isNumber(String part) {
    return isDigit(part.charAt(0));
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isNonDigit(char c) {
    return !isDigit(c) && c != '.';
  }
}
