package dev.craft.formats;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One CVE of the NVD CVE API 2.0 ({@code vulnerabilities[].cve}): the fields CRAFT uses, and the
 * {@code cve} object's text as received.
 *
 * @param description the English description, empty when there is none
 * @param raw the {@code cve} object, compact JSON
 */
public record NvdCve(
    String id,
    String published,
    String lastModified,
    String vulnStatus,
    String description,
    List<NvdCvss> metrics,
    List<String> cwes,
    List<NvdCpeMatch> cpeMatches,
    List<String> references,
    String raw) {
  public NvdCve {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(published, "published");
    Objects.requireNonNull(lastModified, "lastModified");
    Objects.requireNonNull(vulnStatus, "vulnStatus");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(raw, "raw");
    metrics = List.copyOf(metrics);
    cwes = List.copyOf(cwes);
    cpeMatches = List.copyOf(cpeMatches);
    references = List.copyOf(references);
  }

  /**
   * The CVSS to use when an advisory has none: NVD's own (Primary) metric of the newest CVSS
   * version; when NVD has not scored the CVE, the newest Secondary (CNA) metric.
   */
  public Optional<NvdCvss> preferredCvss() {
    Comparator<NvdCvss> byVersion = Comparator.comparing(NvdCvss::version);
    Optional<NvdCvss> primary =
        metrics.stream().filter(NvdCvss::primary).filter(m -> !m.vector().isEmpty()).max(byVersion);
    if (primary.isPresent()) {
      return primary;
    }
    return metrics.stream().filter(m -> !m.vector().isEmpty()).max(byVersion);
  }
}
