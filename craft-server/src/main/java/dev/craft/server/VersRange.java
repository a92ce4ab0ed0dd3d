package dev.craft.server;

import dev.craft.core.InvalidInputException;
import dev.craft.core.InvalidVersionException;
import dev.craft.core.VersionScheme;
import dev.craft.core.VersionSchemes;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code vers:} range (the package-url VERS specification) tested against product release
 * versions. Release versions have no ecosystem, so they are compared in Maven's order whatever the
 * range's scheme says, as triage ranges are (docs/triage.md).
 */
final class VersRange {
  private static final VersionScheme ORDER = VersionSchemes.require("maven");
  private static final int MAX_CONSTRAINTS = 100;

  private record Constraint(String op, String version) {}

  private final List<Constraint> constraints;

  private VersRange(List<Constraint> constraints) {
    this.constraints = List.copyOf(constraints);
  }

  static boolean isRange(String text) {
    return text.startsWith("vers:");
  }

  static VersRange parse(String text) {
    int slash = text.indexOf('/');
    if (!isRange(text) || slash < 0 || slash == text.length() - 1) {
      throw new InvalidInputException("not a vers range: " + text);
    }
    String body = text.substring(slash + 1).strip();
    List<Constraint> out = new ArrayList<>();
    if (body.equals("*")) {
      return new VersRange(out);
    }
    String[] parts = body.split("\\|");
    if (parts.length > MAX_CONSTRAINTS) {
      throw new InvalidInputException("vers range: more than " + MAX_CONSTRAINTS + " constraints");
    }
    for (String raw : parts) {
      String c = raw.strip();
      String op = "=";
      for (String candidate : List.of(">=", "<=", "!=", "<", ">", "=")) {
        if (c.startsWith(candidate)) {
          op = candidate;
          c = c.substring(candidate.length()).strip();
          break;
        }
      }
      if (c.isEmpty()) {
        throw new InvalidInputException("vers range: empty version in " + text);
      }
      out.add(new Constraint(op, c));
    }
    return new VersRange(out);
  }

  /** Whether the version is in the range (the VERS containment algorithm). */
  boolean contains(String version) {
    if (constraints.isEmpty()) {
      return true;
    }
    try {
      for (Constraint c : constraints) {
        if (ORDER.compare(version, c.version()) == 0) {
          return !c.op().equals("!=") && !c.op().equals("<") && !c.op().equals(">");
        }
      }
      List<Constraint> bounds =
          constraints.stream().filter(c -> !c.op().equals("=") && !c.op().equals("!=")).toList();
      if (bounds.isEmpty()) {
        return constraints.stream().allMatch(c -> c.op().equals("!="));
      }
      bounds = bounds.stream().sorted((a, b) -> ORDER.compare(a.version(), b.version())).toList();
      Constraint first = bounds.getFirst();
      if (first.op().startsWith("<") && ORDER.compare(version, first.version()) < 0) {
        return true;
      }
      Constraint last = bounds.getLast();
      if (last.op().startsWith(">") && ORDER.compare(version, last.version()) > 0) {
        return true;
      }
      for (int i = 0; i + 1 < bounds.size(); i++) {
        Constraint lo = bounds.get(i);
        Constraint hi = bounds.get(i + 1);
        if (lo.op().startsWith(">")
            && hi.op().startsWith("<")
            && ORDER.compare(version, lo.version()) > 0
            && ORDER.compare(version, hi.version()) < 0) {
          return true;
        }
      }
      return false;
    } catch (InvalidVersionException e) {
      return false;
    }
  }
}
