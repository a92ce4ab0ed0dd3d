package dev.craft.core;

import java.util.Objects;

/**
 * Something a stage's content still lacks or gets wrong.
 *
 * @param field the SRP field key
 * @param number the SRP field number, e.g. "v21"
 * @param blocking true when the SRP would refuse the submission or the law's unconditional content
 *     is missing; false for content the law asks for "where applicable" / "as available"
 * @param message what to do, naming the SRP field or the article
 */
public record FieldIssue(
    String field, String number, String label, boolean blocking, String message) {
  public FieldIssue {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(message, "message");
  }
}
