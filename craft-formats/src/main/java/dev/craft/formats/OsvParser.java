package dev.craft.formats;

import com.fasterxml.jackson.databind.JsonNode;
import dev.craft.core.InvalidInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns one OSV record tree into an {@link OsvRecord}. Only the structure the matcher relies on is
 * checked (an id, well-formed affected entries, ranges and events); other fields are left to the
 * raw text. Messages name the JSON pointer of the problem; the caller adds the file.
 */
final class OsvParser {
  private OsvParser() {}

  static OsvRecord parse(JsonNode tree, String source, String raw) {
    return parse(tree, source, raw, true);
  }

  /**
   * A record stored or indexed before: read as it was accepted then. The checks added since (the
   * {@code modified} timestamp, the number of aliases) are for new input; a stored record that
   * fails them would otherwise make every later match of its package fail.
   */
  static OsvRecord parseAccepted(JsonNode tree, String source, String raw) {
    return parse(tree, source, raw, false);
  }

  private static OsvRecord parse(JsonNode tree, String source, String raw, boolean newInput) {
    if (!tree.isObject()) {
      throw new InvalidInputException("not an OSV record: the document is not an object");
    }
    String id = requireText(tree, "id", "");
    var affected = new ArrayList<OsvAffected>();
    JsonNode affectedNode = tree.path("affected");
    requireArrayOrMissing(affectedNode, "/affected");
    for (int i = 0; i < affectedNode.size(); i++) {
      affected.add(affected(affectedNode.get(i), "/affected/" + i));
    }
    if (newInput && tree.path("aliases").size() > MAX_ALIASES) {
      throw new InvalidInputException(
          "/aliases: more than " + MAX_ALIASES + " aliases (" + tree.path("aliases").size() + ")");
    }
    String modified = optionalText(tree, "modified", "");
    if (newInput && !modified.isEmpty() && !Timestamps.isTimestamp(modified)) {
      // Which of two records with one id is current is decided by this field.
      throw new InvalidInputException(
          "/modified: not an RFC 3339 timestamp: \""
              + (modified.length() > 40 ? modified.substring(0, 40) + "…" : modified)
              + "\"");
    }
    return new OsvRecord(
        id,
        modified,
        optionalText(tree, "published", ""),
        optionalText(tree, "withdrawn", ""),
        texts(tree.path("aliases"), "/aliases"),
        severities(tree.path("severity"), "/severity"),
        optionalText(tree.path("database_specific"), "severity", "/database_specific"),
        affected,
        source,
        raw);
  }

  /** Go records name a handful of packages; more than this is not a real record. */
  private static final int MAX_IMPORT_PATHS = 10_000;

  /**
   * Records name a few aliases (the most in the shared OSV data is 16); each one becomes a stored
   * row and a member of an alias group.
   */
  private static final int MAX_ALIASES = 1_000;

  private static OsvAffected affected(JsonNode node, String pointer) {
    requireObject(node, pointer);
    JsonNode pkg = node.path("package");
    String ecosystem = "";
    String name = "";
    String purl = "";
    if (!pkg.isMissingNode() && !pkg.isNull()) {
      requireObject(pkg, pointer + "/package");
      ecosystem = optionalText(pkg, "ecosystem", pointer + "/package");
      name = optionalText(pkg, "name", pointer + "/package");
      purl = optionalText(pkg, "purl", pointer + "/package");
    }
    JsonNode rangesNode = node.path("ranges");
    requireArrayOrMissing(rangesNode, pointer + "/ranges");
    var ranges = new ArrayList<OsvRange>();
    for (int i = 0; i < rangesNode.size(); i++) {
      ranges.add(range(rangesNode.get(i), pointer + "/ranges/" + i));
    }
    return new OsvAffected(
        ecosystem,
        name,
        purl,
        texts(node.path("versions"), pointer + "/versions"),
        ranges,
        severities(node.path("severity"), pointer + "/severity"),
        importPaths(node.path("ecosystem_specific").path("imports")));
  }

  /**
   * Go's {@code ecosystem_specific.imports[].path}: which packages of the module are affected. The
   * field is ecosystem-specific, so a shape other than Go's is ignored rather than refused.
   */
  private static List<String> importPaths(JsonNode imports) {
    if (!imports.isArray()) {
      return List.of();
    }
    var out = new ArrayList<String>();
    for (JsonNode i : imports) {
      JsonNode path = i.path("path");
      if (path.isTextual() && !path.asText().isBlank() && out.size() < MAX_IMPORT_PATHS) {
        out.add(path.asText().strip());
      }
    }
    return out;
  }

  private static OsvRange range(JsonNode node, String pointer) {
    requireObject(node, pointer);
    String type = requireText(node, "type", pointer);
    JsonNode eventsNode = node.path("events");
    if (!eventsNode.isArray() || eventsNode.isEmpty()) {
      throw new InvalidInputException(pointer + "/events: a range needs at least one event");
    }
    var events = new ArrayList<OsvEvent>();
    for (int i = 0; i < eventsNode.size(); i++) {
      JsonNode e = eventsNode.get(i);
      String at = pointer + "/events/" + i;
      requireObject(e, at);
      if (e.size() != 1) {
        throw new InvalidInputException(at + ": an event has exactly one field, found " + e.size());
      }
      var field = e.properties().iterator().next();
      if (!field.getValue().isValueNode() || field.getValue().isNull()) {
        throw new InvalidInputException(at + "/" + field.getKey() + ": expected a version text");
      }
      try {
        events.add(new OsvEvent(OsvEvent.Kind.ofField(field.getKey()), field.getValue().asText()));
      } catch (InvalidInputException ex) {
        throw new InvalidInputException(at + ": " + ex.getMessage(), ex);
      }
    }
    return new OsvRange(type, optionalText(node, "repo", pointer), events);
  }

  private static List<OsvSeverity> severities(JsonNode node, String pointer) {
    requireArrayOrMissing(node, pointer);
    var out = new ArrayList<OsvSeverity>();
    for (int i = 0; i < node.size(); i++) {
      JsonNode s = node.get(i);
      requireObject(s, pointer + "/" + i);
      out.add(
          new OsvSeverity(
              requireText(s, "type", pointer + "/" + i),
              requireText(s, "score", pointer + "/" + i)));
    }
    return out;
  }

  private static List<String> texts(JsonNode node, String pointer) {
    requireArrayOrMissing(node, pointer);
    var out = new ArrayList<String>(node.size());
    for (int i = 0; i < node.size(); i++) {
      JsonNode v = node.get(i);
      if (!v.isValueNode() || v.isNull()) {
        throw new InvalidInputException(pointer + "/" + i + ": expected a text");
      }
      out.add(v.asText());
    }
    return out;
  }

  private static String requireText(JsonNode node, String field, String pointer) {
    String value = optionalText(node, field, pointer);
    if (value.isEmpty()) {
      throw new InvalidInputException(pointer + "/" + field + ": required text is missing");
    }
    return value;
  }

  private static String optionalText(JsonNode node, String field, String pointer) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return "";
    }
    if (!v.isValueNode()) {
      throw new InvalidInputException(pointer + "/" + field + ": expected a text");
    }
    return v.asText();
  }

  private static void requireObject(JsonNode node, String pointer) {
    if (!node.isObject()) {
      throw new InvalidInputException(pointer + ": expected an object");
    }
  }

  private static void requireArrayOrMissing(JsonNode node, String pointer) {
    if (!node.isMissingNode() && !node.isNull() && !node.isArray()) {
      throw new InvalidInputException(pointer + ": expected an array");
    }
  }
}
