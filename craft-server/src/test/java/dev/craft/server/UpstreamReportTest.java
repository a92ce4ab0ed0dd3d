package dev.craft.server;

import static dev.craft.server.Browserless.json;
import static dev.craft.server.TestServer.ADMIN_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Upstream reports (Art. 13(6)) through the API: draft, contact from the SBOM, states, patch. */
class UpstreamReportTest {
  static TestServer s;
  static FindingFixtures fx;

  @BeforeAll
  static void start() {
    s = TestServer.start(Map.of());
    fx = new FindingFixtures(s);
    fx.importLog4jAdvisory();
  }

  @AfterAll
  static void stop() {
    s.close();
  }

  /** A release whose log4j component names its maintainer's contacts; returns its API path. */
  static String releaseWithContacts(long product) {
    return fx.release(
        product,
        "1.0.0",
        sbom ->
            sbom.replace(
                "\"purl\": \"pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1\"}",
                "\"purl\": \"pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1\","
                    + " \"supplier\": {\"name\": \"Apache\", \"contact\": [{\"email\":"
                    + " \"private@logging.apache.org\"}]}, \"externalReferences\": [{\"type\":"
                    + " \"security-contact\", \"url\": \"mailto:security@apache.org\"}, {\"type\":"
                    + " \"vcs\", \"url\": \"https://github.com/apache/logging-log4j2\"}]}"));
  }

  @Test
  void aDraftFromAFindingTakesTheContactFromTheSbomAndMovesFromSentToFixedUpstream()
      throws Exception {
    long product = fx.product("Upstream API");
    String release = releaseWithContacts(product);
    JsonNode finding = fx.finding(release, FindingFixtures.LOG4J);
    long fid = finding.get("id").asLong();

    var proposal =
        json(
            s.get(
                "/api/v1/products/" + product + "/findings/" + fid + "/upstream-draft",
                ADMIN_TOKEN));
    assertThat(proposal.get("contacts").findValuesAsText("value"))
        .startsWith("mailto:security@apache.org", "https://github.com/apache/logging-log4j2")
        .contains("mailto:private@logging.apache.org");
    assertThat(proposal.get("body").asText())
        .contains("log4j-core 2.14.1")
        .contains(FindingFixtures.LOG4J)
        .contains("Our analysis: in_triage")
        .contains("Article 13(6)");

    String base = "/api/v1/products/" + product + "/upstream-reports";
    var created = s.postJson(base, ADMIN_TOKEN, "{\"findingId\":" + fid + "}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode draft = json(created);
    long id = draft.get("id").asLong();
    assertThat(draft.get("status").asText()).isEqualTo("draft");
    assertThat(draft.get("contact").asText()).isEqualTo("mailto:security@apache.org");
    assertThat(draft.get("contactSource").asText()).contains("security-contact");

    // Sent needs a channel; then acknowledged, then fixed upstream with the fix's URL.
    assertThat(s.putJson(base + "/" + id, ADMIN_TOKEN, "{\"status\":\"sent\"}").statusCode())
        .isEqualTo(400);
    var sent =
        json(
            s.putJson(
                base + "/" + id,
                ADMIN_TOKEN,
                "{\"status\":\"sent\",\"sentOn\":\"2026-11-02\",\"channel\":\"e-mail\"}"));
    assertThat(sent.get("status").asText()).isEqualTo("sent");
    assertThat(sent.get("sentOn").asText()).isEqualTo("2026-11-02");
    var ack = json(s.putJson(base + "/" + id, ADMIN_TOKEN, "{\"status\":\"acknowledged\"}"));
    assertThat(ack.get("acknowledgedOn").asText()).isEqualTo(LocalDate.now().toString());
    assertThat(s.putJson(base + "/" + id, ADMIN_TOKEN, "{\"status\":\"draft\"}").statusCode())
        .isEqualTo(409);
    var fixed =
        json(
            s.putJson(
                base + "/" + id,
                ADMIN_TOKEN,
                "{\"status\":\"fixed_upstream\",\"fixUrl\":"
                    + "\"https://github.com/apache/logging-log4j2/pull/608\"}"));
    assertThat(fixed.get("status").asText()).isEqualTo("fixed_upstream");
    assertThat(
            s.putJson(base + "/" + id, ADMIN_TOKEN, "{\"fixUrl\":\"javascript:x\"}").statusCode())
        .isEqualTo(400);

    // The patch is kept with its SHA-256 and comes back unchanged.
    byte[] patch = "--- a/JndiLookup.java\n+++ /dev/null\n".getBytes(StandardCharsets.UTF_8);
    var attached =
        s.send(
            HttpRequest.newBuilder(s.uri(base + "/" + id + "/patch?name=remove-jndi.patch"))
                .header("Authorization", "Bearer " + ADMIN_TOKEN)
                .header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(patch)));
    assertThat(attached.statusCode()).as(attached.body()).isEqualTo(200);
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(patch));
    assertThat(json(attached).get("patchSha256").asText()).isEqualTo(sha);
    var download = s.get(base + "/" + id + "/patch", ADMIN_TOKEN);
    assertThat(download.body()).isEqualTo(new String(patch, StandardCharsets.UTF_8));
    assertThat(download.headers().firstValue("X-Content-SHA256")).hasValue(sha);

    assertThat(json(s.get(base, ADMIN_TOKEN)).get("items").findValuesAsText("id"))
        .contains(Long.toString(id));
    assertThat(s.get("/api/v1/audit/entries?limit=100", ADMIN_TOKEN).body())
        .contains("upstream.draft")
        .contains("upstream.update")
        .contains("upstream.patch");
  }

  @Test
  void aContactCanBeEnteredByHandAndAnAuditorCannotDraft() {
    long product = fx.product("Upstream Manual");
    String release = fx.release(product, "1.0.0");
    long fid = fx.finding(release, FindingFixtures.LOG4J).get("id").asLong();
    String base = "/api/v1/products/" + product + "/upstream-reports";
    var proposal =
        json(
            s.get(
                "/api/v1/products/" + product + "/findings/" + fid + "/upstream-draft",
                ADMIN_TOKEN));
    assertThat(proposal.get("contacts")).isEmpty();
    var created =
        json(
            s.postJson(
                base,
                ADMIN_TOKEN,
                "{\"findingId\":"
                    + fid
                    + ",\"contact\":\"https://logging.apache.org/security.html\"}"));
    assertThat(created.get("contact").asText())
        .isEqualTo("https://logging.apache.org/security.html");
    assertThat(created.get("contactSource").asText()).isEmpty();

    var r =
        s.postJson(
            "/api/v1/users",
            ADMIN_TOKEN,
            "{\"username\":\"uaud\",\"role\":\"auditor\",\"password\":\"password-uaud-123\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    String auditor = Browserless.tokenFor(s, "uaud", "password-uaud-123");
    assertThat(s.postJson(base, auditor, "{\"findingId\":" + fid + "}").statusCode())
        .isEqualTo(403);
    assertThat(s.get(base, auditor).statusCode()).isEqualTo(200);
  }
}
