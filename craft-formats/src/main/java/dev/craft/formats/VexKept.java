package dev.craft.formats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.craft.core.InvalidInputException;
import dev.craft.core.VexJustification;
import dev.craft.core.VexProduct;
import dev.craft.core.VexResponse;
import dev.craft.core.VexStatement;
import dev.craft.core.VexStatus;
import dev.craft.core.WireEnum;
import java.util.ArrayList;
import java.util.List;

/**
 * What a VEX writer could not say in its format's own fields. Each writer writes its document,
 * reads it back with its own reader, and keeps every field of a statement that came back different
 * as JSON in the format's free slot (CycloneDX property, CSAF note, OpenVEX status notes marker).
 * The reader lays the kept fields over what it read, so A → B → A returns every statement
 * unchanged. Only the fields that differ are kept, so the slot stays small.
 */
final class VexKept {
  static final String NAME = "craft:vex";

  private VexKept() {}

  /** The fields of {@code original} that {@code plain} (the read-back) lost or changed. */
  static ObjectNode diff(VexStatement original, VexStatement plain) {
    ObjectNode want = toJson(original);
    ObjectNode got = toJson(plain);
    ObjectNode kept = Json.object();
    for (var e : want.properties()) {
      if (!e.getValue().equals(got.get(e.getKey()))) {
        kept.set(e.getKey(), e.getValue());
      }
    }
    return kept;
  }

  /** {@code plain} with the kept fields laid over it; an unusable kept value is refused. */
  static VexStatement apply(VexStatement plain, JsonNode kept) {
    if (!kept.isObject() || kept.isEmpty()) {
      return plain;
    }
    ObjectNode merged = toJson(plain);
    for (var e : kept.properties()) {
      if (merged.has(e.getKey())) {
        merged.set(e.getKey(), e.getValue());
      }
    }
    return fromJson(merged);
  }

  static ObjectNode toJson(VexStatement s) {
    ObjectNode o = Json.object();
    o.put("vulnerability", s.vulnerability());
    ArrayNode aliases = o.putArray("aliases");
    s.aliases().forEach(aliases::add);
    o.set("product", product(s.product()));
    o.set("subcomponent", product(s.subcomponent()));
    o.put("status", s.status().wireName());
    o.put("stateDetail", s.stateDetail());
    o.put("justification", s.justification().wireName());
    o.put("impact", s.impact());
    o.put("action", s.action());
    ArrayNode responses = o.putArray("responses");
    s.responses().forEach(r -> responses.add(r.wireName()));
    o.put("notes", s.notes());
    o.put("timestamp", s.timestamp());
    o.put("lastUpdated", s.lastUpdated());
    return o;
  }

  private static ObjectNode product(VexProduct p) {
    ObjectNode o = Json.object();
    o.put("ref", p.ref());
    o.put("name", p.name());
    o.put("version", p.version());
    o.put("purl", p.purl());
    o.put("cpe", p.cpe());
    return o;
  }

  private static VexStatement fromJson(ObjectNode o) {
    try {
      return new VexStatement(
          Json.text(o, "vulnerability"),
          texts(o.path("aliases")),
          product(o.path("product")),
          product(o.path("subcomponent")),
          WireEnum.parse(VexStatus.class, "craft:vex status", Json.text(o, "status")),
          Json.text(o, "stateDetail"),
          WireEnum.parse(
              VexJustification.class, "craft:vex justification", Json.text(o, "justification")),
          Json.text(o, "impact"),
          Json.text(o, "action"),
          texts(o.path("responses")).stream()
              .map(r -> WireEnum.parse(VexResponse.class, "craft:vex responses", r))
              .toList(),
          Json.text(o, "notes"),
          Json.text(o, "timestamp"),
          Json.text(o, "lastUpdated"));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("unusable " + NAME + " value: " + e.getMessage(), e);
    }
  }

  private static VexProduct product(JsonNode o) {
    return new VexProduct(
        Json.text(o, "ref"),
        Json.text(o, "name"),
        Json.text(o, "version"),
        Json.text(o, "purl"),
        Json.text(o, "cpe"));
  }

  static List<String> texts(JsonNode array) {
    var out = new ArrayList<String>();
    for (JsonNode n : array) {
      if (n.isTextual() && !n.asText().isBlank()) {
        out.add(n.asText());
      }
    }
    return out;
  }
}
