package dev.craft.core;

import java.util.List;
import java.util.Objects;

/**
 * A VEX document in CRAFT's own model, whatever the source format.
 *
 * @param id the document id (OpenVEX {@code @id}, CycloneDX {@code serialNumber}, CSAF {@code
 *     tracking.id}), or empty
 * @param author who issued it, or empty
 * @param timestamp when it was issued (ISO 8601 text as given), or empty
 * @param version the document's version as text, or empty
 */
public record VexDocument(
    String id, String author, String timestamp, String version, List<VexStatement> statements) {
  public VexDocument {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(author, "author");
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(version, "version");
    statements = List.copyOf(statements);
  }
}
