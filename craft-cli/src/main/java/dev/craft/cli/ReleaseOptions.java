package dev.craft.cli;

import picocli.CommandLine.Option;

/**
 * {@code --product} and {@code --release}: which release of which product a server command is
 * about.
 */
final class ReleaseOptions {
  @Option(names = "--product", required = true, description = "Product name or id.")
  String product = "";

  @Option(
      names = "--release",
      required = true,
      paramLabel = "VERSION",
      description = "Release version.")
  String release = "";
}
