package dev.craft.server;

import static dev.craft.server.Browserless.json;
import static dev.craft.server.TestServer.ADMIN_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * Products, releases with the findings SBOM, and their findings on one test server (the same data
 * as {@link TriageTest}, without its static server).
 */
record FindingFixtures(TestServer s) {
  static final String LOG4J = TriageTest.LOG4J;

  HttpResponse<String> post(String path, byte[] body) {
    return s.send(
        HttpRequest.newBuilder(s.uri(path))
            .header("Authorization", "Bearer " + ADMIN_TOKEN)
            .header("Content-Type", "application/octet-stream")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  void importLog4jAdvisory() {
    var r =
        post(
            "/api/v1/advisories/import?name=GHSA-jfh8-c2jp-5v3q.json",
            TriageTest.resource("/osv/GHSA-jfh8-c2jp-5v3q.json"));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
  }

  long product(String name) {
    return json(s.postJson("/api/v1/products", ADMIN_TOKEN, "{\"name\":\"" + name + "\"}"))
        .get("id")
        .asLong();
  }

  /** A release without an SBOM; returns its API path. */
  String emptyRelease(long product, String version) {
    var created =
        s.postJson(
            "/api/v1/products/" + product + "/releases",
            ADMIN_TOKEN,
            "{\"version\":\"" + version + "\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return "/api/v1/products/" + product + "/releases/" + json(created).get("id").asLong();
  }

  /** A release with the findings SBOM (after {@code edit}); returns its API path. */
  String release(long product, String version, java.util.function.UnaryOperator<String> edit) {
    String path = emptyRelease(product, version);
    upload(path, edit, false);
    return path;
  }

  String release(long product, String version) {
    return release(product, version, sbom -> sbom);
  }

  void upload(String release, java.util.function.UnaryOperator<String> edit, boolean replace) {
    String sbom =
        edit.apply(
            new String(TriageTest.resource("/sbom/findings.cdx.json"), StandardCharsets.UTF_8));
    var r =
        post(
            release + "/sbom" + (replace ? "?replace=true" : ""),
            sbom.getBytes(StandardCharsets.UTF_8));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
  }

  static long id(String path) {
    return Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
  }

  JsonNode finding(String release, String vulnerability) {
    var r = s.get(release + "/findings", ADMIN_TOKEN);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    for (JsonNode f : json(r).get("items")) {
      if (f.get("vulnerability").asText().equals(vulnerability)) {
        return f;
      }
    }
    throw new AssertionError("no finding " + vulnerability + " in " + r.body());
  }

  HttpResponse<String> decide(long product, JsonNode finding, String body) {
    return s.putJson(
        "/api/v1/products/" + product + "/findings/" + finding.get("id").asLong() + "/analysis",
        ADMIN_TOKEN,
        body);
  }
}
