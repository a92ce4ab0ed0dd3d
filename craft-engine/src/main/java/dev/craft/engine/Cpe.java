package dev.craft.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A CPE name, bound from the CPE 2.3 formatted string ({@code cpe:2.3:a:apache:log4j:2.14.1:*:…})
 * or the older 2.2 URI ({@code cpe:/a:apache:log4j:2.14.1}), with its eleven attributes unescaped
 * and lower-cased. {@value #ANY} is "any value" and {@value #NA} "not applicable", as in NISTIR
 * 7695.
 */
public record Cpe(List<String> attributes) {
  public static final String ANY = "*";
  public static final String NA = "-";

  /**
   * Prefix of a CPE look-up key ({@code cpe/vendor:product}) where purl package keys are stored
   * too; no purl type produces it.
   */
  public static final String KEY_PREFIX = "cpe/";

  /** Attribute names in order; {@code part} is a, o or h. */
  static final List<String> NAMES =
      List.of(
          "part",
          "vendor",
          "product",
          "version",
          "update",
          "edition",
          "language",
          "sw_edition",
          "target_sw",
          "target_hw",
          "other");

  private static final int MAX_LENGTH = 2_000;

  public Cpe {
    attributes = List.copyOf(attributes);
    if (attributes.size() != NAMES.size()) {
      throw new IllegalArgumentException("a CPE has " + NAMES.size() + " attributes");
    }
  }

  public String vendor() {
    return attributes.get(1);
  }

  public String product() {
    return attributes.get(2);
  }

  public String version() {
    return attributes.get(3);
  }

  /** The index key: vendor and product, which every useful match names. */
  public String key() {
    return vendor() + ":" + product();
  }

  /** The look-up key ({@code vendor:product}), empty when either is not a real value. */
  public Optional<String> productKey() {
    return specific(vendor()) && specific(product()) ? Optional.of(key()) : Optional.empty();
  }

  /**
   * The vendor:product keys of CPE names, each once, in order; a text that is not a CPE name, or
   * one naming no vendor and product, gives none.
   */
  public static Set<String> productKeys(Collection<String> names) {
    Set<String> keys = new LinkedHashSet<>();
    for (String name : names) {
      parse(name).flatMap(Cpe::productKey).ifPresent(keys::add);
    }
    return keys;
  }

  /** Whether the attribute holds a real value (neither ANY nor NA). */
  static boolean specific(String value) {
    return !value.equals(ANY) && !value.equals(NA) && !value.isEmpty();
  }

  /** Parses a CPE 2.3 formatted string or 2.2 URI; empty when the text is neither. */
  public static Optional<Cpe> parse(String text) {
    String t = text.strip();
    if (t.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    if (t.regionMatches(true, 0, "cpe:2.3:", 0, 8)) {
      List<String> values = split(t.substring(8));
      return values.size() == NAMES.size() ? Optional.of(new Cpe(values)) : Optional.empty();
    }
    if (t.regionMatches(true, 0, "cpe:/", 0, 5)) {
      List<String> values = new ArrayList<>();
      for (String v : t.substring(5).split(":", -1)) {
        values.add(v.isEmpty() ? ANY : uriDecode(v).toLowerCase(Locale.ROOT));
      }
      if (values.isEmpty() || values.size() > 7) {
        return Optional.empty();
      }
      while (values.size() < NAMES.size()) {
        values.add(ANY);
      }
      return Optional.of(new Cpe(values));
    }
    return Optional.empty();
  }

  /** Splits formatted-string attributes on colons that are not escaped, and unescapes them. */
  private static List<String> split(String s) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        cur.append(s.charAt(++i));
      } else if (c == ':') {
        out.add(value(cur.toString()));
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    out.add(value(cur.toString()));
    return out;
  }

  private static String value(String v) {
    return v.isEmpty() ? ANY : v.toLowerCase(Locale.ROOT);
  }

  private static String uriDecode(String v) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c == '%' && i + 2 < v.length()) {
        try {
          out.append((char) Integer.parseInt(v.substring(i + 1, i + 3), 16));
          i += 2;
          continue;
        } catch (NumberFormatException e) {
          // not an escape: keep the text as written
        }
      }
      out.append(c);
    }
    return out.toString();
  }

  /**
   * Whether this CPE, as a match criterion, names the component's CPE in every attribute except the
   * version: ANY on either side matches (the component's ANY is "unknown", not a mismatch).
   */
  boolean namesApartFromVersion(Cpe component) {
    for (int i = 0; i < NAMES.size(); i++) {
      if (i == 3) {
        continue;
      }
      String want = attributes.get(i);
      String have = component.attributes.get(i);
      if (!want.equals(ANY) && !have.equals(ANY) && !want.equals(have)) {
        return false;
      }
    }
    return true;
  }
}
