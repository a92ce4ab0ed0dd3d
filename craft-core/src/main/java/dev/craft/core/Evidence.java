package dev.craft.core;

/**
 * One piece of the evidence behind a determination: for a vulnerability, the "reliable evidence
 * that a malicious actor has exploited it in a system without permission of the system owner" (Art.
 * 3(42)); for an incident, what shows its impact.
 *
 * @param reference where the evidence is kept: a URL, a ticket or document id; empty when none
 */
public record Evidence(String description, String reference) {
  public Evidence {
    description = Text.required("evidence.description", description, 4000);
    reference = Text.optional("evidence.reference", reference, 2000);
  }
}
