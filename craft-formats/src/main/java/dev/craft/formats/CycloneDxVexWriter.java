package dev.craft.formats;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.craft.core.VexDocument;
import dev.craft.core.VexJustification;
import dev.craft.core.VexProduct;
import dev.craft.core.VexResponse;
import dev.craft.core.VexStatement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes CycloneDX 1.6 JSON VEX: one {@code vulnerabilities[]} entry per statement, its product as
 * a component (a subcomponent nested inside it) referenced from {@code affects}. What CycloneDX
 * cannot say is kept in the entry's {@code craft:vex} property ({@link VexKept}).
 */
final class CycloneDxVexWriter {
  private CycloneDxVexWriter() {}

  static byte[] write(VexDocument doc) {
    ObjectNode plain = build(doc, Map.of());
    List<VexSlot> back = CycloneDxVexReader.slots(plain, ReadLimits.DEFAULT, true);
    var kept = new HashMap<Integer, ObjectNode>();
    for (int i = 0; i < doc.statements().size(); i++) {
      ObjectNode diff = VexKept.diff(doc.statements().get(i), back.get(i).statement());
      if (!diff.isEmpty()) {
        kept.put(i, diff);
      }
    }
    return VexJson.pretty(kept.isEmpty() ? plain : build(doc, kept));
  }

  private static ObjectNode build(VexDocument doc, Map<Integer, ObjectNode> kept) {
    ObjectNode root = Json.object();
    root.put("bomFormat", "CycloneDX");
    root.put("specVersion", "1.6");
    if (doc.id().matches("urn:uuid:[0-9a-fA-F-]{36}")) {
      root.put("serialNumber", doc.id());
    }
    root.put("version", VexJson.positiveInt(doc.version()));
    ObjectNode meta = root.putObject("metadata");
    if (!doc.timestamp().isEmpty()) {
      meta.put("timestamp", doc.timestamp());
    }
    if (!doc.author().isEmpty()) {
      meta.putArray("authors").addObject().put("name", doc.author());
    }
    var refs = new Refs();
    ArrayNode components = Json.NODES.arrayNode();
    ArrayNode vulns = Json.NODES.arrayNode();
    for (int i = 0; i < doc.statements().size(); i++) {
      VexStatement s = doc.statements().get(i);
      ObjectNode v = vulns.addObject();
      v.put("id", s.vulnerability());
      if (!s.aliases().isEmpty()) {
        ArrayNode references = v.putArray("references");
        for (String alias : s.aliases().stream().distinct().toList()) {
          ObjectNode r = references.addObject();
          r.put("id", alias);
          r.putObject("source").put("name", source(alias));
        }
      }
      if (!s.action().isEmpty()) {
        v.put("recommendation", s.action());
      }
      v.set("analysis", analysis(s));
      if (!s.product().isNone()) {
        String ref = refs.of(s.product(), s.subcomponent(), components);
        v.putArray("affects").addObject().put("ref", ref);
      }
      ObjectNode k = kept.get(i);
      if (k != null) {
        v.putArray("properties")
            .addObject()
            .put("name", VexKept.NAME)
            .put("value", Json.compact(k));
      }
    }
    if (!components.isEmpty()) {
      root.set("components", components);
    }
    root.set("vulnerabilities", vulns);
    return root;
  }

  private static ObjectNode analysis(VexStatement s) {
    ObjectNode a = Json.object();
    a.put(
        "state",
        switch (s.status()) {
          case NOT_AFFECTED ->
              s.stateDetail().equals("false_positive") ? "false_positive" : "not_affected";
          case AFFECTED -> "exploitable";
          case FIXED ->
              s.stateDetail().equals("resolved_with_pedigree")
                  ? "resolved_with_pedigree"
                  : "resolved";
          case UNDER_INVESTIGATION -> "in_triage";
        });
    if (s.justification() != VexJustification.NONE) {
      a.put("justification", s.justification().toCycloneDx().wireName());
    }
    if (!s.responses().isEmpty()) {
      ArrayNode r = a.putArray("response");
      s.responses().stream()
          .map(VexResponse::toCycloneDx)
          .distinct()
          .forEach(x -> r.add(x.wireName()));
    }
    String detail = s.status() == dev.craft.core.VexStatus.NOT_AFFECTED ? s.impact() : s.notes();
    if (!detail.isEmpty()) {
      a.put("detail", detail);
    }
    if (!s.timestamp().isEmpty()) {
      a.put("firstIssued", s.timestamp());
    }
    if (!s.lastUpdated().isEmpty()) {
      a.put("lastUpdated", s.lastUpdated());
    }
    return a;
  }

  private static String source(String alias) {
    int dash = alias.indexOf('-');
    return dash > 0 ? alias.substring(0, dash) : "alias";
  }

  /** Components with unique bom-refs, one per distinct product and subcomponent. */
  private static final class Refs {
    private final Map<VexProduct, ObjectNode> products = new LinkedHashMap<>();
    private final Map<List<VexProduct>, String> subs = new HashMap<>();
    private final Set<String> used = new HashSet<>();

    String of(VexProduct product, VexProduct sub, ArrayNode components) {
      ObjectNode parent = products.get(product);
      if (parent == null) {
        parent = component(product, "application");
        products.put(product, parent);
        components.add(parent);
      }
      if (sub.isNone()) {
        return parent.get("bom-ref").asText();
      }
      String ref = subs.get(List.of(product, sub));
      if (ref == null) {
        ObjectNode child = component(sub, "library");
        parent.withArray("components").add(child);
        ref = child.get("bom-ref").asText();
        subs.put(List.of(product, sub), ref);
      }
      return ref;
    }

    private ObjectNode component(VexProduct p, String type) {
      ObjectNode c = Json.object();
      c.put("type", type);
      String ref = p.ref().isEmpty() ? p.key() : p.ref();
      String unique = ref;
      for (int n = 2; !used.add(unique); n++) {
        unique = ref + "#" + n;
      }
      c.put("bom-ref", unique);
      c.put("name", p.name().isEmpty() ? p.key() : p.name());
      if (!p.version().isEmpty()) {
        c.put("version", p.version());
      }
      if (!p.cpe().isEmpty()) {
        c.put("cpe", p.cpe());
      }
      if (!p.purl().isEmpty()) {
        c.put("purl", p.purl());
      }
      return c;
    }
  }
}
