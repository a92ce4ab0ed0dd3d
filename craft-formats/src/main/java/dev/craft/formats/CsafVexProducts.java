package dev.craft.formats;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.craft.core.VexProduct;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Builds the CSAF {@code product_tree} for the VEX writer. Versioned products go under {@code
 * product_name}/{@code product_version} branches (ranges under {@code product_version_range}),
 * others into {@code full_product_names}; a subcomponent becomes a {@code default_component_of}
 * relationship. A product that one vulnerability names twice gets a second definition, since CSAF
 * lists a product id only once per status.
 */
final class CsafVexProducts {
  static final VexProduct UNSPECIFIED =
      new VexProduct("CSAFPID-UNSPECIFIED", "Unspecified product", "", "", "");
  private static final List<String> RANGE_WORDS =
      List.of("<", ">", "after", "all", "before", "earlier", "later", "prior", "versions");

  private final ObjectNode tree = Json.object();
  private final Map<String, ObjectNode> nameBranches = new LinkedHashMap<>();
  private final Map<List<VexProduct>, List<String>> ids = new HashMap<>();
  private final Set<String> used = new HashSet<>();
  private int next = 1;

  ObjectNode tree() {
    return tree;
  }

  /** The product id for the {@code occurrence}-th (0-based) use within one vulnerability. */
  String id(VexProduct product, VexProduct sub, int occurrence) {
    VexProduct p = product.isNone() ? UNSPECIFIED : product;
    List<String> known = ids.computeIfAbsent(List.of(p, sub), k -> new java.util.ArrayList<>());
    while (known.size() <= occurrence) {
      known.add(sub.isNone() ? define(p) : relate(p, sub));
    }
    return known.get(occurrence);
  }

  private String relate(VexProduct product, VexProduct sub) {
    String productId = id(product, VexProduct.NONE, 0);
    String subId = id(sub, VexProduct.NONE, 0);
    String id = fresh("");
    ObjectNode r = tree.withArray("relationships").addObject();
    r.put("category", "default_component_of");
    ObjectNode fpn = r.putObject("full_product_name");
    fpn.put("name", sub.label() + " as a component of " + product.label());
    fpn.put("product_id", id);
    r.put("product_reference", subId);
    r.put("relates_to_product_reference", productId);
    return id;
  }

  private String define(VexProduct p) {
    String id = fresh(p.ref());
    ObjectNode fpn = Json.object();
    fpn.put("name", p.label());
    fpn.put("product_id", id);
    if (!p.purl().isEmpty() || !p.cpe().isEmpty()) {
      ObjectNode helper = fpn.putObject("product_identification_helper");
      if (!p.cpe().isEmpty()) {
        helper.put("cpe", p.cpe());
      }
      if (!p.purl().isEmpty()) {
        helper.put("purl", p.purl());
      }
    }
    if (p.version().isEmpty() || p.name().isEmpty()) {
      tree.withArray("full_product_names").add(fpn);
    } else {
      ObjectNode named =
          nameBranches.computeIfAbsent(
              p.name(),
              n -> {
                ObjectNode b = tree.withArray("branches").addObject();
                b.put("category", "product_name");
                b.put("name", n);
                return b;
              });
      ArrayNode versions = named.withArray("branches");
      ObjectNode v = versions.addObject();
      v.put("category", isRange(p.version()) ? "product_version_range" : "product_version");
      v.put("name", p.version());
      v.set("product", fpn);
    }
    return id;
  }

  private String fresh(String preferred) {
    if (!preferred.isBlank() && preferred.strip().equals(preferred) && used.add(preferred)) {
      return preferred;
    }
    String id;
    do {
      id = String.format(Locale.ROOT, "CSAFPID-%04d", next++);
    } while (!used.add(id));
    return id;
  }

  /** CSAF test 6.1.31 forbids range words in {@code product_version}. */
  static boolean isRange(String version) {
    String v = version.toLowerCase(Locale.ROOT);
    return v.startsWith("vers:") || RANGE_WORDS.stream().anyMatch(v::contains);
  }
}
