package dev.craft.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.craft.store.AdvisoryStore;
import dev.craft.store.AdvisoryStore.AliasRow;
import dev.craft.store.CraftJson;
import dev.craft.store.EuvdStore;
import dev.craft.store.EuvdStore.EuvdRow;
import dev.craft.store.ExploitationStore;
import dev.craft.store.FindingStore.FindingRow;
import dev.craft.store.NvdStore;
import dev.craft.store.NvdStore.NvdRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What NVD and EUVD say about an advisory (ADR 081), through its id and aliases: the NVD CVSS, CWEs
 * and CPE match criteria of each CVE, and the EUVD records that name it. For the advisory page and
 * API.
 */
final class AdvisorySources {
  private final AdvisoryStore advisories;
  private final NvdStore nvd;
  private final EuvdStore euvd;
  private final ExploitationStore exploitation;

  AdvisorySources(
      AdvisoryStore advisories, NvdStore nvd, EuvdStore euvd, ExploitationStore exploitation) {
    this.exploitation = exploitation;
    this.advisories = advisories;
    this.nvd = nvd;
    this.euvd = euvd;
  }

  /** The ids an advisory is known by: its own and every alias statement that involves it. */
  Set<String> idsOf(String id) {
    Set<String> ids = new LinkedHashSet<>();
    ids.add(id);
    for (AliasRow a : advisories.aliases(id)) {
      ids.add(a.advisoryId());
      ids.add(a.alias());
    }
    return ids;
  }

  List<NvdView> nvd(Set<String> ids) {
    var out = new ArrayList<NvdView>();
    var rows = nvd.forIds(ids);
    for (String id : ids) {
      NvdRow r = rows.get(id);
      if (r != null) {
        out.add(new NvdView(r, cpe(r.cpeMatches())));
      }
    }
    return out;
  }

  List<EuvdRow> euvd(Set<String> ids) {
    return euvd.naming(ids);
  }

  /** The {@code nvd} and {@code euvd} members of the advisory API's answer. */
  Map<String, Object> view(String id) {
    Set<String> ids = idsOf(id);
    List<Map<String, Object>> nvdItems = new ArrayList<>();
    for (NvdView n : nvd(ids)) {
      NvdRow r = n.row();
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("id", r.cveId());
      v.put("lastModified", r.lastModified());
      v.put("vulnStatus", r.vulnStatus());
      v.put(
          "cvss",
          r.cvssVector().isEmpty()
              ? null
              : Map.of(
                  "version", r.cvssVersion(),
                  "vector", r.cvssVector(),
                  "baseScore", r.cvssScore(),
                  "source", r.cvssSource(),
                  "type", r.cvssType()));
      v.put("metrics", tree(r.metrics()));
      v.put("cwes", r.cwes());
      v.put("cpeMatches", n.cpeMatches());
      nvdItems.add(v);
    }
    List<Map<String, Object>> euvdItems = new ArrayList<>();
    for (EuvdRow r : euvd(ids)) {
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("id", r.id());
      v.put("aliases", r.aliases());
      v.put("exploited", r.exploited());
      v.put("exploitedSince", r.exploitedSince());
      v.put("baseScore", r.baseScore() < 0 ? null : r.baseScore());
      v.put("baseScoreVector", r.baseScoreVector());
      v.put("dateUpdated", r.dateUpdated());
      euvdItems.add(v);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("nvd", nvdItems);
    out.put("euvd", euvdItems);
    return out;
  }

  /**
   * For each finding flagged as exploited, which list said so: {@code CISA KEV} and/or the EU
   * exploited EUVD ids, found through the finding's vulnerability id and aliases.
   */
  Map<Long, List<String>> exploitedBy(List<FindingRow> rows) {
    Set<String> ids = new LinkedHashSet<>();
    for (FindingRow f : rows) {
      if (f.kev()) {
        ids.add(f.vulnerabilityId());
        ids.addAll(AdvisoryApi.aliases(f.aliases()));
      }
    }
    Map<Long, List<String>> out = new java.util.HashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    var kev = exploitation.kevFor(ids);
    Map<String, List<String>> eu = new java.util.HashMap<>();
    for (var hit : euvd.exploitedFor(ids)) {
      eu.computeIfAbsent(hit.matchedId(), k -> new ArrayList<>()).add(hit.euvdId());
    }
    for (FindingRow f : rows) {
      if (!f.kev()) {
        continue;
      }
      Set<String> by = new LinkedHashSet<>();
      Set<String> own = new LinkedHashSet<>();
      own.add(f.vulnerabilityId());
      own.addAll(AdvisoryApi.aliases(f.aliases()));
      for (String id : own) {
        if (kev.find(id).isPresent()) {
          by.add("CISA KEV");
        }
      }
      for (String id : own) {
        for (String e : eu.getOrDefault(id, List.of())) {
          by.add("EU exploited (" + e + ")");
        }
      }
      out.put(f.id(), List.copyOf(by));
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> cpe(String json) {
    try {
      return CraftJson.mapper().readValue(json, List.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return List.of();
    }
  }

  private static JsonNode tree(String json) {
    try {
      return CraftJson.mapper().readTree(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return CraftJson.mapper().getNodeFactory().textNode(json);
    }
  }
}
