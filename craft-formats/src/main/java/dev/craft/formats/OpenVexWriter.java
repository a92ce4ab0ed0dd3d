package dev.craft.formats;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.craft.core.VexDocument;
import dev.craft.core.VexJustification;
import dev.craft.core.VexProduct;
import dev.craft.core.VexStatement;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes OpenVEX 0.2.0, one OpenVEX statement per CRAFT statement. OpenVEX allows no extra fields,
 * so what it cannot say (names, versions, CycloneDX codes, responses) is kept as {@code [craft:vex
 * {...}]} at the end of {@code status_notes}.
 */
final class OpenVexWriter {
  static final String CONTEXT = "https://openvex.dev/ns/v0.2.0";

  private OpenVexWriter() {}

  static byte[] write(VexDocument doc) {
    ObjectNode plain = build(doc, Map.of());
    List<VexSlot> back = OpenVexReader.slots(plain, ReadLimits.DEFAULT, true);
    var kept = new java.util.HashMap<Integer, ObjectNode>();
    for (int i = 0; i < doc.statements().size(); i++) {
      ObjectNode diff = VexKept.diff(doc.statements().get(i), back.get(i).statement());
      if (!diff.isEmpty()) {
        kept.put(i, diff);
      }
    }
    ObjectNode out = kept.isEmpty() ? plain : build(doc, kept);
    return VexJson.pretty(out);
  }

  private static ObjectNode build(VexDocument doc, Map<Integer, ObjectNode> kept) {
    ObjectNode root = Json.object();
    root.put("@context", CONTEXT);
    root.put(
        "@id",
        doc.id().contains(":")
            ? doc.id()
            : "urn:uuid:"
                + UUID.nameUUIDFromBytes(
                    (doc.id() + doc.timestamp()).getBytes(StandardCharsets.UTF_8)));
    root.put("author", doc.author().isEmpty() ? "Unknown" : doc.author());
    root.put("timestamp", doc.timestamp().isEmpty() ? Instant.now().toString() : doc.timestamp());
    root.put("version", VexJson.positiveInt(doc.version()));
    ArrayNode statements = root.putArray("statements");
    for (int i = 0; i < doc.statements().size(); i++) {
      statements.add(statement(doc.statements().get(i), kept.get(i)));
    }
    return root;
  }

  private static ObjectNode statement(
      VexStatement s, @org.jspecify.annotations.Nullable ObjectNode kept) {
    ObjectNode st = Json.object();
    ObjectNode vuln = st.putObject("vulnerability");
    vuln.put("name", s.vulnerability());
    if (!s.aliases().isEmpty()) {
      ArrayNode aliases = vuln.putArray("aliases");
      s.aliases().stream().distinct().forEach(aliases::add);
    }
    if (!s.timestamp().isEmpty()) {
      st.put("timestamp", s.timestamp());
    }
    if (!s.lastUpdated().isEmpty()) {
      st.put("last_updated", s.lastUpdated());
    }
    if (!s.product().isNone()) {
      ObjectNode product = component(s.product());
      if (!s.subcomponent().isNone()) {
        product.putArray("subcomponents").add(component(s.subcomponent()));
      }
      st.putArray("products").add(product);
    }
    st.put("status", s.status().wireName());
    if (s.justification() != VexJustification.NONE) {
      st.put("justification", s.justification().toOpenVex().wireName());
    }
    if (!s.impact().isEmpty()) {
      st.put("impact_statement", s.impact());
    }
    if (!s.action().isEmpty()) {
      st.put("action_statement", s.action());
    }
    String notes = s.notes();
    if (kept != null) {
      notes = (notes.isEmpty() ? "" : notes + "\n") + "[craft:vex " + Json.compact(kept) + "]";
    }
    if (!notes.isEmpty()) {
      st.put("status_notes", notes);
    }
    return st;
  }

  private static ObjectNode component(VexProduct p) {
    ObjectNode c = Json.object();
    String id = !p.purl().isEmpty() ? p.purl() : !p.cpe().isEmpty() ? p.cpe() : p.ref();
    if (id.isEmpty()) {
      id = p.label();
    }
    c.put("@id", id);
    if (!p.purl().isEmpty() && !p.cpe().isEmpty()) {
      ObjectNode ids = c.putObject("identifiers");
      ids.put("purl", p.purl());
      ids.put(p.cpe().startsWith("cpe:2.3:") ? "cpe23" : "cpe22", p.cpe());
    }
    return c;
  }
}
