package dev.craft.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.craft.core.CvssCalculator;
import dev.craft.core.InvalidInputException;
import dev.craft.core.Release;
import dev.craft.store.CraftJson;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The authoring form of a CSAF advisory, both ways: the form post becomes the same JSON input the
 * API takes (so both share one set of rules, {@link CsafDocuments}), and an input becomes the
 * values the form shows. The form edits the first vulnerability; further ones written through the
 * API are kept as they are.
 */
public final class CsafForm {
  public static final List<String> TLP = CsafDocuments.TLP;
  public static final List<String> STATUSES = CsafDocuments.STATUSES;
  public static final List<String> REMEDIATIONS = CsafDocuments.REMEDIATIONS;
  private static final int MAX_LINES = 50;

  private CsafForm() {}

  /** One release of the product as a row of the form's product tree. */
  public record ReleaseChoice(long id, String version, String identifiers, String status) {}

  /** One remediation row; {@code releaseIds} empty means "the known affected releases". */
  public record RemediationRow(String category, String details, String url, Set<Long> releaseIds) {
    public RemediationRow {
      releaseIds = Set.copyOf(releaseIds);
    }
  }

  /** What the form shows: every field of the input, as text. */
  public record Values(
      String title,
      String tlp,
      String summary,
      String cve,
      String ids,
      String vulnTitle,
      String notes,
      String cvss,
      String cweId,
      String cweName,
      String acknowledgements,
      String references,
      List<RemediationRow> remediations,
      Map<Long, String> statuses) {
    public Values {
      remediations = List.copyOf(remediations);
      statuses = Map.copyOf(statuses);
    }
  }

  /** The input the form post describes, on top of {@code base} (the stored input, or empty). */
  static ObjectNode input(Context ctx, ObjectNode base, long productId, List<Release> releases) {
    ObjectNode in = base.deepCopy();
    in.put("title", value(ctx, "title"));
    in.put("tlp", value(ctx, "tlp"));
    in.put("productId", productId);
    in.put("summary", value(ctx, "summary"));
    ArrayNode vulns =
        in.get("vulnerabilities") instanceof ArrayNode a ? a : in.putArray("vulnerabilities");
    ObjectNode v = CraftJson.mapper().createObjectNode();
    if (vulns.isEmpty()) {
      vulns.add(v);
    } else {
      vulns.set(0, v);
    }
    v.put("cve", value(ctx, "cve"));
    strings(v.putArray("ids"), split(value(ctx, "ids"), "[,\\s]+"));
    v.put("title", value(ctx, "vulnTitle"));
    v.put("notes", value(ctx, "notes"));
    v.put("cvssV3", value(ctx, "cvssV3"));
    v.putObject("cwe").put("id", value(ctx, "cweId")).put("name", value(ctx, "cweName"));
    strings(v.putArray("acknowledgements"), split(value(ctx, "acknowledgements"), "\\R"));
    var refs = v.putArray("references");
    for (String line : split(value(ctx, "references"), "\\R")) {
      String[] parts = line.split("\\s+", 2);
      refs.addObject().put("url", parts[0]).put("summary", parts.length > 1 ? parts[1] : "");
    }
    ObjectNode status = v.putObject("productStatus");
    Set<Long> chosen = new LinkedHashSet<>();
    for (Release r : releases) {
      String s = value(ctx, "status_" + r.id());
      if (s.isEmpty()) {
        continue;
      }
      if (!CsafDocuments.STATUSES.contains(s)) {
        throw new InvalidInputException("product status: one of " + CsafDocuments.STATUSES);
      }
      (status.get(s) instanceof ArrayNode a ? a : status.putArray(s)).add(r.id());
      chosen.add(r.id());
    }
    var rems = v.putArray("remediations");
    List<String> categories = ctx.formParams("rem_category");
    List<String> details = ctx.formParams("rem_details");
    List<String> urls = ctx.formParams("rem_url");
    for (int i = 0; i < Math.min(categories.size(), MAX_LINES); i++) {
      String d = i < details.size() ? details.get(i).strip() : "";
      if (d.isEmpty()) {
        continue;
      }
      var rem = rems.addObject();
      rem.put("category", categories.get(i));
      rem.put("details", d);
      rem.put("url", i < urls.size() ? urls.get(i).strip() : "");
      var ids = rem.putArray("releaseIds");
      for (String id : ctx.formParams("rem" + i + "_release")) {
        try {
          ids.add(Long.parseLong(id));
        } catch (NumberFormatException e) {
          throw new InvalidInputException("remediation releases: release ids");
        }
      }
    }
    var releaseIds = in.putArray("releaseIds");
    chosen.forEach(releaseIds::add);
    return in;
  }

