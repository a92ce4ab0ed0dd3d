package dev.craft.cli;

import dev.craft.server.ConfigLoader;
import dev.craft.server.CraftServer;
import dev.craft.store.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.Optional;

/**
 * A real CRAFT server on a fresh database and a random port, for commands that talk to a server.
 */
final class LiveServer {
  static final String TOKEN = "craft_token_for_cli_tests_0123456789abcdef";

  private LiveServer() {}

  static CraftServer start(boolean demo) {
    try {
      var db = TestDatabase.fresh();
      return CraftServer.start(
          ConfigLoader.load(
              Optional.empty(),
              Map.of(),
              Map.of(
                  "port", "0",
                  "data-dir", Files.createTempDirectory("craft-cli-test").toString(),
                  "db.url", db.url(),
                  "db.user", db.user(),
                  "db.password", db.password(),
                  "admin.password", "cli-test-password",
                  "admin.token", TOKEN,
                  "demo", Boolean.toString(demo),
                  "log.format", "text")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String url(CraftServer server) {
    return "http://localhost:" + server.port();
  }
}
