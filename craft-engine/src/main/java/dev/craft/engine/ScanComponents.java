package dev.craft.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.craft.core.Component;
import dev.craft.core.Sbom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The matcher's view of an SBOM inventory. Findings must show the purl as the SBOM wrote it, while
 * the inventory keeps the canonical form; where the reader kept the original text (a CycloneDX
 * {@code purl} that canonicalisation changed, an SPDX 2 purl reference that was not canonical),
 * that original is used.
 */
public final class ScanComponents {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CDX_PURL = "craft:cyclonedx:purl";
  private static final String SPDX_REFS = "craft:spdx:externalRefs";

  private ScanComponents() {}

  public static List<ScanComponent> of(Sbom sbom) {
    var out = new ArrayList<ScanComponent>(sbom.components().size());
    for (Component c : sbom.components()) {
      out.add(new ScanComponent(givenPurl(c), c.name(), c.version(), c.cpes()));
    }
    return out;
  }

  static String givenPurl(Component c) {
    Optional<String> kept = c.findProperty(CDX_PURL).flatMap(ScanComponents::jsonText);
    if (kept.isPresent() && PackageNames.ofPurl(kept.get()).isPresent()) {
      return kept.get();
    }
    if (c.purl().isEmpty()) {
      Optional<String> spdx = c.findProperty(SPDX_REFS).flatMap(ScanComponents::spdxPurl);
      if (spdx.isPresent()) {
        return spdx.get();
      }
    }
    return c.purl();
  }

  private static Optional<String> jsonText(String json) {
    try {
      JsonNode node = JSON.readTree(json);
      return node != null && node.isTextual() ? Optional.of(node.asText()) : Optional.empty();
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> spdxPurl(String json) {
    try {
      for (JsonNode ref : JSON.readTree(json)) {
        if ("purl".equals(ref.path("referenceType").asText())) {
          String locator = ref.path("referenceLocator").asText();
          if (PackageNames.ofPurl(locator).isPresent()) {
            return Optional.of(locator);
          }
        }
      }
      return Optional.empty();
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }
}
