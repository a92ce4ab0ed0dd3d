package dev.craft.core;

import java.util.List;
import java.util.Objects;

/**
 * The direct dependencies of one component, by reference.
 *
 * @param ref the component's reference ({@link Component#ref()})
 * @param dependsOn references of its direct dependencies
 * @param completeness what the document states about whether {@code dependsOn} is complete, in
 *     CycloneDX's aggregate vocabulary: {@code complete}, {@code incomplete}, {@code
 *     incomplete_first_party_only} (and the other {@code incomplete_*} values), {@code unknown},
 *     {@code not_specified}; empty when the document says nothing
 */
public record Dependency(String ref, List<String> dependsOn, String completeness) {
  public Dependency {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(completeness, "completeness");
    dependsOn = List.copyOf(dependsOn);
  }

  /** Whether the document says how complete this list is (TR-03183-2 asks for it). */
  public boolean completenessStated() {
    return !completeness.isEmpty() && !"not_specified".equals(completeness);
  }
}
