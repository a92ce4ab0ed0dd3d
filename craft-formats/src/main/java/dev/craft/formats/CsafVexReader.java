package dev.craft.formats;

import com.fasterxml.jackson.databind.JsonNode;
import dev.craft.core.InvalidInputException;
import dev.craft.core.VexDocument;
import dev.craft.core.VexJustification;
import dev.craft.core.VexProduct;
import dev.craft.core.VexResponse;
import dev.craft.core.VexStatement;
import dev.craft.core.VexStatus;
import dev.craft.core.WireEnum;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the VEX content of a CSAF 2.0 document (any category, profile VEX in particular): one
 * statement per product id in {@code product_status}, with the justification from {@code flags},
 * the impact statement from {@code threats} of category {@code impact}, and responses and action
 * from {@code remediations} (all through product groups too). {@code recommended} is not a status
 * and is not read.
 */
final class CsafVexReader {
  /** Product status lists and what they mean, in reading order. */
  private static final String[][] LISTS = {
    {"known_not_affected", "not_affected", ""},
    {"known_affected", "affected", ""},
    {"first_affected", "affected", "first_affected"},
    {"last_affected", "affected", "last_affected"},
    {"fixed", "fixed", ""},
    {"first_fixed", "fixed", "first_fixed"},
    {"under_investigation", "under_investigation", ""},
  };

  private CsafVexReader() {}

  static VexReadResult read(JsonNode root, ReadLimits limits) {
    JsonNode doc = root.path("document");
    var statements = slots(root, limits, false).stream().map(VexSlot::statement).toList();
    JsonNode tracking = doc.path("tracking");
    return new VexReadResult(
        VexFormat.CSAF,
        Json.text(doc, "csaf_version"),
        new VexDocument(
            Json.text(tracking, "id"),
            Json.text(doc.path("publisher"), "name"),
            Json.text(tracking, "current_release_date"),
            Json.text(tracking, "version"),
            statements));
  }

  static List<VexSlot> slots(JsonNode root, ReadLimits limits, boolean plain) {
    CsafProductTree tree = CsafProductTree.of(root, limits.maxDepth());
    Map<String, CsafProductTree.Definition> defined = tree.byId();
    Map<String, CsafProductTree.Relation> relations = new HashMap<>();
    for (var r : tree.relations) {
      relations.putIfAbsent(r.productId(), r);
    }
    var out = new ArrayList<VexSlot>();
    JsonNode vulns = root.path("vulnerabilities");
    for (int i = 0; i < vulns.size(); i++) {
      JsonNode v = vulns.get(i);
      String where = "CSAF /vulnerabilities/" + i;
      var ids = new ArrayList<String>();
      if (!Json.text(v, "cve").isEmpty()) {
        ids.add(Json.text(v, "cve"));
      }
      for (JsonNode id : v.path("ids")) {
        ids.add(Json.text(id, "text"));
      }
      ids.removeIf(String::isBlank);
      if (ids.isEmpty()) {
        throw new InvalidInputException(where + ": neither cve nor ids");
      }
      String id = ids.get(0);
      List<String> aliases = List.copyOf(new LinkedHashSet<>(ids.subList(1, ids.size())));
      JsonNode kept = Json.object();
      for (JsonNode n : v.path("notes")) {
        if (VexKept.NAME.equals(Json.text(n, "title"))) {
          kept = Json.parseKept(Json.text(n, "text"));
        }
      }
      Map<String, VexJustification> flags = new HashMap<>();
      for (JsonNode f : v.path("flags")) {
        VexJustification j =
            WireEnum.parse(VexJustification.class, where + "/flags label", Json.text(f, "label"));
        for (String p : tree.expand(f.path("product_ids"), f.path("group_ids"))) {
          flags.putIfAbsent(p, j);
        }
      }
      Map<String, Set<String>> impacts = new HashMap<>();
      for (JsonNode t : v.path("threats")) {
        if ("impact".equals(Json.text(t, "category"))) {
          for (String p : tree.expand(t.path("product_ids"), t.path("group_ids"))) {
            impacts.computeIfAbsent(p, k -> new LinkedHashSet<>()).add(Json.text(t, "details"));
          }
        }
      }
      Map<String, Set<VexResponse>> responses = new HashMap<>();
      Map<String, Set<String>> actions = new HashMap<>();
      for (JsonNode r : v.path("remediations")) {
        VexResponse category =
            WireEnum.parse(
                VexResponse.class, where + "/remediations category", Json.text(r, "category"));
        for (String p : tree.expand(r.path("product_ids"), r.path("group_ids"))) {
          responses.computeIfAbsent(p, k -> new LinkedHashSet<>()).add(category);
          actions.computeIfAbsent(p, k -> new LinkedHashSet<>()).add(Json.text(r, "details"));
        }
      }
      JsonNode ps = v.path("product_status");
      for (String[] list : LISTS) {
        VexStatus status = WireEnum.parse(VexStatus.class, "status", list[1]);
        for (String pid : VexKept.texts(ps.path(list[0]))) {
          VexProduct product = product(pid, defined);
          VexProduct sub = VexProduct.NONE;
          var rel = relations.get(pid);
          if (rel != null && rel.category().equals("default_component_of")) {
            product = product(rel.relatesTo(), defined);
            sub = product(rel.productRef(), defined);
          }
          var statement =
              new VexStatement(
                  id,
                  aliases,
                  product,
                  sub,
                  status,
                  list[2],
                  flags.getOrDefault(pid, VexJustification.NONE),
                  String.join("\n", impacts.getOrDefault(pid, Set.of())),
                  String.join("\n", actions.getOrDefault(pid, Set.of())),
                  List.copyOf(responses.getOrDefault(pid, Set.of())),
                  "",
                  "",
                  "");
          out.add(
              new VexSlot(
                  i + "/" + pid, plain ? statement : VexKept.apply(statement, kept.path(pid))));
          VexReader.checkCount(out.size(), limits);
        }
      }
    }
    return out;
  }

  private static VexProduct product(String id, Map<String, CsafProductTree.Definition> defined) {
    var d = defined.get(id);
    return d == null ? new VexProduct(id, "", "", "", "") : d.product();
  }
}
