package dev.craft.cli;

import picocli.CommandLine.Option;

/** {@code --server} and {@code --token}, defaulting to CRAFT_SERVER and CRAFT_TOKEN. */
final class ServerOptions {
  @Option(
      names = "--server",
      paramLabel = "URL",
      defaultValue = "${env:CRAFT_SERVER}",
      description = "CRAFT server URL (default: $CRAFT_SERVER).")
  String server = "";

  @Option(
      names = "--token",
      paramLabel = "TOKEN",
      defaultValue = "${env:CRAFT_TOKEN}",
      description = "API token (default: $CRAFT_TOKEN).")
  String token = "";

  ServerClient client() {
    return new ServerClient(server == null ? "" : server, token == null ? "" : token);
  }
}
