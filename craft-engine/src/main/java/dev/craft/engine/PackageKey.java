package dev.craft.engine;

import java.util.Objects;

/**
 * The matcher's index key: an ecosystem named by purl type ({@code pypi}, {@code golang}, {@code
 * cargo}…, or the lower-cased OSV name when CRAFT knows no purl type for it) and the package name
 * normalised by that ecosystem's rules ({@link PackageNames}).
 */
public record PackageKey(String ecosystem, String name) {
  public PackageKey {
    Objects.requireNonNull(ecosystem, "ecosystem");
    Objects.requireNonNull(name, "name");
  }

  @Override
  public String toString() {
    return ecosystem + "/" + name;
  }
}
