package dev.craft.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.craft.core.InvalidInputException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Version numbers and tracking blocks of a new revision (CSAF 2.0 {@code version_t} and tracking):
 * integer versions count up by one; semantic versions bump major, minor (the default) or patch, and
 * drop any pre-release or build part.
 */
final class CsafRevisions {
  static final List<String> BUMPS = List.of("major", "minor", "patch");
  private static final Pattern INTEGER = Pattern.compile("0|[1-9]\\d{0,8}");
  private static final Pattern SEMVER =
      Pattern.compile("(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})([-+].*)?");

  private CsafRevisions() {}

  /** The version after {@code current}; {@code bump} is empty, major, minor or patch. */
  static String next(String current, String bump) {
    String b = bump.strip().toLowerCase(Locale.ROOT);
    if (!b.isEmpty() && !BUMPS.contains(b)) {
      throw new InvalidInputException("bump: one of " + BUMPS);
    }
    if (INTEGER.matcher(current).matches()) {
      if (!b.isEmpty()) {
        throw new InvalidInputException(
            "bump: the document uses integer versioning (" + current + "), which has no " + b);
      }
      return Integer.toString(Integer.parseInt(current) + 1);
    }
    var m = SEMVER.matcher(current);
    if (!m.matches()) {
      throw new InvalidInputException("version " + current + " is neither an integer nor semver");
    }
    int major = Integer.parseInt(m.group(1));
    int minor = Integer.parseInt(m.group(2));
    int patch = Integer.parseInt(m.group(3));
    return switch (b.isEmpty() ? "minor" : b) {
      case "major" -> (major + 1) + ".0.0";
      case "patch" -> major + "." + minor + "." + (patch + 1);
      default -> major + "." + (minor + 1) + ".0";
    };
  }

  /**
   * The content of {@code built} (freshly generated from the revised input) with the tracking of
   * {@code published} carried on: same id and initial release date, the history plus one entry.
   */
  static ObjectNode revised(
      ObjectNode built, ObjectNode published, String number, String summary, Instant now) {
    var root = built.deepCopy();
    var tracking = ((ObjectNode) published.path("document").path("tracking")).deepCopy();
    tracking.put("current_release_date", CsafDocuments.date(now));
    var entry = ((ArrayNode) tracking.path("revision_history")).addObject();
    entry.put("date", CsafDocuments.date(now));
    entry.put("number", number);
    entry.put("summary", summary);
    tracking.put("status", "final");
    tracking.put("version", number);
    ((ObjectNode) root.path("document")).set("tracking", tracking);
    return root;
  }

  /** The revision as published at {@code now}: the last history entry and release date move. */
  static ObjectNode atPublication(ObjectNode draft, Instant now) {
    var root = draft.deepCopy();
    var tracking = (ObjectNode) root.path("document").path("tracking");
    tracking.put("current_release_date", CsafDocuments.date(now));
    var history = (ArrayNode) tracking.path("revision_history");
    ((ObjectNode) history.get(history.size() - 1)).put("date", CsafDocuments.date(now));
    tracking.put("status", "final");
    return root;
  }
}
