package dev.craft.store;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A finding of a current SBOM as VEX import and export need it: the component's identities (purl,
 * name, version, bom-ref, package key) and the effective triage decision (null columns when none
 * covers it).
 *
 * @param aliases the advisory's aliases, space-separated
 */
public record VexFinding(
    long findingId,
    long releaseId,
    String releaseVersion,
    String vulnerabilityId,
    String aliases,
    String purl,
    String name,
    String version,
    String componentRef,
    String packageKey,
    @Nullable String state,
    @Nullable String justification,
    @Nullable String response,
    @Nullable String detail) {

  /** The vulnerability id and its aliases. */
  public List<String> ids() {
    var out = new java.util.ArrayList<String>();
    out.add(vulnerabilityId);
    if (!aliases.isBlank()) {
      out.addAll(List.of(aliases.strip().split("\\s+")));
    }
    return List.copyOf(out);
  }

  public String effectiveState() {
    return state == null ? "in_triage" : state;
  }

  public List<String> responses() {
    return response == null || response.isBlank() ? List.of() : List.of(response.split(" "));
  }
}
