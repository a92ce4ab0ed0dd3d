package dev.craft.formats;

import java.util.Objects;

/** One CISA Known Exploited Vulnerabilities entry (the fields CRAFT uses). */
public record KevEntry(
    String cveId,
    String vendorProject,
    String product,
    String vulnerabilityName,
    String dateAdded,
    String dueDate,
    String knownRansomwareCampaignUse) {
  public KevEntry {
    Objects.requireNonNull(cveId, "cveId");
    Objects.requireNonNull(vendorProject, "vendorProject");
    Objects.requireNonNull(product, "product");
    Objects.requireNonNull(vulnerabilityName, "vulnerabilityName");
    Objects.requireNonNull(dateAdded, "dateAdded");
    Objects.requireNonNull(dueDate, "dueDate");
    Objects.requireNonNull(knownRansomwareCampaignUse, "knownRansomwareCampaignUse");
  }
}
