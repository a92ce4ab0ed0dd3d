package dev.craft.core;

import java.util.Optional;

/** Entry point for callers that hold an ecosystem name, e.g. from a purl or an OSV record. */
public final class VersionSchemes {
  private VersionSchemes() {}

  /** The scheme for a purl type or OSV ecosystem name; empty if CRAFT has no rules for it. */
  public static Optional<VersionScheme> forEcosystem(String name) {
    return Ecosystem.find(name).map(Ecosystem::versionScheme);
  }

  /**
   * Like {@link #forEcosystem} but for input that must name a known ecosystem.
   *
   * @throws InvalidInputException naming the unknown ecosystem
   */
  public static VersionScheme require(String name) {
    return forEcosystem(name)
        .orElseThrow(
            () ->
                new InvalidInputException(
                    "unknown ecosystem "
                        + VersionText.quote(name)
                        + "; expected a purl type such as maven, npm, pypi, golang, cargo,"
                        + " nuget, gem, composer, pub, hex, deb, rpm, apk or semver"));
  }
}
