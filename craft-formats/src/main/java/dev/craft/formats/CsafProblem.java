package dev.craft.formats;

import java.util.Objects;

/**
 * One way a CSAF document fails CSAF 2.0.
 *
 * @param testId the test of CSAF 2.0 section 6.1 that failed ({@code 6.1.3}, {@code 6.1.27.9}), or
 *     {@code schema} for the JSON schema (CVSS objects failing their schema are {@code 6.1.8})
 * @param path a JSON pointer to where
 * @param message what is wrong
 */
public record CsafProblem(String testId, String path, String message) {
  public CsafProblem {
    Objects.requireNonNull(testId, "testId");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
  }
}
