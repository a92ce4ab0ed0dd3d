package dev.craft.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.craft.core.Component;
import dev.craft.core.CvssCalculator;
import dev.craft.core.CvssVersion;
import dev.craft.core.InvalidInputException;
import dev.craft.core.Product;
import dev.craft.core.Release;
import dev.craft.core.Text;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Builds CSAF 2.0 {@code csaf_security_advisory} documents from the author's input: a product tree
 * (vendor, product name, one version branch per release), the vulnerabilities with computed CVSS
 * scores, product status, remediations and acknowledgements.
 */
final class CsafDocuments {
  static final List<String> TLP = List.of("CLEAR", "GREEN", "AMBER", "RED");
  static final List<String> STATUSES =
      List.of("known_affected", "fixed", "known_not_affected", "under_investigation");
  static final List<String> REMEDIATIONS = List.of("vendor_fix", "mitigation", "workaround");
  private static final int MAX_VULNERABILITIES = 100;
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private final CsafSettings settings;

  CsafDocuments(CsafSettings settings) {
    this.settings = settings;
  }

  /** The checked input: what the author sent, with the fields this builder needs. */
  record Input(ObjectNode json, String title, String tlp, long productId, Set<Long> releaseIds) {}

  static Input parse(ObjectNode body) {
    String title = Text.required("title", Body.text(body, "title"), 200);
    String tlp =
        Text.required("tlp", Body.text(body, "tlp"), 10).toUpperCase(java.util.Locale.ROOT);
    if (!TLP.contains(tlp)) {
      throw new InvalidInputException("tlp: one of " + TLP);
    }
    Long productId = Body.number(body, "productId");
    if (productId == null) {
      throw new InvalidInputException("productId: required");
    }
    Set<Long> releases = new LinkedHashSet<>(ids(body.get("releaseIds"), "releaseIds"));
    JsonNode vulns = body.path("vulnerabilities");
    if (!vulns.isMissingNode() && !vulns.isArray()) {
      throw new InvalidInputException("vulnerabilities: an array");
    }
    if (vulns.size() > MAX_VULNERABILITIES) {
      throw new InvalidInputException("vulnerabilities: at most " + MAX_VULNERABILITIES);
    }
    for (JsonNode v : vulns) {
      JsonNode status = v.path("productStatus");
      status
          .fieldNames()
          .forEachRemaining(
              k -> {
                if (!STATUSES.contains(k)) {
                  throw new InvalidInputException("productStatus: one of " + STATUSES);
                }
                releases.addAll(ids(status.get(k), "productStatus." + k));
              });
      for (JsonNode r : v.path("remediations")) {
        if (!REMEDIATIONS.contains(r.path("category").asText())) {
          throw new InvalidInputException("remediations.category: one of " + REMEDIATIONS);
        }
        releases.addAll(ids(r.get("releaseIds"), "remediations.releaseIds"));
      }
      String cve = v.path("cve").asText("");
      if (!cve.isEmpty() && !cve.matches("CVE-\\d{4}-\\d{4,}")) {
        throw new InvalidInputException("cve: not a CVE id: " + cve);
      }
    }
    if (releases.isEmpty()) {
      throw new InvalidInputException("releaseIds: at least one release");
    }
    return new Input(body.deepCopy(), title, tlp, productId, releases);
  }

  /** Builds the draft document (status draft, version 0). */
  ObjectNode draft(
      Input in,
      String trackingId,
      Product product,
      List<Release> releases,
      Function<Release, Optional<Component>> primary,
      Instant created,
      Instant now) {
    var root = F.objectNode();
    var doc = root.putObject("document");
    doc.put("category", "csaf_security_advisory");
    doc.put("csaf_version", "2.0");
    var tlp = doc.putObject("distribution").putObject("tlp");
    // CSAF 2.0 predates TLP 2.0: its schema knows WHITE where TLP 2.0 says CLEAR.
    tlp.put("label", in.tlp().equals("CLEAR") ? "WHITE" : in.tlp());
    tlp.put("url", "https://www.first.org/tlp/");
    doc.put("lang", "en");
    var note = doc.putArray("notes").addObject();
    note.put("category", "summary");
    note.put(
        "text",
        Text.optional("summary", text(in.json(), "summary"), 20_000).isEmpty()
            ? in.title()
            : text(in.json(), "summary"));
    note.put("title", "Summary");
    var publisher = doc.putObject("publisher");
    publisher.put("category", "vendor");
    publisher.put("name", settings.publisherName());
    publisher.put("namespace", settings.publisherNamespace());
    doc.put("title", in.title());
    var tracking = doc.putObject("tracking");
    tracking.put("current_release_date", date(now));
    tracking.put("id", trackingId);
    tracking.put("initial_release_date", date(created));
    var rev = tracking.putArray("revision_history").addObject();
    rev.put("date", date(now));
    rev.put("number", "0");
    rev.put("summary", "Draft.");
    tracking.put("status", "draft");
    tracking.put("version", "0");
    root.set("product_tree", productTree(product, releases, primary));
    root.set("vulnerabilities", vulnerabilities(in.json()));
    return root;
  }

