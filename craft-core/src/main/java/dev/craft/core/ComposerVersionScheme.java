package dev.craft.core;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Packagist's order, as Composer: {@code VersionParser::normalize} turns a version into four
 * numbers plus a stability suffix ({@code v1.0-beta2} becomes {@code 1.0.0.0-beta2}), then PHP's
 * {@code version_compare} orders the normalized strings ({@code dev < alpha < beta < RC < stable <
 * patch}). Branches ({@code dev-main}) have no order in Composer, so comparing two different
 * branches, or a branch with a version, is an error here rather than a guess.
 */
public final class ComposerVersionScheme implements VersionScheme {
  private static final String MODIFIER =
      "[._-]?(?:(stable|beta|b|RC|alpha|a|patch|pl|p)((?:[.-]?\\d+)*+)?)?([.-]?dev)?";
  private static final Pattern CLASSICAL =
      Pattern.compile(
          "v?(\\d{1,5}+)(\\.\\d++)?(\\.\\d++)?(\\.\\d++)?" + MODIFIER, Pattern.CASE_INSENSITIVE);
  private static final Pattern DATE =
      Pattern.compile(
          "v?(\\d{4}(?:[.:-]?\\d{2}){1,6}(?:[.:-]?\\d{1,3}){0,2})" + MODIFIER,
          Pattern.CASE_INSENSITIVE);
  private static final Pattern DEV_SUFFIX =
      Pattern.compile("(.*?)[.-]?dev", Pattern.CASE_INSENSITIVE);
  private static final Pattern BUILD = Pattern.compile("([^,\\s+]++)\\+\\S++");
  private static final Pattern BRANCH =
      Pattern.compile(
          "v?(\\d++)(\\.(?:\\d++|[xX*]))?(\\.(?:\\d++|[xX*]))?(\\.(?:\\d++|[xX*]))?",
          Pattern.CASE_INSENSITIVE);

  @Override
  public String ecosystem() {
    return "composer";
  }

  @Override
  public ParsedVersion parse(String version) {
    VersionText.requireBasic(ecosystem(), version);
    return new ParsedVersion(ecosystem(), version, new Key(version, normalize(version)));
  }

  /** Composer's VersionParser::normalize, without aliases ({@code as}) and stability flags. */
  String normalize(String version) {
    String v = version.strip();
    if (v.equals("master") || v.equals("trunk") || v.equals("default")) {
      return "dev-" + v;
    }
    if (v.regionMatches(true, 0, "dev-", 0, 4)) {
      if (v.length() == 4) {
        throw invalid(version, "empty branch name");
      }
      return "dev-" + v.substring(4);
    }
    Matcher build = BUILD.matcher(v);
    if (build.matches()) {
      v = build.group(1);
    }
    Matcher m = CLASSICAL.matcher(v);
    String normal = null;
    int index = 0;
    if (m.matches()) {
      normal =
          m.group(1)
              + (m.group(2) != null ? m.group(2) : ".0")
              + (m.group(3) != null ? m.group(3) : ".0")
              + (m.group(4) != null ? m.group(4) : ".0");
      index = 5;
    } else {
      m = DATE.matcher(v);
      if (m.matches()) {
        normal = m.group(1).replaceAll("\\D", ".");
        index = 2;
      }
    }
    if (normal != null) {
      String stability = m.group(index);
      if (stability != null) {
        if (stability.equals("stable")) {
          return normal;
        }
        String number = m.group(index + 1) == null ? "" : m.group(index + 1);
        normal += "-" + expandStability(stability) + number.replaceFirst("^[.-]+", "");
      }
      if (m.group(index + 2) != null) {
        normal += "-dev";
      }
      return normal;
    }
    Matcher dev = DEV_SUFFIX.matcher(v);
    if (dev.matches()) {
      Matcher branch = BRANCH.matcher(dev.group(1).strip());
      if (branch.matches()) {
        var out = new StringBuilder(branch.group(1));
        for (int i = 2; i <= 4; i++) {
          out.append(
              branch.group(i) == null ? ".x" : branch.group(i).replace('*', 'x').replace('X', 'x'));
        }
        return out.toString().replace("x", "9999999") + "-dev";
      }
    }
    throw invalid(version, "not a Composer version");
  }

  private static String expandStability(String stability) {
    return switch (stability.toLowerCase(Locale.ROOT)) {
      case "a" -> "alpha";
      case "b" -> "beta";
      case "p", "pl" -> "patch";
      case "rc" -> "RC";
      default -> stability.toLowerCase(Locale.ROOT);
    };
  }

  private InvalidVersionException invalid(String version, String reason) {
    return new InvalidVersionException(ecosystem(), version, reason);
  }

  private record Key(String text, String normal) implements Comparable<Key> {
    @Override
    public int compareTo(Key o) {
      boolean branch = normal.startsWith("dev-");
      boolean otherBranch = o.normal.startsWith("dev-");
      if (branch || otherBranch) {
        if (normal.equals(o.normal)) {
          return 0;
        }
        throw InvalidVersionException.unordered("composer", text, o.text);
      }
      return PhpVersionCompare.compare(normal, o.normal);
    }
  }
}
