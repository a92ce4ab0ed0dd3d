package dev.craft.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.craft.formats.NvdCve;
import dev.craft.formats.NvdCvss;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The vulnerable CPE criteria of an NVD CVE ({@code configurations[].nodes[].cpeMatch[]} with
 * {@code vulnerable: true}) for the CPE look-up, each with the CVE's CVSS (NVD's preferred metric)
 * and, when its configuration also names non-vulnerable criteria (NVD's "running on/with": an
 * operating system, a device), those as the platform. Negated nodes are left out: they name what
 * the configuration excludes.
 */
public final class NvdCriteria {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int PLATFORMS_SHOWN = 3;

  private NvdCriteria() {}

  public static List<CpeCriterion> of(NvdCve cve, String source) {
    return of(cve.id(), cve.raw(), cve.preferredCvss().map(NvdCvss::vector).orElse(""), source);
  }

  /**
   * The criteria of a stored CVE: its {@code cve} object as text and the CVSS vector chosen for it
   * (empty when none).
   */
  public static List<CpeCriterion> of(String cveId, String raw, String cvssVector, String source) {
    AdvisorySeverity severity =
        cvssVector.isEmpty() ? AdvisorySeverity.UNKNOWN : AdvisorySeverity.ofVector(cvssVector);
    JsonNode root;
    try {
      root = JSON.readTree(raw);
    } catch (JsonProcessingException e) {
      return List.of(); // stored by the reader, which parsed it; it cannot be malformed
    }
    var out = new ArrayList<CpeCriterion>();
    for (JsonNode config : root.path("configurations")) {
      List<JsonNode> vulnerable = new ArrayList<>();
      Set<String> platforms = new LinkedHashSet<>();
      for (JsonNode node : config.path("nodes")) {
        if (node.path("negate").asBoolean(false)) {
          continue;
        }
        for (JsonNode m : node.path("cpeMatch")) {
          if (m.path("vulnerable").asBoolean(false)) {
            vulnerable.add(m);
          } else if (!m.path("criteria").asText("").isBlank()) {
            platforms.add(m.path("criteria").asText().strip());
          }
        }
      }
      String platform = platformText(platforms);
      for (JsonNode m : vulnerable) {
        out.add(
            new CpeCriterion(
                cveId,
                source,
                m.path("criteria").asText("").strip(),
                m.path("versionStartIncluding").asText("").strip(),
                m.path("versionStartExcluding").asText("").strip(),
                m.path("versionEndIncluding").asText("").strip(),
                m.path("versionEndExcluding").asText("").strip(),
                platform,
                severity));
      }
    }
    return out;
  }

  /** The vendor:product keys of the vulnerable criteria, for the store's index. */
  public static Set<String> keys(List<CpeCriterion> criteria) {
    return Cpe.productKeys(criteria.stream().map(CpeCriterion::criteria).toList());
  }

  private static String platformText(Set<String> platforms) {
    if (platforms.isEmpty()) {
      return "";
    }
    List<String> shown = platforms.stream().limit(PLATFORMS_SHOWN).toList();
    return String.join(" or ", shown)
        + (platforms.size() > PLATFORMS_SHOWN
            ? " (and " + (platforms.size() - PLATFORMS_SHOWN) + " more)"
            : "");
  }
}
