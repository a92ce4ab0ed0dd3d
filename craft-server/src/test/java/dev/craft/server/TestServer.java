package dev.craft.server;

import dev.craft.store.DbSettings;
import dev.craft.store.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The real server on a random port, on a fresh PostgreSQL database, with a known admin password and
 * token.
 */
final class TestServer implements AutoCloseable {
  static final String ADMIN_PASSWORD = "admin-password-for-tests";
  static final String ADMIN_TOKEN = "craft_admin_token_for_tests_0123456789";

  final CraftServer server;
  final DbSettings db;
  final Path dataDir;
  final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  private TestServer(CraftServer server, DbSettings db, Path dataDir) {
    this.server = server;
    this.db = db;
    this.dataDir = dataDir;
  }

  static TestServer start(Map<String, String> extra) {
    try {
      return start(TestDatabase.fresh(), Files.createTempDirectory("craft-server-test"), extra);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static TestServer start(DbSettings db, Path dataDir, Map<String, String> extra) {
    Map<String, String> flags = new HashMap<>();
    flags.put("port", "0");
    flags.put("data-dir", dataDir.toString());
    flags.put("db.url", db.url());
    flags.put("db.user", db.user());
    flags.put("db.password", db.password());
    // Six leave one connection for a second writer of findings (ADR 098), so API tests take that
    // path.
    flags.put("db.pool-size", "6");
    flags.put("admin.password", ADMIN_PASSWORD);
    flags.put("admin.token", ADMIN_TOKEN);
    flags.put("log.format", "text");
    flags.putAll(extra);
    return new TestServer(
        CraftServer.start(ConfigLoader.load(Optional.empty(), Map.of(), flags)), db, dataDir);
  }

  URI uri(String path) {
    return URI.create("http://localhost:" + server.port() + path);
  }

  HttpResponse<String> get(String path, String token) {
    return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token).GET());
  }

  HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  HttpResponse<String> postJson(String path, String token, String json) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /**
   * A new product named {@code product} with one release, 1.0.0, created through the API as the
   * admin; returns the release's API path ({@code /api/v1/products/{id}/releases/{rid}}).
   */
  String newRelease(String product) {
    long id =
        Browserless.json(
                postJson("/api/v1/products", ADMIN_TOKEN, "{\"name\":\"" + product + "\"}"))
            .get("id")
            .asLong();
    long rid =
        Browserless.json(
                postJson(
                    "/api/v1/products/" + id + "/releases", ADMIN_TOKEN, "{\"version\":\"1.0.0\"}"))
            .get("id")
            .asLong();
    return "/api/v1/products/" + id + "/releases/" + rid;
  }

  HttpResponse<String> putJson(String path, String token, String json) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
