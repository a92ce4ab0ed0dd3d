package dev.craft.formats;

import java.util.Objects;

/**
 * One way a document breaks its own specification.
 *
 * @param path where: a JSON pointer ({@code /components/3/hashes/0/alg}) for JSON documents, {@code
 *     line N} (or {@code line N, column M}) for XML and tag-value documents
 * @param message what is wrong, in the validator's words
 */
public record ValidationProblem(String path, String message) {
  public ValidationProblem {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
  }
}
