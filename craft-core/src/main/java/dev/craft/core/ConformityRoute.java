package dev.craft.core;

import java.util.List;
import java.util.Objects;

/**
 * The conformity assessment procedures a manufacturer may choose from.
 *
 * @param modules the allowed procedures, any one of which suffices
 * @param basis the article and paragraph that allow them, e.g. "Art. 32(3)"
 * @param reason why that paragraph applies, in words
 */
public record ConformityRoute(List<ConformityModule> modules, String basis, String reason) {
  public ConformityRoute {
    modules = List.copyOf(modules);
    Objects.requireNonNull(basis, "basis");
    Objects.requireNonNull(reason, "reason");
    if (modules.isEmpty()) {
      throw new IllegalArgumentException("a route needs at least one module");
    }
  }
}