  /** The first vulnerability of an input, added when there is none. */
  static ObjectNode firstVulnerability(ObjectNode in) {
    ArrayNode vulns =
        in.get("vulnerabilities") instanceof ArrayNode a ? a : in.putArray("vulnerabilities");
    if (vulns.isEmpty() || !(vulns.get(0) instanceof ObjectNode)) {
      vulns.insertObject(0);
    }
    return (ObjectNode) vulns.get(0);
  }

  /** The form values of a stored input. */
  static Values values(JsonNode in) {
    JsonNode v = in.at("/vulnerabilities/0");
    Map<Long, String> statuses = new java.util.HashMap<>();
    for (String s : CsafDocuments.STATUSES) {
      v.path("productStatus").path(s).forEach(id -> statuses.put(id.asLong(), s));
    }
    List<RemediationRow> rems = new ArrayList<>();
    for (JsonNode r : v.path("remediations")) {
      Set<Long> ids = new LinkedHashSet<>();
      r.path("releaseIds").forEach(id -> ids.add(id.asLong()));
      rems.add(
          new RemediationRow(
              r.path("category").asText(),
              r.path("details").asText(),
              r.path("url").asText(),
              ids));
    }
    rems.add(new RemediationRow("vendor_fix", "", "", Set.of()));
    List<String> refs = new ArrayList<>();
    v.path("references")
        .forEach(
            r -> refs.add((r.path("url").asText() + " " + r.path("summary").asText("")).strip()));
    return new Values(
        in.path("title").asText(""),
        in.path("tlp").asText("CLEAR"),
        in.path("summary").asText(""),
        v.path("cve").asText(""),
        String.join(", ", texts(v.path("ids"))),
        v.path("title").asText(""),
        v.path("notes").asText(""),
        v.path("cvssV3").asText(""),
        v.at("/cwe/id").asText(""),
        v.at("/cwe/name").asText(""),
        String.join("\n", texts(v.path("acknowledgements"))),
        String.join("\n", refs),
        rems,
        statuses);
  }

  /** The base score and severity the document will carry, or why the vector is not accepted. */
  static String score(String vector) {
    if (vector.isBlank()) {
      return "";
    }
    try {
      var s = CvssCalculator.score(vector.strip());
      return s.baseScore() + " " + s.severity().name() + " (CVSS " + s.version().label() + ")";
    } catch (InvalidInputException e) {
      return "not a valid vector: " + e.getMessage();
    }
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static List<String> split(String text, String separator) {
    List<String> out = new ArrayList<>();
    for (String s : text.split(separator)) {
      if (!s.isBlank()) {
        out.add(s.strip());
      }
    }
    if (out.size() > MAX_LINES) {
      throw new InvalidInputException("at most " + MAX_LINES + " lines per field");
    }
    return out;
  }

  private static void strings(ArrayNode into, List<String> values) {
    values.forEach(into::add);
  }

  static String query(Context ctx, String name) {
    String v = ctx.queryParam(name);
    return v == null ? "" : v.strip();
  }

  /** A positive id from a query or form field. */
  static long id(String raw, String field) {
    try {
      long id = Long.parseLong(raw);
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InvalidInputException(field + ": an id");
  }

  static String value(Context ctx, String name) {
    String v = ctx.formParam(name);
    return v == null ? "" : v.strip();
  }
}
