package dev.craft.formats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.craft.core.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads GitHub's REST global advisories ({@code GET /advisories}: an array, or one advisory) and
 * converts each to an OSV record, so that it is stored and matched like any other OSV record. The
 * OSV text is built here (ids, aliases, dates, {@code affected[]} with ECOSYSTEM ranges from {@code
 * vulnerable_version_range}, severity from the CVSS vectors, CWEs in {@code database_specific}) and
 * read back through {@link OsvReader}, so that it passes the same checks as a downloaded record.
 */
public final class GithubAdvisoryReader {
  private static final Pattern GHSA = Pattern.compile("GHSA(-[23456789cfghjmpqrvwx]{4}){3}");
  private static final Map<String, String> ECOSYSTEMS =
      Map.ofEntries(
          Map.entry("maven", "Maven"),
          Map.entry("npm", "npm"),
          Map.entry("pip", "PyPI"),
          Map.entry("go", "Go"),
          Map.entry("rubygems", "RubyGems"),
          Map.entry("nuget", "NuGet"),
          Map.entry("composer", "Packagist"),
          Map.entry("rust", "crates.io"),
          Map.entry("erlang", "Hex"),
          Map.entry("pub", "Pub"),
          Map.entry("swift", "SwiftURL"),
          Map.entry("actions", "GitHub Actions"));

  private final AdvisoryLimits limits;

  public GithubAdvisoryReader(AdvisoryLimits limits) {
    this.limits = limits;
  }

  /** The OSV ecosystem of a GitHub ecosystem name, empty when OSV has none. */
  public static String ecosystem(String github) {
    return ECOSYSTEMS.getOrDefault(github.strip().toLowerCase(Locale.ROOT), "");
  }

  /**
   * Converts every advisory of {@code content}.
   *
   * @param source names the records' origin (a URL or an upload name)
   */
  public List<OsvRecord> read(byte[] content, String source) {
    if (content.length > limits.maxTotalBytes()) {
      throw new InvalidInputException(
          source + ": too large for GitHub advisories (" + content.length + " bytes)");
    }
    try {
      JsonNode tree =
          Json.parse(content, new ReadLimits(content.length + 1L, 1, limits.maxDepth()));
      List<JsonNode> items = new ArrayList<>();
      if (tree.isArray()) {
        tree.forEach(items::add);
      } else if (tree.isObject() && tree.has("ghsa_id")) {
        items.add(tree);
      } else {
        throw new InvalidInputException(
            "not GitHub advisories: expected an array of advisories or one with 'ghsa_id'");
      }
      if (items.size() > limits.maxRecords()) {
        throw new InvalidInputException("more than " + limits.maxRecords() + " advisories");
      }
      var osv = new OsvReader(limits);
      var out = new ArrayList<OsvRecord>(items.size());
      for (int i = 0; i < items.size(); i++) {
        ObjectNode record = toOsv(items.get(i), "/" + i);
        String id = record.get("id").asText();
        out.add(
            osv.parse(Json.compact(record).getBytes(StandardCharsets.UTF_8), source + "#" + id));
      }
      return out;
    } catch (InvalidInputException e) {
      throw new InvalidInputException(source + ": " + e.getMessage(), e);
    }
  }

