package dev.craft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.craft.server.CraftServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code craft gate}: the demo gateway 4.1.0 has a KEV finding (DEMO-2021-0001) and is blocked
 * (exit 4) until a mitigation is recorded, then clear (exit 0).
 */
class GateCommandTest {
  static CraftServer server;
  static String url;
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void start() {
    server = LiveServer.start(true);
    url = LiveServer.url(server);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static Cli.Result gate() {
    return Cli.run(
        "gate",
        "--server",
        url,
        "--token",
        LiveServer.TOKEN,
        "--product",
        "Nordlicht Home Gateway",
        "--release",
        "4.1.0");
  }

  static JsonNode get(String path) throws IOException, InterruptedException {
    var r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url + path))
                .header("Authorization", "Bearer " + LiveServer.TOKEN)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  @Test
  void aReleaseWithAnUnmitigatedKevFindingIsBlockedUntilAMitigationIsRecorded()
      throws IOException, InterruptedException {
    Cli.Result blocked = gate();
    assertThat(blocked.code()).as(blocked.err()).isEqualTo(4);
    assertThat(blocked.out()).contains("BLOCKED").contains("DEMO-2021-0001");

    long product = -1;
    for (JsonNode p : get("/api/v1/products").get("items")) {
      if (p.get("name").asText().equals("Nordlicht Home Gateway")) {
        product = p.get("id").asLong();
      }
    }
    long release = -1;
    for (JsonNode r : get("/api/v1/products/" + product + "/releases").get("items")) {
      if (r.get("version").asText().equals("4.1.0")) {
        release = r.get("id").asLong();
      }
    }
    for (JsonNode f :
        get("/api/v1/products/" + product + "/releases/" + release + "/gate").get("blocking")) {
      var put =
          HTTP.send(
              HttpRequest.newBuilder(
                      URI.create(
                          url
                              + "/api/v1/products/"
                              + product
                              + "/findings/"
                              + f.get("id").asLong()
                              + "/analysis"))
                  .header("Authorization", "Bearer " + LiveServer.TOKEN)
                  .header("Content-Type", "application/json")
                  .PUT(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"state\":\"resolved\",\"response\":[\"update\"],"
                              + "\"scope\":\"product\"}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    }

    Cli.Result clear = gate();
    assertThat(clear.code()).as(clear.err()).isEqualTo(0);
    assertThat(clear.out()).contains("clear").doesNotContain("DEMO-2021-0001");
  }
}
