package dev.craft.core;

import java.util.List;
import java.util.Objects;

/**
 * A link from a component to somewhere else, typed with CycloneDX's vocabulary ({@code
 * distribution}, {@code vcs}, {@code website}, {@code source-distribution}, {@code rfc-9116}…).
 * TR-03183-2 puts the hash of the deployable form on the {@code distribution} reference.
 */
public record ExternalReference(String type, String url, List<Hash> hashes) {
  public ExternalReference {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(url, "url");
    hashes = List.copyOf(hashes);
  }
}
