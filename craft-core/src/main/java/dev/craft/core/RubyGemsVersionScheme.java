package dev.craft.core;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RubyGems' order, as {@code Gem::Version}: a {@code -} means {@code .pre.}, the version splits
 * into number and letter segments, trailing zeros of the numeric and of the letter part are
 * dropped, and a letter segment sorts before any number ({@code 1.0.a < 1.0 < 1.0.1}). RubyGems
 * reads an empty string as {@code 0}; we refuse it.
 */
public final class RubyGemsVersionScheme implements VersionScheme {
  private static final Pattern PATTERN =
      Pattern.compile(
          "[ \\t\\n\\x0B\\f\\r]*([0-9]+(?>\\.[0-9a-zA-Z]+)*(-[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?)"
              + "[ \\t\\n\\x0B\\f\\r]*");
  private static final Pattern SEGMENT = Pattern.compile("[0-9]+|[a-zA-Z]+");

  @Override
  public String ecosystem() {
    return "gem";
  }

  @Override
  public ParsedVersion parse(String version) {
    VersionText.requireBasic(ecosystem(), version);
    Matcher m = PATTERN.matcher(version);
    if (!m.matches()) {
      throw new InvalidVersionException(ecosystem(), version, "malformed version number string");
    }
    String normal = m.group(1).replace("-", ".pre.");
    List<Object> segments = new ArrayList<>();
    Matcher s = SEGMENT.matcher(normal);
    while (s.find()) {
      String seg = s.group();
      segments.add(Character.isDigit(seg.charAt(0)) ? new BigInteger(seg) : seg);
    }
    int firstString = 0;
    while (firstString < segments.size() && segments.get(firstString) instanceof BigInteger) {
      firstString++;
    }
    List<Object> canonical = new ArrayList<>(dropTrailingZeros(segments.subList(0, firstString)));
    canonical.addAll(dropTrailingZeros(segments.subList(firstString, segments.size())));
    return new ParsedVersion(ecosystem(), version, new Key(normal, List.copyOf(canonical)));
  }

  private static List<Object> dropTrailingZeros(List<Object> segments) {
    int end = segments.size();
    while (end > 0 && segments.get(end - 1) instanceof BigInteger n && n.signum() == 0) {
      end--;
    }
    return segments.subList(0, end);
  }

  private record Key(String normal, List<Object> segments) implements Comparable<Key> {
    @Override
    public int compareTo(Key o) {
      if (normal.equals(o.normal) || segments.equals(o.segments)) {
        return 0;
      }
      int limit = Math.max(segments.size(), o.segments.size());
      for (int i = 0; i < limit; i++) {
        Object l = i < segments.size() ? segments.get(i) : BigInteger.ZERO;
        Object r = i < o.segments.size() ? o.segments.get(i) : BigInteger.ZERO;
        if (l.equals(r)) {
          continue;
        }
        if (l instanceof String && r instanceof BigInteger) {
          return -1;
        }
        if (l instanceof BigInteger && r instanceof String) {
          return 1;
        }
        if (l instanceof BigInteger bl && r instanceof BigInteger br) {
          return bl.compareTo(br);
        }
        return Integer.signum(((String) l).compareTo((String) r));
      }
      return 0;
    }
  }
}