  /** The published form: final, revision 1, dated now. */
  static ObjectNode finalForm(ObjectNode draft, Instant now) {
    var root = draft.deepCopy();
    var tracking = (ObjectNode) root.path("document").path("tracking");
    tracking.put("status", "final");
    tracking.put("version", "1");
    tracking.put("initial_release_date", date(now));
    tracking.put("current_release_date", date(now));
    var history = tracking.putArray("revision_history").addObject();
    history.put("date", date(now));
    history.put("number", "1");
    history.put("summary", "Initial version.");
    return root;
  }

  static String productId(long releaseId) {
    return "CRAFT-R" + releaseId;
  }

  private ObjectNode productTree(
      Product product, List<Release> releases, Function<Release, Optional<Component>> primary) {
    var tree = F.objectNode();
    var vendor = tree.putArray("branches").addObject();
    vendor.put("category", "vendor");
    vendor.put("name", settings.publisherName());
    var name = vendor.putArray("branches").addObject();
    name.put("category", "product_name");
    name.put("name", product.name());
    var versions = name.putArray("branches");
    for (Release r : releases) {
      var branch = versions.addObject();
      branch.put("category", "product_version");
      branch.put("name", r.version());
      var p = branch.putObject("product");
      p.put("name", product.name() + " " + r.version());
      p.put("product_id", productId(r.id()));
      primary
          .apply(r)
          .ifPresent(
              c -> {
                var helper = F.objectNode();
                if (!c.purl().isEmpty()) {
                  helper.put("purl", c.purl());
                }
                c.cpes().stream()
                    .filter(cpe -> cpe.startsWith("cpe:2.3:") || cpe.startsWith("cpe:/"))
                    .findFirst()
                    .ifPresent(cpe -> helper.put("cpe", cpe));
                if (!helper.isEmpty()) {
                  p.set("product_identification_helper", helper);
                }
              });
    }
    return tree;
  }

  private static ArrayNode vulnerabilities(JsonNode input) {
    var out = F.arrayNode();
    for (JsonNode v : input.path("vulnerabilities")) {
      var vuln = out.addObject();
      String cve = v.path("cve").asText("");
      if (!cve.isEmpty()) {
        vuln.put("cve", cve);
      }
      String title = v.path("title").asText("");
      if (!title.isEmpty()) {
        vuln.put("title", Text.required("vulnerabilities.title", title, 500));
      }
      CsafExtras.identity(v, vuln);
      String notes = v.path("notes").asText("");
      if (!notes.isEmpty()) {
        var n = vuln.putArray("notes").addObject();
        n.put("category", "description");
        n.put("text", Text.required("vulnerabilities.notes", notes, 20_000));
        n.put("title", "Vulnerability description");
      }
      List<String> names = new ArrayList<>();
      v.path("acknowledgements")
          .forEach(a -> names.add(Text.required("acknowledgement", a.asText(), 200)));
      if (!names.isEmpty()) {
        var names2 = vuln.putArray("acknowledgements").addObject().putArray("names");
        names.forEach(names2::add);
      }
      var status = F.objectNode();
      for (String s : STATUSES) {
        List<Long> ids = ids(v.path("productStatus").get(s), s);
        if (!ids.isEmpty()) {
          var arr = status.putArray(s);
          ids.forEach(id -> arr.add(productId(id)));
        }
      }
      if (!status.isEmpty()) {
        vuln.set("product_status", status);
      }
      List<Long> affected = ids(v.path("productStatus").get("known_affected"), "known_affected");
      var remediations = F.arrayNode();
      for (JsonNode r : v.path("remediations")) {
        var rem = remediations.addObject();
        rem.put("category", r.path("category").asText());
        rem.put(
            "details", Text.required("remediations.details", r.path("details").asText(""), 5000));
        var ids = ids(r.get("releaseIds"), "remediations.releaseIds");
        var pids = rem.putArray("product_ids");
        (ids.isEmpty() ? affected : ids).forEach(id -> pids.add(productId(id)));
        String url = Text.optionalUrl("remediations.url", r.path("url").asText(""));
        if (!url.isEmpty()) {
          rem.put("url", url);
        }
      }
      if (!remediations.isEmpty()) {
        vuln.set("remediations", remediations);
      }
      CsafExtras.references(v, vuln);
      String vector = v.path("cvssV3").asText("");
      if (!vector.isEmpty() && !affected.isEmpty()) {
        var score = CvssCalculator.score(vector);
        if (score.version() == CvssVersion.V4_0 || score.version() == CvssVersion.V2) {
          throw new InvalidInputException("cvssV3: a CVSS 3.0 or 3.1 vector");
        }
        var entry = vuln.putArray("scores").addObject();
        var products = entry.putArray("products");
        affected.forEach(id -> products.add(productId(id)));
        var cvss = entry.putObject("cvss_v3");
        cvss.put("version", score.version().label());
        cvss.put("vectorString", score.vector());
        cvss.put("baseScore", score.baseScore());
        cvss.put("baseSeverity", score.severity().name());
      }
    }
    return out;
  }

  private static String text(JsonNode body, String field) {
    return body.path(field).asText("");
  }

  private static List<Long> ids(JsonNode node, String field) {
    List<Long> out = new ArrayList<>();
    if (node == null || node.isNull()) {
      return out;
    }
    if (!node.isArray() || node.size() > 500) {
      throw new InvalidInputException(field + ": an array of release ids");
    }
    for (JsonNode n : node) {
      if (!n.canConvertToLong()) {
        throw new InvalidInputException(field + ": an array of release ids");
      }
      out.add(n.asLong());
    }
    return out;
  }

  static String date(Instant at) {
    return at.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
