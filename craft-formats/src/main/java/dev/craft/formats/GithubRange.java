package dev.craft.formats;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A GitHub {@code vulnerable_version_range} in OSV terms: ECOSYSTEM range events, or a {@code
 * versions[]} list for {@code = v}, or neither with the reason when OSV cannot express it exactly
 * (an exclusive lower bound {@code > v}); such an entry then matches as indeterminate, never as not
 * affected.
 *
 * @param problem why no events or versions were produced; empty otherwise
 */
public record GithubRange(List<OsvEvent> events, List<String> versions, String problem) {
  public GithubRange {
    events = List.copyOf(events);
    versions = List.copyOf(versions);
    Objects.requireNonNull(problem, "problem");
  }

  /**
   * Converts {@code range} (">= 1.0, < 1.2.3", "<= 2.0", "= 1.4", "< 3"); {@code firstPatched}
   * (empty if none) gives the fixed event when the range has no upper bound.
   */
  public static GithubRange of(String range, String firstPatched) {
    String introduced = "";
    String fixed = "";
    String lastAffected = "";
    var versions = new ArrayList<String>();
    for (String part : range.split(",")) {
      String c = part.strip();
      if (c.isEmpty()) {
        continue;
      }
      String op;
      if (c.startsWith(">=") || c.startsWith("<=")) {
        op = c.substring(0, 2);
      } else if (c.startsWith(">") || c.startsWith("<") || c.startsWith("=")) {
        op = c.substring(0, 1);
      } else {
        return problem("constraint '" + c + "' has no operator (>=, >, <, <=, =)");
      }
      String v = c.substring(op.length()).strip();
      if (v.isEmpty()) {
        return problem("constraint '" + c + "' has no version");
      }
      switch (op) {
        case ">=" -> introduced = v;
        case "<" -> fixed = v;
        case "<=" -> lastAffected = v;
        case "=" -> versions.add(v);
        default -> {
          return problem("an exclusive lower bound ('" + c + "') has no OSV event");
        }
      }
    }
    if (!versions.isEmpty()) {
      if (!introduced.isEmpty() || !fixed.isEmpty() || !lastAffected.isEmpty()) {
        return problem("'= v' mixed with other bounds in '" + range.strip() + "'");
      }
      return new GithubRange(List.of(), versions, "");
    }
    String patched = firstPatched.strip();
    if (fixed.isEmpty() && lastAffected.isEmpty() && !patched.isEmpty()) {
      fixed = patched;
    }
    var events = new ArrayList<OsvEvent>();
    events.add(new OsvEvent(OsvEvent.Kind.INTRODUCED, introduced.isEmpty() ? "0" : introduced));
    if (!fixed.isEmpty()) {
      events.add(new OsvEvent(OsvEvent.Kind.FIXED, fixed));
    } else if (!lastAffected.isEmpty()) {
      events.add(new OsvEvent(OsvEvent.Kind.LAST_AFFECTED, lastAffected));
    }
    return new GithubRange(events, List.of(), "");
  }

  private static GithubRange problem(String why) {
    return new GithubRange(List.of(), List.of(), why);
  }
}
