package dev.craft.formats;

import dev.craft.core.Sbom;
import java.util.List;

/**
 * A document read into the normalised inventory, with every problem its own specification finds. An
 * invalid document is still normalised as far as it can be, so that callers can show what it
 * contains.
 */
public record SbomReadResult(Sbom sbom, List<ValidationProblem> problems) {
  public SbomReadResult {
    problems = List.copyOf(problems);
  }

  /** True only if the document is valid against its own schema or specification. */
  public boolean valid() {
    return problems.isEmpty();
  }
}
