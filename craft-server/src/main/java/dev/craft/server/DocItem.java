package dev.craft.server;

import java.util.Objects;

/**
 * One item a document's annex asks for.
 *
 * @param ref where the annex asks for it, e.g. "Annex V, point 2"
 * @param label what the item is
 * @param value its content from the live records; empty when missing
 * @param status whether the records hold it
 * @param fixPath the web page where a person records it
 */
public record DocItem(String ref, String label, String value, Status status, String fixPath) {
  /** Missing items are named in the completeness report; NOT_RECORDED ones await a feature. */
  public enum Status {
    PRESENT,
    MISSING,
    NOT_RECORDED
  }

  /** What a document says where CRAFT does not record the item yet (SBOM, vulnerabilities). */
  static final String NOT_YET_RECORDED = "not yet recorded";

  public DocItem {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(fixPath, "fixPath");
  }

  /** Present when the value is not blank, missing otherwise. */
  static DocItem of(String ref, String label, String value, String fixPath) {
    String v = value.strip();
    return new DocItem(ref, label, v, v.isEmpty() ? Status.MISSING : Status.PRESENT, fixPath);
  }

  static DocItem notRecorded(String ref, String label) {
    return new DocItem(ref, label, NOT_YET_RECORDED, Status.NOT_RECORDED, "");
  }

  public boolean present() {
    return status == Status.PRESENT;
  }
}
