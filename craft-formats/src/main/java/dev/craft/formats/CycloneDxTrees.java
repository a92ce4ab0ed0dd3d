package dev.craft.formats;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.craft.core.ExternalReference;
import dev.craft.core.Hash;
import dev.craft.core.License;
import dev.craft.core.Party;
import java.util.List;

/**
 * CycloneDX JSON for the inventory's values. The writer uses it, and the normaliser uses it to
 * check that a mapping lost nothing (if it did, the source field is kept).
 */
final class CycloneDxTrees {
  private CycloneDxTrees() {}

  static ObjectNode entity(Party p) {
    ObjectNode o = Json.object();
    if (!p.name().isEmpty()) {
      o.put("name", p.name());
    }
    if (!p.url().isEmpty()) {
      o.putArray("url").add(p.url());
    }
    if (!p.email().isEmpty()) {
      o.putArray("contact").addObject().put("email", p.email());
    }
    return o;
  }

  static ArrayNode contacts(List<Party> parties) {
    ArrayNode a = Json.NODES.arrayNode();
    for (Party p : parties) {
      ObjectNode o = a.addObject();
      if (!p.name().isEmpty()) {
        o.put("name", p.name());
      }
      if (!p.email().isEmpty()) {
        o.put("email", p.email());
      }
    }
    return a;
  }

  static ArrayNode hashes(List<Hash> hashes) {
    ArrayNode a = Json.NODES.arrayNode();
    for (Hash h : hashes) {
      a.addObject().put("alg", h.algorithm()).put("content", h.value());
    }
    return a;
  }

  /**
   * CycloneDX allows either licence objects or one expression. Listed ids and names become licence
   * objects; anything else is written as an expression.
   */
  static ArrayNode licenses(List<License> licenses, String version) {
    ArrayNode a = Json.NODES.arrayNode();
    if (!"1.6".equals(version)
        && CycloneDxReader.VERSIONS.contains(version)
        && version.compareTo("1.7") >= 0) {
      // 1.7 allows licence objects and expressions side by side.
      for (License l : licenses) {
        ObjectNode o;
        if (l.expression().isEmpty() || SpdxLicenses.isListedId(l.expression())) {
          o = a.addObject().putObject("license");
          if (l.expression().isEmpty()) {
            o.put("name", l.name());
          } else {
            o.put("id", l.expression());
          }
          if (!l.url().isEmpty()) {
            o.put("url", l.url());
          }
        } else {
          o = a.addObject().put("expression", l.expression());
        }
        if (!l.acknowledgement().isEmpty()) {
          o.put("acknowledgement", l.acknowledgement());
        }
      }
      return a;
    }
    boolean allObjects =
        licenses.stream()
            .allMatch(l -> l.expression().isEmpty() || SpdxLicenses.isListedId(l.expression()));
    if (allObjects) {
      for (License l : licenses) {
        ObjectNode lic = a.addObject().putObject("license");
        if (l.expression().isEmpty()) {
          lic.put("name", l.name());
        } else {
          lic.put("id", l.expression());
        }
        if (!l.acknowledgement().isEmpty()) {
          lic.put("acknowledgement", l.acknowledgement());
        }
        if (!l.url().isEmpty()) {
          lic.put("url", l.url());
        }
      }
      return a;
    }
    if (licenses.size() == 1) {
      License l = licenses.get(0);
      ObjectNode e = a.addObject().put("expression", l.expression());
      if (!l.acknowledgement().isEmpty()) {
        e.put("acknowledgement", l.acknowledgement());
      }
      return a;
    }
    // Several statements, one needing an expression: CycloneDX has room for one expression, so
    // the concluded (or else the declared) statements are joined.
    List<License> chosen = licenses.stream().filter(License::isConcluded).toList();
    if (chosen.isEmpty()) {
      chosen = licenses;
    }
    String joined =
        String.join(
            " AND ",
            chosen.stream()
                .map(
                    l ->
                        l.expression().isEmpty()
                            ? "LicenseRef-" + sanitise(l.name())
                            : "(" + l.expression() + ")")
                .toList());
    ObjectNode e = a.addObject().put("expression", joined);
    if (!chosen.get(0).acknowledgement().isEmpty()) {
      e.put("acknowledgement", chosen.get(0).acknowledgement());
    }
    return a;
  }

  static final String KEPT_LICENSES = "craft:licenses";

  /** Whether {@link #licenses} had to join several statements into one expression. */
  static boolean merged(ArrayNode written, List<License> licenses) {
    return written.size() != licenses.size();
  }

  static String keptLicenses(List<License> licenses) {
    ArrayNode a = Json.NODES.arrayNode();
    for (License l : licenses) {
      a.addObject()
          .put("expression", l.expression())
          .put("name", l.name())
          .put("url", l.url())
          .put("acknowledgement", l.acknowledgement());
    }
    return Json.compact(a);
  }

  static List<License> keptLicenses(String json) {
    var out = new java.util.ArrayList<License>();
    for (var l : Json.parseKept(json)) {
      out.add(
          new License(
              Json.text(l, "expression"),
              Json.text(l, "name"),
              Json.text(l, "url"),
              Json.text(l, "acknowledgement")));
    }
    return out;
  }

  static ArrayNode externalReferences(List<ExternalReference> refs) {
    ArrayNode a = Json.NODES.arrayNode();
    for (ExternalReference r : refs) {
      ObjectNode o = a.addObject().put("url", r.url()).put("type", r.type());
      if (!r.hashes().isEmpty()) {
        o.set("hashes", hashes(r.hashes()));
      }
    }
    return a;
  }

  static String sanitise(String text) {
    String s = text.replaceAll("[^A-Za-z0-9.\\-]+", "-");
    return s.isEmpty() ? "unnamed" : s;
  }
}
