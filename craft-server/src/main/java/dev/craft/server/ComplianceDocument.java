package dev.craft.server;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A document generated from live records, independent of its format (HTML, PDF, JSON).
 *
 * @param kind the document's slug, e.g. "declaration-of-conformity"
 * @param statements fixed sentences the annex prescribes, in order (e.g. Annex VI's sentence)
 */
public record ComplianceDocument(
    String kind,
    String title,
    String basis,
    String product,
    String release,
    Instant generatedAt,
    List<String> statements,
    List<DocSection> sections) {
  public ComplianceDocument {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(title, "title");
    statements = List.copyOf(statements);
    sections = List.copyOf(sections);
  }

  /** Every item, across sections. */
  public List<DocItem> items() {
    return sections.stream().flatMap(s -> s.items().stream()).toList();
  }
}
