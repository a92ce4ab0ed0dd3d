package dev.craft.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.craft.core.Actor;
import dev.craft.core.NotFoundException;
import dev.craft.core.Product;
import dev.craft.store.AdvisoryStore;
import dev.craft.store.CraftJson;
import dev.craft.store.FindingStore;
import dev.craft.store.FindingStore.FindingRow;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A first draft of an advisory from a finding: the CVE and other ids, the CVSS vector, CWE and
 * references of the matched advisory, and the finding's release as known affected. The description
 * is left to the PSIRT (the upstream text describes the component, not the product); it is offered
 * as a hint.
 */
final class CsafFindingPrefill {
  private final FindingStore findings;
  private final AdvisoryStore advisories;

  CsafFindingPrefill(FindingStore findings, AdvisoryStore advisories) {
    this.findings = findings;
    this.advisories = advisories;
  }

  /** The CVD report a finding was recorded from, if any (its reporter is credited). */
  java.util.Optional<Long> cvdReportOf(long releaseId, long findingId) {
    return java.util.Optional.ofNullable(findings.cvdReports(releaseId).get(findingId));
  }

  ObjectNode fromFinding(Actor actor, Product product, long releaseId, long findingId) {
    FindingRow f =
        findings.forRelease(actor, product.id(), releaseId).stream()
            .filter(x -> x.id() == findingId)
            .findFirst()
            .orElseThrow(() -> new NotFoundException("finding", findingId));
    JsonNode osv = advisories.find(f.vulnerabilityId()).map(a -> read(a.raw())).orElse(missing());
    Set<String> all = new LinkedHashSet<>();
    all.add(f.vulnerabilityId());
    for (String a : f.aliases().split("[,\\s]+")) {
      if (!a.isBlank()) {
        all.add(a.strip());
      }
    }
    String cve = all.stream().filter(a -> a.matches("CVE-\\d{4}-\\d{4,}")).findFirst().orElse("");
    ObjectNode in = CraftJson.mapper().createObjectNode();
    String summary = osv.path("summary").asText("");
    String name = summary.isEmpty() ? f.vulnerabilityId() : summary;
    in.put("title", clip(name + " in " + product.name(), 200));
    in.put("tlp", "CLEAR");
    in.put("productId", product.id());
    in.putArray("releaseIds").add(releaseId);
    in.put(
        "summary",
        clip(
            product.name()
                + " ships "
                + f.name()
                + " "
                + f.version()
                + ", which is affected by "
                + (cve.isEmpty() ? f.vulnerabilityId() : cve)
                + ".",
            2000));
    in.put("notesHint", clip(osv.path("details").asText(""), 2000));
    var v = in.putArray("vulnerabilities").addObject();
    v.put("cve", cve);
    var ids = v.putArray("ids");
    all.stream().filter(a -> !a.equals(cve)).limit(10).forEach(ids::add);
    v.put("title", clip(name, 500));
    v.put("cvssV3", f.cvssVector().startsWith("CVSS:3") ? f.cvssVector() : "");
    JsonNode cwe = osv.at("/database_specific/cwe_ids/0");
    if (cwe.isTextual()) {
      v.putObject("cwe").put("id", cwe.asText()).put("name", "");
    }
    v.putObject("productStatus").putArray("known_affected").add(releaseId);
    List<JsonNode> refs = new ArrayList<>();
    osv.path("references").forEach(refs::add);
    var out = v.putArray("references");
    refs.stream()
        .limit(10)
        .forEach(
            r ->
                out.addObject()
                    .put("url", r.path("url").asText(""))
                    .put(
                        "summary",
                        r.path("type").asText("WEB").toLowerCase(java.util.Locale.ROOT)));
    return in;
  }

  private static JsonNode read(String raw) {
    try {
      return CraftJson.mapper().readTree(raw);
    } catch (JsonProcessingException e) {
      return missing();
    }
  }

  private static JsonNode missing() {
    return CraftJson.mapper().createObjectNode();
  }

  private static String clip(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
