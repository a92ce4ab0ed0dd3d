package dev.craft.formats;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * CSAF 2.0 mandatory tests on the product tree and its references: 6.1.1 (missing product id
 * definition), 6.1.2 (multiple product id definitions), 6.1.3 (circular definition), 6.1.4 (missing
 * group id definition), 6.1.5 (multiple group id definitions), 6.1.13 (purl), 6.1.25 (same hash
 * algorithm twice), 6.1.31 (version range in product version).
 */
final class CsafProductChecks {
  private static final List<String> RANGE_WORDS =
      List.of("<", ">", "after", "all", "before", "earlier", "later", "prior", "versions");
  private static final List<String> STATUS_LISTS =
      List.of(
          "first_affected",
          "first_fixed",
          "fixed",
          "known_affected",
          "known_not_affected",
          "last_affected",
          "recommended",
          "under_investigation");

  private CsafProductChecks() {}

  static void check(JsonNode root, CsafProductTree tree, List<CsafProblem> out) {
    Set<String> defined = new HashSet<>();
    for (var d : tree.definitions) {
      if (!defined.add(d.productId())) {
        out.add(
            new CsafProblem(
                "6.1.2",
                d.path() + "/product_id",
                "product id '" + d.productId() + "' is defined more than once"));
      }
      purl(d, out);
      hashes(d, out);
    }
    Set<String> groups = new HashSet<>();
    for (String[] g : tree.groupDefinitions) {
      if (!groups.add(g[0])) {
        out.add(
            new CsafProblem(
                "6.1.5", g[1] + "/group_id", "group id '" + g[0] + "' is defined more than once"));
      }
    }
    JsonNode pt = root.path("product_tree");
    JsonNode pg = pt.path("product_groups");
    for (int i = 0; i < pg.size(); i++) {
      refs(
          pg.get(i).path("product_ids"),
          "/product_tree/product_groups/" + i + "/product_ids",
          defined,
          out);
    }
    for (var r : tree.relations) {
      ref(r.productRef(), r.path() + "/product_reference", defined, out);
      ref(r.relatesTo(), r.path() + "/relates_to_product_reference", defined, out);
    }
    JsonNode vulns = root.path("vulnerabilities");
    for (int v = 0; v < vulns.size(); v++) {
      JsonNode vuln = vulns.get(v);
      String base = "/vulnerabilities/" + v;
      for (String list : STATUS_LISTS) {
        refs(
            vuln.path("product_status").path(list), base + "/product_status/" + list, defined, out);
      }
      for (String part : List.of("remediations", "threats", "flags")) {
        JsonNode items = vuln.path(part);
        for (int i = 0; i < items.size(); i++) {
          String p = base + "/" + part + "/" + i;
          refs(items.get(i).path("product_ids"), p + "/product_ids", defined, out);
          JsonNode gids = items.get(i).path("group_ids");
          for (int g = 0; g < gids.size(); g++) {
            if (!groups.contains(gids.get(g).asText())) {
              out.add(
                  new CsafProblem(
                      "6.1.4",
                      p + "/group_ids/" + g,
                      "group id '" + gids.get(g).asText() + "' is not defined"));
            }
          }
        }
      }
      JsonNode scores = vuln.path("scores");
      for (int i = 0; i < scores.size(); i++) {
        refs(scores.get(i).path("products"), base + "/scores/" + i + "/products", defined, out);
      }
    }
    circles(tree, out);
    JsonNode branches = pt.path("branches");
    for (int i = 0; i < branches.size(); i++) {
      versionRanges(branches.get(i), "/product_tree/branches/" + i, out, 0);
    }
  }

  private static void refs(JsonNode ids, String path, Set<String> defined, List<CsafProblem> out) {
    for (int i = 0; i < ids.size(); i++) {
      ref(ids.get(i).asText(), path + "/" + i, defined, out);
    }
  }

  private static void ref(String id, String path, Set<String> defined, List<CsafProblem> out) {
    if (!defined.contains(id)) {
      out.add(new CsafProblem("6.1.1", path, "product id '" + id + "' is not defined"));
    }
  }

  /** 6.1.3: following relationship references from a product id leads back to it. */
  private static void circles(CsafProductTree tree, List<CsafProblem> out) {
    Map<String, Set<String>> uses = new HashMap<>();
    for (var r : tree.relations) {
      uses.computeIfAbsent(r.productId(), k -> new HashSet<>())
          .addAll(List.of(r.productRef(), r.relatesTo()));
    }
    for (var r : tree.relations) {
      var seen = new HashSet<String>();
      var todo = new java.util.ArrayDeque<>(uses.getOrDefault(r.productId(), Set.of()));
      while (!todo.isEmpty()) {
        String id = todo.pop();
        if (id.equals(r.productId())) {
          out.add(
              new CsafProblem(
                  "6.1.3",
                  r.path() + "/full_product_name/product_id",
                  "product id '" + r.productId() + "' is defined through itself"));
          break;
        }
        if (seen.add(id)) {
          todo.addAll(uses.getOrDefault(id, Set.of()));
        }
      }
    }
  }

  private static void purl(CsafProductTree.Definition d, List<CsafProblem> out) {
    JsonNode purl = d.fullProductName().path("product_identification_helper").path("purl");
    if (purl.isTextual() && Purls.canonical(purl.asText()).isEmpty()) {
      out.add(
          new CsafProblem(
              "6.1.13",
              d.path() + "/product_identification_helper/purl",
              "'" + purl.asText() + "' is not a valid package URL"));
    }
  }

  private static void hashes(CsafProductTree.Definition d, List<CsafProblem> out) {
    JsonNode hashes = d.fullProductName().path("product_identification_helper").path("hashes");
    for (int h = 0; h < hashes.size(); h++) {
      var seen = new HashSet<String>();
      JsonNode fileHashes = hashes.get(h).path("file_hashes");
      for (int f = 0; f < fileHashes.size(); f++) {
        String alg = Json.text(fileHashes.get(f), "algorithm");
        if (!seen.add(alg)) {
          out.add(
              new CsafProblem(
                  "6.1.25",
                  d.path() + "/product_identification_helper/hashes/" + h + "/file_hashes/" + f,
                  "hash algorithm '" + alg + "' is used more than once"));
        }
      }
    }
  }

  private static void versionRanges(JsonNode b, String path, List<CsafProblem> out, int depth) {
    if (depth > 64) {
      return;
    }
    if ("product_version".equals(Json.text(b, "category"))) {
      String name = Json.text(b, "name").toLowerCase(Locale.ROOT);
      for (String w : RANGE_WORDS) {
        if (name.contains(w)) {
          out.add(
              new CsafProblem(
                  "6.1.31",
                  path + "/name",
                  "product_version '"
                      + Json.text(b, "name")
                      + "' looks like a range ('"
                      + w
                      + "')"));
          break;
        }
      }
    }
    JsonNode children = b.path("branches");
    for (int i = 0; i < children.size(); i++) {
      versionRanges(children.get(i), path + "/branches/" + i, out, depth + 1);
    }
  }
}
