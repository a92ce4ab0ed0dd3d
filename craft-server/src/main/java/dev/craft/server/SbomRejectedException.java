package dev.craft.server;

import dev.craft.core.InvalidInputException;
import dev.craft.formats.ValidationProblem;
import java.util.List;

/**
 * An SBOM that is not valid against its own specification: refused with every problem listed (HTTP
 * 400).
 */
final class SbomRejectedException extends InvalidInputException {
  private final transient List<ValidationProblem> problems;

  SbomRejectedException(String message, List<ValidationProblem> problems) {
    super(message);
    this.problems = List.copyOf(problems);
  }

  List<ValidationProblem> problems() {
    return problems;
  }
}
