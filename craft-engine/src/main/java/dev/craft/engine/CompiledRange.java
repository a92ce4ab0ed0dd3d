package dev.craft.engine;

import dev.craft.core.InvalidVersionException;
import dev.craft.core.ParsedVersion;
import dev.craft.core.VersionScheme;
import dev.craft.formats.OsvEvent;
import dev.craft.formats.OsvRange;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One ECOSYSTEM or SEMVER range with its bounds parsed once, at index time, and sorted as the OSV
 * schema's evaluation requires. A range that cannot be evaluated (GIT, no comparator, a bound the
 * comparator rejects, bounds it cannot order) keeps the reason instead, so that the matcher reports
 * it as indeterminate.
 */
final class CompiledRange {
  /** An event with its parsed version; {@code version} is null only for {@code introduced: 0}. */
  record Bound(OsvEvent event, @Nullable ParsedVersion version) {}

  /** The answer for one version: affected or not, and the bounds that decided it. */
  record Outcome(boolean affected, String compared) {}

  final OsvRange range;
  final String description;
  final int index;
  final @Nullable VersionScheme scheme;
  final String problem;
  private final List<Bound> bounds;
  private final List<Bound> limits;
  private final boolean unlimited;

  private CompiledRange(
      OsvRange range,
      int index,
      @Nullable VersionScheme scheme,
      String problem,
      List<Bound> bounds,
      List<Bound> limits,
      boolean unlimited) {
    this.range = range;
    this.description = range.describe();
    this.index = index;
    this.scheme = scheme;
    this.problem = problem;
    this.bounds = bounds;
    this.limits = limits;
    this.unlimited = unlimited;
  }

  static CompiledRange unusable(OsvRange range, int index, String problem) {
    return new CompiledRange(range, index, null, problem, List.of(), List.of(), false);
  }

  static CompiledRange compile(OsvRange range, int index, VersionScheme scheme) {
    var bounds = new ArrayList<Bound>();
    var limits = new ArrayList<Bound>();
    boolean unlimited = false;
    try {
      for (OsvEvent e : range.events()) {
        if (e.kind() == OsvEvent.Kind.LIMIT) {
          if (e.value().equals("*")) {
            unlimited = true;
          } else {
            limits.add(new Bound(e, scheme.parse(e.value())));
          }
        } else {
          bounds.add(new Bound(e, e.isZero() ? null : scheme.parse(e.value())));
        }
      }
      // The schema's algorithm walks the events in version order; "0" sorts first. The sort is
      // stable, so equal versions keep the record's order.
      bounds.sort(CompiledRange::order);
    } catch (InvalidVersionException ex) {
      return unusable(
          range,
          index,
          "range bound rejected by the " + scheme.ecosystem() + " comparator: " + ex.getMessage());
    }
    return new CompiledRange(
        range, index, scheme, "", List.copyOf(bounds), List.copyOf(limits), unlimited);
  }

  private static int order(Bound a, Bound b) {
    ParsedVersion va = a.version();
    ParsedVersion vb = b.version();
    if (va == null || vb == null) {
      return va == null ? (vb == null ? 0 : -1) : 1;
    }
    return va.compareTo(vb);
  }

  /**
   * Evaluates the range for a version parsed by {@link #scheme}, following the OSV schema's
   * pseudo-code: introduced opens, fixed closes at, last_affected closes after; limits cap it.
   *
   * @throws InvalidVersionException if the comparator cannot order the version against a bound
   */
  Outcome evaluate(ParsedVersion v) {
    boolean affected = false;
    @Nullable Bound opened = null;
    @Nullable Bound closed = null;
    for (Bound b : bounds) {
      ParsedVersion bv = b.version();
      switch (b.event().kind()) {
        case INTRODUCED -> {
          if (bv == null || v.compareTo(bv) >= 0) {
            affected = true;
            opened = b;
            closed = null;
          }
        }
        case FIXED -> {
          if (bv != null && v.compareTo(bv) >= 0) {
            affected = false;
          } else if (affected && closed == null) {
            closed = b;
          }
        }
        case LAST_AFFECTED -> {
          if (bv != null && v.compareTo(bv) > 0) {
            affected = false;
          } else if (affected && closed == null) {
            closed = b;
          }
        }
        case LIMIT -> throw new IllegalStateException("limits are kept apart");
      }
    }
    if (affected && !unlimited && !limits.isEmpty()) {
      boolean below = limits.stream().anyMatch(l -> v.compareTo(l.version()) < 0);
      if (!below) {
        return new Outcome(false, "at or above every limit");
      }
    }
    if (!affected) {
      return new Outcome(false, "");
    }
    String lower = opened == null ? "" : opened.event() + " <= ";
    String upper =
        closed == null
            ? ""
            : closed.event().kind() == OsvEvent.Kind.FIXED
                ? " < " + closed.event()
                : " <= " + closed.event();
    return new Outcome(true, lower + v.text() + upper);
  }
}
