package dev.craft.core;

import java.util.List;
import java.util.Objects;

/**
 * One VEX statement: the status of one vulnerability in one product (optionally in one of its
 * subcomponents). Documents that list several products per statement are flattened to one statement
 * per product. Absent text is the empty string.
 *
 * @param vulnerability the vulnerability id (CVE, GHSA, …)
 * @param aliases other ids of the same vulnerability
 * @param product the product; {@link VexProduct#NONE} when the source names none
 * @param subcomponent the component inside the product that carries the vulnerability, or {@link
 *     VexProduct#NONE}
 * @param stateDetail the source's finer state when it has one beyond the four statuses (CycloneDX
 *     {@code false_positive}, {@code resolved_with_pedigree}; CSAF {@code first_affected}, {@code
 *     last_affected}, {@code first_fixed}), else empty
 * @param impact why the product is not affected (impact statement)
 * @param action what to do (action statement / remediation details)
 * @param notes how the status was determined (OpenVEX {@code status_notes})
 * @param timestamp when the statement was made (ISO 8601 text as given)
 * @param lastUpdated when it was last changed (ISO 8601 text as given)
 */
public record VexStatement(
    String vulnerability,
    List<String> aliases,
    VexProduct product,
    VexProduct subcomponent,
    VexStatus status,
    String stateDetail,
    VexJustification justification,
    String impact,
    String action,
    List<VexResponse> responses,
    String notes,
    String timestamp,
    String lastUpdated) {

  public VexStatement {
    Objects.requireNonNull(vulnerability, "vulnerability");
    Objects.requireNonNull(product, "product");
    Objects.requireNonNull(subcomponent, "subcomponent");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(stateDetail, "stateDetail");
    Objects.requireNonNull(justification, "justification");
    Objects.requireNonNull(impact, "impact");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(notes, "notes");
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(lastUpdated, "lastUpdated");
    if (vulnerability.isBlank()) {
      throw new InvalidInputException("a VEX statement has no vulnerability id");
    }
    aliases = List.copyOf(aliases);
    responses = List.copyOf(responses);
  }

  /** A statement with only the essentials; the rest empty. */
  public static VexStatement of(
      String vulnerability, VexProduct product, VexStatus status, VexJustification justification) {
    return new VexStatement(
        vulnerability,
        List.of(),
        product,
        VexProduct.NONE,
        status,
        "",
        justification,
        "",
        "",
        List.of(),
        "",
        "",
        "");
  }

  /**
   * What every conversion must keep: vulnerability, product, subcomponent, status and justification
   * (the latter as its OpenVEX/CSAF label, the common denominator).
   */
  public String essence() {
    return vulnerability
        + " | "
        + product.key()
        + " | "
        + subcomponent.key()
        + " | "
        + status.wireName()
        + " | "
        + justification.wireName();
  }
}
