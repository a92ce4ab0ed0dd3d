package dev.craft.server;

import static dev.craft.server.TestServer.ADMIN_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The release page's VEX download links and import form, without a browser. */
class VexPageTest {
  static TestServer s;

  @BeforeAll
  static void start() {
    s = TestServer.start(Map.of());
    VexTest.s = s;
    var r =
        VexTest.post(
            "/api/v1/advisories/import?name=GHSA-jfh8-c2jp-5v3q.json",
            TriageTest.resource("/osv/GHSA-jfh8-c2jp-5v3q.json"));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
  }

  @AfterAll
  static void stop() {
    s.close();
  }

  static byte[] multipart(String boundary, String csrf, String scope, byte[] file) {
    var out = new ByteArrayOutputStream();
    String head =
        "--%1$s\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n%2$s\r\n"
            + "--%1$s\r\nContent-Disposition: form-data; name=\"scope\"\r\n\r\n%3$s\r\n"
            + "--%1$s\r\nContent-Disposition: form-data; name=\"vex\"; filename=\"vex.json\"\r\n"
            + "Content-Type: application/json\r\n\r\n";
    out.writeBytes(head.formatted(boundary, csrf, scope).getBytes(StandardCharsets.UTF_8));
    out.writeBytes(file);
    out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  @Test
  void theReleasePageLinksTheVexDownloadsAndImportsAnUploadedDocument() {
    long p = VexTest.product("Page Product");
    String api = VexTest.release(p, "1.0.0", VexTest.findingsSbom());
    String page = api.replace("/api/v1", "");
    var session = Browserless.login(s, "admin", ADMIN_PASSWORD);
    var html = s.send(HttpRequest.newBuilder(s.uri(page)).header("Cookie", session.cookie()).GET());
    assertThat(html.statusCode()).isEqualTo(200);
    assertThat(html.body())
        .contains("id=\"vex-downloads\"")
        .contains(api + "/vex?format=csaf")
        .contains("id=\"vex-import\"");
    String csrf = Browserless.csrfIn(html.body());
    String vex =
        """
        {"@context":"https://openvex.dev/ns/v0.2.0","@id":"urn:test:page","author":"t",
         "timestamp":"2026-01-01T00:00:00Z","version":1,
         "statements":[{"vulnerability":{"name":"CVE-2021-44228"},
           "products":[{"@id":"pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1"}],
           "status":"not_affected","justification":"vulnerable_code_not_present",
           "impact_statement":"The JndiLookup class is removed."},
          {"vulnerability":{"name":"CVE-2000-0001"},"products":[{"@id":"Page Product"}],
           "status":"affected"}]}""";
    String boundary = "craftboundary42";
    var result =
        s.send(
            HttpRequest.newBuilder(s.uri(page + "/vex"))
                .header("Cookie", session.cookie())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(
                    HttpRequest.BodyPublishers.ofByteArray(
                        multipart(
                            boundary, csrf, "release", vex.getBytes(StandardCharsets.UTF_8)))));
    assertThat(result.statusCode()).as(result.body()).isEqualTo(200);
    assertThat(result.body())
        .contains("<strong id=\"vex-applied\">1</strong>")
        .contains("<strong id=\"vex-unmatched\">1</strong>")
        .contains("no finding of CVE-2000-0001");
    assertThat(VexTest.analyses(api).get(VexTest.LOG4J))
        .isEqualTo("not_affected | code_not_present | [] | The JndiLookup class is removed.");

    var forged =
        s.send(
            HttpRequest.newBuilder(s.uri(page + "/vex"))
                .header("Cookie", session.cookie())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(
                    HttpRequest.BodyPublishers.ofByteArray(
                        multipart(
                            boundary, "wrong", "release", vex.getBytes(StandardCharsets.UTF_8)))));
    assertThat(forged.statusCode()).isEqualTo(403);
  }
}
