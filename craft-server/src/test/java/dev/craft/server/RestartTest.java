package dev.craft.server;

import static dev.craft.server.Browserless.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What was stored is still there after a restart: on an external database, and on the embedded one.
 */
class RestartTest {
  @Test
  void aProductSurvivesARestartOnTheSameExternalDatabase() throws IOException {
    var db = dev.craft.store.TestDatabase.fresh();
    Path data = Files.createTempDirectory("craft-restart");
    long id;
    try (var s = TestServer.start(db, data, Map.of())) {
      id =
          json(s.postJson("/api/v1/products", TestServer.ADMIN_TOKEN, "{\"name\":\"Durable\"}"))
              .get("id")
              .asLong();
    }
    try (var s = TestServer.start(db, data, Map.of())) {
      assertThat(json(s.get("/api/v1/products/" + id, TestServer.ADMIN_TOKEN)).get("name").asText())
          .isEqualTo("Durable");
    }
  }

  @Test
  void theEmbeddedDatabaseKeepsItsDataInTheDataDirectory() throws IOException {
    Path data = Files.createTempDirectory("craft-embedded");
    Map<String, String> flags =
        Map.of(
            "port",
            "0",
            "data-dir",
            data.toString(),
            "admin.token",
            TestServer.ADMIN_TOKEN,
            "log.format",
            "text");
    long id;
    try (var server =
        CraftServer.start(ConfigLoader.load(java.util.Optional.empty(), Map.of(), flags))) {
      assertThat(server.generatedAdminPassword()).isPresent();
      var client = new Client(server.port());
      id =
          json(client.post("/api/v1/products", "{\"name\":\"Embedded Survivor\"}"))
              .get("id")
              .asLong();
    }
    assertThat(data.resolve("postgres/PG_VERSION")).exists();
    try (var server =
        CraftServer.start(ConfigLoader.load(java.util.Optional.empty(), Map.of(), flags))) {
      // The admin exists already: no new password is generated on the second start.
      assertThat(server.generatedAdminPassword()).isEmpty();
      var client = new Client(server.port());
      assertThat(json(client.get("/api/v1/products/" + id)).get("name").asText())
          .isEqualTo("Embedded Survivor");
    }
  }

  /** A bearer-token client for a server that was not started through {@link TestServer}. */
  record Client(int port) {
    java.net.http.HttpResponse<String> get(String path) {
      return send(java.net.http.HttpRequest.newBuilder(uri(path)).GET());
    }

    java.net.http.HttpResponse<String> post(String path, String json) {
      return send(
          java.net.http.HttpRequest.newBuilder(uri(path))
              .header("Content-Type", "application/json")
              .POST(java.net.http.HttpRequest.BodyPublishers.ofString(json)));
    }

    java.net.URI uri(String path) {
      return java.net.URI.create("http://localhost:" + port + path);
    }

    java.net.http.HttpResponse<String> send(java.net.http.HttpRequest.Builder b) {
      try {
        return java.net.http.HttpClient.newHttpClient()
            .send(
                b.header("Authorization", "Bearer " + TestServer.ADMIN_TOKEN).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
