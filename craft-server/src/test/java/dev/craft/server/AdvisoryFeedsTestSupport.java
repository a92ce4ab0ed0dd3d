package dev.craft.server;

import static dev.craft.server.TestServer.ADMIN_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** Shared steps of the feed tests: a release with the findings SBOM, an upload, a sync round. */
final class AdvisoryFeedsTestSupport {
  private AdvisoryFeedsTestSupport() {}

  static HttpResponse<String> sync(TestServer s, int status) {
    var r =
        s.send(
            HttpRequest.newBuilder(s.uri("/api/v1/advisories/sync"))
                .header("Authorization", "Bearer " + ADMIN_TOKEN)
                .POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    return r;
  }

  /** A page's HTML as the signed-in admin sees it. */
  static String page(TestServer s, String path) {
    var session = Browserless.login(s, "admin", TestServer.ADMIN_PASSWORD);
    var r = s.send(HttpRequest.newBuilder(s.uri(path)).header("Cookie", session.cookie()).GET());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return r.body();
  }

  static HttpResponse<String> post(TestServer s, String path, String body) {
    return s.send(
        HttpRequest.newBuilder(s.uri(path))
            .header("Authorization", "Bearer " + ADMIN_TOKEN)
            .header("Content-Type", "application/octet-stream")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
  }

  static String release(TestServer s) {
    String release = s.newRelease("Feeds");
    var r =
        s.send(
            HttpRequest.newBuilder(s.uri(release + "/sbom"))
                .header("Authorization", "Bearer " + ADMIN_TOKEN)
                .POST(
                    HttpRequest.BodyPublishers.ofByteArray(
                        AdvisoryApiTest.resource("/sbom/findings.cdx.json"))));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return release;
  }
}
