package dev.craft.core;

import java.util.List;

/**
 * NuGet's order, as {@code NuGet.Versioning.NuGetVersion} with the default comparer: two to four
 * numbers (missing ones are 0, leading zeros allowed, so {@code 1.0 == 1.0.0.0 == 01.0.0}), then
 * SemVer 2.0 release labels compared case-insensitively, numeric labels first and by value; build
 * metadata is ignored. A single number is accepted as NuGet does by reading it as {@code N.0}.
 */
public final class NugetVersionScheme implements VersionScheme {
  @Override
  public String ecosystem() {
    return "nuget";
  }

  @Override
  public ParsedVersion parse(String version) {
    VersionText.requireBasic(ecosystem(), version);
    String v = version.strip();
    // The numeric part ends at the first '-' (labels) or '+' (metadata), whichever comes first.
    int dash = v.indexOf('-');
    int plus = v.indexOf('+');
    int end = dash < 0 ? plus : (plus < 0 ? dash : Math.min(dash, plus));
    String numbers = end < 0 ? v : v.substring(0, end);
    String labels = null;
    String metadata = null;
    if (end >= 0 && end == dash) {
      labels = plus > dash ? v.substring(dash + 1, plus) : v.substring(dash + 1);
    }
    if (plus >= 0) {
      metadata = v.substring(plus + 1);
    }
    String[] parts = numbers.split("\\.", -1);
    if (parts.length > 4) {
      throw invalid(version, "more than four numbers");
    }
    long[] value = new long[4];
    for (int i = 0; i < parts.length; i++) {
      if (!VersionText.isAsciiDigits(parts[i])) {
        throw invalid(version, "version part " + VersionText.quote(parts[i]) + " is not a number");
      }
      String digits = VersionText.stripZeros(parts[i]);
      if (digits.length() > 10 || Long.parseLong(digits) > Integer.MAX_VALUE) {
        throw invalid(version, "version part " + digits + " is larger than 2147483647");
      }
      value[i] = Long.parseLong(digits);
    }
    List<String> labelList = List.of();
    if (labels != null) {
      labelList = List.of(labels.split("\\.", -1));
      for (String label : labelList) {
        requirePart(version, label, false);
      }
    }
    if (metadata != null) {
      for (String part : metadata.split("\\.", -1)) {
        requirePart(version, part, true);
      }
    }
    return new ParsedVersion(ecosystem(), version, new Key(value, labelList));
  }

  private void requirePart(String version, String part, boolean zerosAllowed) {
    if (part.isEmpty()) {
      throw invalid(version, "empty release label or metadata part");
    }
    for (int i = 0; i < part.length(); i++) {
      char c = part.charAt(i);
      if (!(Character.isLetterOrDigit(c) && c < 0x80) && c != '-') {
        throw invalid(version, "release label has the character '" + c + "'");
      }
    }
    if (!zerosAllowed
        && part.length() > 1
        && VersionText.isAsciiDigits(part)
        && part.startsWith("0")) {
      throw invalid(version, "numeric release label " + part + " has a leading zero");
    }
  }

  private InvalidVersionException invalid(String version, String reason) {
    return new InvalidVersionException(ecosystem(), version, reason);
  }

  private record Key(long[] numbers, List<String> labels) implements Comparable<Key> {
    @Override
    public int compareTo(Key o) {
      for (int i = 0; i < 4; i++) {
        int c = Long.compare(numbers[i], o.numbers[i]);
        if (c != 0) {
          return c;
        }
      }
      if (labels.isEmpty() != o.labels.isEmpty()) {
        return labels.isEmpty() ? 1 : -1;
      }
      for (int i = 0; i < Math.max(labels.size(), o.labels.size()); i++) {
        if (i >= labels.size()) {
          return -1;
        }
        if (i >= o.labels.size()) {
          return 1;
        }
        int c = compareLabel(labels.get(i), o.labels.get(i));
        if (c != 0) {
          return c;
        }
      }
      return 0;
    }

    /** NuGet treats a label as numeric when .NET's int.TryParse accepts it. */
    private static int compareLabel(String a, String b) {
      Integer x = asInt(a);
      Integer y = asInt(b);
      if (x != null && y != null) {
        return Integer.compare(x, y);
      }
      if (x != null || y != null) {
        return x != null ? -1 : 1;
      }
      return Integer.signum(String.CASE_INSENSITIVE_ORDER.compare(a, b));
    }

    private static @org.jspecify.annotations.Nullable Integer asInt(String label) {
      String digits = label.startsWith("-") ? label.substring(1) : label;
      if (!VersionText.isAsciiDigits(digits)) {
        return null;
      }
      try {
        return Integer.parseInt(label);
      } catch (NumberFormatException e) {
        return null;
      }
    }
  }
}
