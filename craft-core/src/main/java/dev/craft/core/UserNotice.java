package dev.craft.core;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The notice to impacted users that Art. 14(8) asks for: what happened, which products and
 * versions, and the risk mitigation and corrective measures users can deploy. Built from the case;
 * empty texts mean the case does not say yet.
 *
 * @param status "corrective or mitigating measure available" or "no corrective measure yet"
 */
public record UserNotice(
    long caseId,
    Art14Kind kind,
    String title,
    Instant issuedAt,
    String basis,
    String manufacturer,
    List<AffectedProduct> products,
    String summary,
    String description,
    String status,
    String userMeasures,
    String userAction,
    String updateDetails,
    String cveId,
    String euvdId) {
  public UserNotice {
    Objects.requireNonNull(kind, "kind");
    products = List.copyOf(products);
  }

  public static UserNotice of(ReportingCase c, Instant now) {
    CaseDraft f = c.facts();
    Map<String, String> content = f.content();
    boolean vulnerability = f.kind() == Art14Kind.VULNERABILITY;
    String description =
        content.getOrDefault(vulnerability ? "generalInformation" : "incidentNature", "");
    boolean measure =
        f.measureAvailableAt() != null
            || !content.getOrDefault("updateDetails", "").isEmpty()
            || !content.getOrDefault("userMeasures", "").isEmpty();
    return new UserNotice(
        c.id(),
        f.kind(),
        f.title(),
        now,
        "Regulation (EU) 2024/2847, Art. 14(8)",
        f.manufacturer(),
        f.products(),
        f.summary(),
        description,
        measure ? "corrective or mitigating measure available" : "no corrective measure yet",
        content.getOrDefault("userMeasures", ""),
        content.getOrDefault("userAction", ""),
        content.getOrDefault("updateDetails", ""),
        content.getOrDefault("cveId", ""),
        content.getOrDefault("euvdId", ""));
  }
}
