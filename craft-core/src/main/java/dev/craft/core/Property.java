package dev.craft.core;

import java.util.Objects;

/**
 * A name/value pair. SBOM documents carry their own properties; CRAFT also keeps here what a
 * document says about a component that has no field in the inventory, so nothing is dropped. Such
 * kept fields are named {@code craft:<format>:<json-pointer-like path>} and their value is JSON.
 */
public record Property(String name, String value) {
  public Property {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
  }
}
