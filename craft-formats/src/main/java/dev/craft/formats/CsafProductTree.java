package dev.craft.formats;

import com.fasterxml.jackson.databind.JsonNode;
import dev.craft.core.VexProduct;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The definitions in a CSAF {@code product_tree}: every full product name with its JSON path (in
 * document order, duplicates included), relationships and product groups.
 */
final class CsafProductTree {
  /** One definition of a product id. */
  record Definition(String productId, String path, JsonNode fullProductName, VexProduct product) {}

  /** A relationship that defines {@code productId} from two other products. */
  record Relation(
      String productId, String category, String productRef, String relatesTo, String path) {}

  final List<Definition> definitions = new ArrayList<>();
  final List<Relation> relations = new ArrayList<>();
  final Map<String, Set<String>> groups = new LinkedHashMap<>();
  final List<String[]> groupDefinitions = new ArrayList<>();

  private CsafProductTree() {}

  static CsafProductTree of(JsonNode root, int maxDepth) {
    var tree = new CsafProductTree();
    JsonNode pt = root.path("product_tree");
    JsonNode branches = pt.path("branches");
    for (int i = 0; i < branches.size(); i++) {
      tree.branch(branches.get(i), "/product_tree/branches/" + i, "", "", 0, maxDepth);
    }
    JsonNode fpns = pt.path("full_product_names");
    for (int i = 0; i < fpns.size(); i++) {
      JsonNode f = fpns.get(i);
      tree.define(f, "/product_tree/full_product_names/" + i, Json.text(f, "name"), "");
    }
    JsonNode rels = pt.path("relationships");
    for (int i = 0; i < rels.size(); i++) {
      JsonNode r = rels.get(i);
      String path = "/product_tree/relationships/" + i;
      JsonNode f = r.path("full_product_name");
      tree.define(f, path + "/full_product_name", Json.text(f, "name"), "");
      tree.relations.add(
          new Relation(
              Json.text(f, "product_id"),
              Json.text(r, "category"),
              Json.text(r, "product_reference"),
              Json.text(r, "relates_to_product_reference"),
              path));
    }
    JsonNode groups = pt.path("product_groups");
    for (int i = 0; i < groups.size(); i++) {
      JsonNode g = groups.get(i);
      String id = Json.text(g, "group_id");
      tree.groupDefinitions.add(new String[] {id, "/product_tree/product_groups/" + i});
      tree.groups
          .computeIfAbsent(id, k -> new LinkedHashSet<>())
          .addAll(VexKept.texts(g.path("product_ids")));
    }
    return tree;
  }

  private void branch(JsonNode b, String path, String name, String version, int depth, int max) {
    if (depth > max) {
      return;
    }
    String category = Json.text(b, "category");
    String n = category.equals("product_name") ? Json.text(b, "name") : name;
    String v =
        category.equals("product_version") || category.equals("product_version_range")
            ? Json.text(b, "name")
            : version;
    if (b.has("product")) {
      JsonNode p = b.get("product");
      define(p, path + "/product", n.isEmpty() ? Json.text(p, "name") : n, v);
    }
    JsonNode children = b.path("branches");
    for (int i = 0; i < children.size(); i++) {
      branch(children.get(i), path + "/branches/" + i, n, v, depth + 1, max);
    }
  }

  private void define(JsonNode fpn, String path, String name, String version) {
    JsonNode helper = fpn.path("product_identification_helper");
    String id = Json.text(fpn, "product_id");
    definitions.add(
        new Definition(
            id,
            path,
            fpn,
            new VexProduct(
                id, name, version, Json.text(helper, "purl"), Json.text(helper, "cpe"))));
  }

  /** The first definition of each product id. */
  Map<String, Definition> byId() {
    var out = new LinkedHashMap<String, Definition>();
    for (Definition d : definitions) {
      out.putIfAbsent(d.productId(), d);
    }
    return out;
  }

  /** The product ids a list of product ids and group ids stands for. */
  Set<String> expand(JsonNode productIds, JsonNode groupIds) {
    var out = new LinkedHashSet<String>(VexKept.texts(productIds));
    for (String g : VexKept.texts(groupIds)) {
      out.addAll(groups.getOrDefault(g, Set.of()));
    }
    return out;
  }
}
