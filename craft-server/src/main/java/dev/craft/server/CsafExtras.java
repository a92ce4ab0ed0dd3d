package dev.craft.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.craft.core.InvalidInputException;
import dev.craft.core.Text;
import java.util.regex.Pattern;

/**
 * The optional parts of a vulnerability that the authoring form offers besides the CVE: other
 * identifiers ({@code ids}: GHSA, OSV and vendor ids), the CWE and references.
 */
final class CsafExtras {
  private static final Pattern CWE = Pattern.compile("CWE-[1-9]\\d{0,5}");
  private static final int MAX_ITEMS = 50;

  private CsafExtras() {}

  /** {@code ids} (strings) and {@code cwe} ({@code {id, name}}) of the input onto {@code vuln}. */
  static void identity(JsonNode in, ObjectNode vuln) {
    JsonNode ids = in.path("ids");
    if (!ids.isMissingNode() && (!ids.isArray() || ids.size() > MAX_ITEMS)) {
      throw new InvalidInputException("ids: an array of at most " + MAX_ITEMS + " identifiers");
    }
    if (!ids.isEmpty()) {
      var out = vuln.putArray("ids");
      for (JsonNode id : ids) {
        String text = Text.required("ids", id.asText(""), 100);
        var entry = out.addObject();
        entry.put("system_name", systemName(text));
        entry.put("text", text);
      }
    }
    JsonNode cwe = in.path("cwe");
    String cweId = cwe.path("id").asText("").strip();
    if (!cweId.isEmpty()) {
      if (!CWE.matcher(cweId).matches()) {
        throw new InvalidInputException("cwe.id: of the form CWE-79, not " + cweId);
      }
      var out = vuln.putObject("cwe");
      out.put("id", cweId);
      out.put("name", Text.required("cwe.name", cwe.path("name").asText(""), 300));
    }
  }

  /** {@code references} ({@code [{url, summary}]}) of the input onto {@code vuln}. */
  static void references(JsonNode in, ObjectNode vuln) {
    JsonNode refs = in.path("references");
    if (!refs.isMissingNode() && (!refs.isArray() || refs.size() > MAX_ITEMS)) {
      throw new InvalidInputException("references: an array of at most " + MAX_ITEMS);
    }
    if (refs.isEmpty()) {
      return;
    }
    var out = vuln.putArray("references");
    for (JsonNode r : refs) {
      String url = Text.optionalUrl("references.url", r.path("url").asText(""));
      if (url.isEmpty()) {
        throw new InvalidInputException("references.url: required");
      }
      String summary = Text.optional("references.summary", r.path("summary").asText(""), 500);
      var ref = out.addObject();
      ref.put("category", "external");
      ref.put("summary", summary.isEmpty() ? url : summary);
      ref.put("url", url);
    }
  }

  /** A readable name of the database an identifier comes from, from its prefix. */
  static String systemName(String id) {
    if (id.startsWith("GHSA-")) {
      return "GitHub Security Advisory";
    }
    int dash = id.indexOf('-');
    return dash > 0 ? id.substring(0, dash) : "Vendor";
  }
}
