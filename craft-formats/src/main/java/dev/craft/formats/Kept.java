package dev.craft.formats;

import com.fasterxml.jackson.databind.JsonNode;
import dev.craft.core.Property;
import java.util.List;
import java.util.Set;

/**
 * Keeps what a document says that has no field in the inventory: each such JSON field becomes a
 * property named {@code craft:<format>:<field>} whose value is the field's JSON. Writers of the
 * same format put these fields back; other writers carry them as properties or annotations.
 */
final class Kept {
  static final String CDX = "craft:cyclonedx:";
  static final String SPDX = "craft:spdx:";

  private Kept() {}

  /** Adds every field of {@code object} not in {@code mapped} to {@code out}. */
  static void unmapped(JsonNode object, Set<String> mapped, String prefix, List<Property> out) {
    for (var e : object.properties()) {
      if (!mapped.contains(e.getKey())) {
        out.add(new Property(prefix + e.getKey(), Json.compact(e.getValue())));
      }
    }
  }

  static Property field(String prefix, String name, JsonNode value) {
    return new Property(prefix + name, Json.compact(value));
  }

  /**
   * Vulnerability entries a CycloneDX source carried, kept as a property when written to SPDX: the
   * SBOM still contains them, so quality profiles must still see them.
   */
  static int keptVulnerabilities(List<Property> props) {
    for (Property p : props) {
      if (p.name().equals(CDX + "vulnerabilities")) {
        return Json.parseKept(p.value()).size();
      }
    }
    return 0;
  }

  /** SPDX 2 security advisory references a converted component still carries. */
  static int keptAdvisories(List<Property> props) {
    int count = 0;
    for (Property p : props) {
      if (p.name().equals(SPDX + "externalRefs")) {
        for (var ref : Json.parseKept(p.value())) {
          if ("advisory".equals(Json.text(ref, "referenceType"))) {
            count++;
          }
        }
      }
    }
    return count;
  }
}
