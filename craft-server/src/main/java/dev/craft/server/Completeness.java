package dev.craft.server;

import java.util.List;
import java.util.Objects;

/**
 * The completeness of all documents: one report per document.
 *
 * @param release the version the documents were generated for; empty when there is none
 */
public record Completeness(long productId, String release, List<Report> documents) {
  public Completeness {
    Objects.requireNonNull(release, "release");
    documents = List.copyOf(documents);
  }

  public boolean complete() {
    return documents.stream().allMatch(Report::complete);
  }

  public int missingCount() {
    return documents.stream().mapToInt(r -> r.missing().size()).sum();
  }

  /**
   * @param items every item the annex asks for
   * @param missing the items not recorded yet, each with the page where to record it
   * @param notRecorded items CRAFT does not record yet (SBOM, vulnerabilities)
   */
  public record Report(
      String document,
      String title,
      String basis,
      List<DocItem> items,
      List<DocItem> missing,
      List<DocItem> notRecorded) {
    public Report {
      items = List.copyOf(items);
      missing = List.copyOf(missing);
      notRecorded = List.copyOf(notRecorded);
    }

    static Report of(ComplianceDocument doc) {
      List<DocItem> all = doc.items();
      return new Report(
          doc.kind(),
          doc.title(),
          doc.basis(),
          all,
          all.stream().filter(i -> i.status() == DocItem.Status.MISSING).toList(),
          all.stream().filter(i -> i.status() == DocItem.Status.NOT_RECORDED).toList());
    }

    public boolean complete() {
      return missing.isEmpty();
    }
  }
}
