package dev.craft.core;

import java.time.Instant;
import java.util.Objects;

/**
 * One Art. 14 stage with the instant by which it must be submitted.
 *
 * @param due the latest instant, in UTC, at which the submission is on time
 * @param basis the article and point that set the deadline, e.g. "Art. 14(2)(a)"
 * @param rule the rule in words, as shown to the user
 */
public record Art14Deadline(Art14Stage stage, Instant due, String basis, String rule) {
  public Art14Deadline {
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(due, "due");
    Objects.requireNonNull(basis, "basis");
    Objects.requireNonNull(rule, "rule");
  }
}
