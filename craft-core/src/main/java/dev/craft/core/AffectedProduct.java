package dev.craft.core;

import java.util.List;
import java.util.Objects;

/**
 * A product a case concerns, with the affected releases (empty: the product as a whole).
 *
 * @param name the product's name when the case was read; empty in drafts
 */
public record AffectedProduct(long productId, String name, List<AffectedRelease> releases) {
  public AffectedProduct {
    Objects.requireNonNull(name, "name");
    releases = List.copyOf(releases);
  }

  /** One affected release; the version is empty in drafts. */
  public record AffectedRelease(long releaseId, String version) {
    public AffectedRelease {
      Objects.requireNonNull(version, "version");
    }
  }
}