  /** One GitHub advisory as an OSV JSON object. */
  static ObjectNode toOsv(JsonNode a, String at) {
    if (!a.isObject()) {
      throw new InvalidInputException(at + ": not an object");
    }
    String id = Json.text(a, "ghsa_id").strip();
    if (!GHSA.matcher(id).matches()) {
      throw new InvalidInputException(at + "/ghsa_id: '" + id + "' is not a GHSA id");
    }
    String modified = Json.text(a, "updated_at").strip();
    if (modified.isEmpty()) {
      throw new InvalidInputException(at + ": " + id + " has no updated_at");
    }
    ObjectNode o = Json.object();
    o.put("schema_version", "1.6.0");
    o.put("id", id);
    o.put("modified", modified);
    String published = Json.text(a, "published_at").strip();
    if (!published.isEmpty()) {
      o.put("published", published);
    }
    String withdrawn = Json.text(a, "withdrawn_at").strip();
    if (!withdrawn.isEmpty()) {
      o.put("withdrawn", withdrawn);
    }
    Set<String> aliases = new LinkedHashSet<>();
    String cve = Json.text(a, "cve_id").strip();
    if (!cve.isEmpty()) {
      aliases.add(cve);
    }
    for (JsonNode ident : a.path("identifiers")) {
      String v = Json.text(ident, "value").strip();
      if (!v.isEmpty() && !v.equals(id)) {
        aliases.add(v);
      }
    }
    ArrayNode aliasArray = o.putArray("aliases");
    aliases.forEach(aliasArray::add);
    if (!Json.text(a, "summary").isBlank()) {
      o.put("summary", Json.text(a, "summary").strip());
    }
    if (!Json.text(a, "description").isBlank()) {
      o.put("details", Json.text(a, "description"));
    }
    ArrayNode severity = o.putArray("severity");
    JsonNode sev = a.path("cvss_severities");
    addVector(severity, Json.text(sev.path("cvss_v3"), "vector_string"));
    addVector(severity, Json.text(sev.path("cvss_v4"), "vector_string"));
    if (severity.isEmpty()) {
      addVector(severity, Json.text(a.path("cvss"), "vector_string"));
    }
    ArrayNode affected = o.putArray("affected");
    for (JsonNode v : a.path("vulnerabilities")) {
      String ecosystem = ecosystem(Json.text(v.path("package"), "ecosystem"));
      String name = Json.text(v.path("package"), "name").strip();
      if (ecosystem.isEmpty() || name.isEmpty()) {
        continue; // an ecosystem OSV does not know cannot be matched by purl either
      }
      ObjectNode entry = affected.addObject();
      entry.putObject("package").put("ecosystem", ecosystem).put("name", name);
      GithubRange range =
          GithubRange.of(
              Json.text(v, "vulnerable_version_range"), patched(v.path("first_patched_version")));
      if (!range.versions().isEmpty()) {
        ArrayNode versions = entry.putArray("versions");
        range.versions().forEach(versions::add);
      } else if (!range.events().isEmpty()) {
        ObjectNode r = entry.putArray("ranges").addObject();
        r.put("type", "ECOSYSTEM");
        ArrayNode events = r.putArray("events");
        for (OsvEvent e : range.events()) {
          events.addObject().put(e.kind().field(), e.value());
        }
      }
      ObjectNode db = entry.putObject("database_specific");
      db.put("vulnerable_version_range", Json.text(v, "vulnerable_version_range"));
      if (!range.problem().isEmpty()) {
        db.put("conversion_problem", range.problem());
      }
    }
    ArrayNode refs = o.putArray("references");
    String html = Json.text(a, "html_url").strip();
    if (!html.isEmpty()) {
      refs.addObject().put("type", "ADVISORY").put("url", html);
    }
    for (JsonNode r : a.path("references")) {
      String url = r.isTextual() ? r.asText().strip() : Json.text(r, "url").strip();
      if (!url.isEmpty() && !url.equals(html)) {
        refs.addObject().put("type", "WEB").put("url", url);
      }
    }
    ObjectNode db = o.putObject("database_specific");
    String level = Json.text(a, "severity").strip().toUpperCase(Locale.ROOT);
    if (!level.isEmpty() && !level.equals("UNKNOWN")) {
      db.put("severity", level.equals("MEDIUM") ? "MODERATE" : level);
    }
    ArrayNode cwes = db.putArray("cwe_ids");
    for (JsonNode c : a.path("cwes")) {
      String cwe = Json.text(c, "cwe_id").strip();
      if (!cwe.isEmpty()) {
        cwes.add(cwe);
      }
    }
    db.put("github_reviewed", "reviewed".equals(Json.text(a, "type")));
    db.put("source", "GitHub REST API global advisories");
    return o;
  }

  private static String patched(JsonNode p) {
    // The global advisories API gives a string; older shapes an object {"identifier": "1.2.3"}.
    return p.isTextual() ? p.asText() : Json.text(p, "identifier");
  }

  private static void addVector(ArrayNode severity, String vector) {
    String v = vector.strip();
    if (v.isEmpty()) {
      return;
    }
    String type =
        v.startsWith("CVSS:4") ? "CVSS_V4" : v.startsWith("CVSS:3") ? "CVSS_V3" : "CVSS_V2";
    severity.addObject().put("type", type).put("score", v);
  }
}
