package dev.craft.server;

import static dev.craft.server.Browserless.json;
import static dev.craft.server.TestServer.ADMIN_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.craft.formats.CsafValidator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** New revisions of published CSAF advisories: version, history, provider files, all or nothing. */
class CsafRevisionTest {
  static TestServer s;

  @BeforeAll
  static void start() {
    s =
        TestServer.start(
            Map.of(
                "demo", "true",
                "public-url", "https://craft.nordlicht.example",
                "csaf.tracking-prefix", "RV"));
    CsafPublishingTest.lookup(s);
  }

  @AfterAll
  static void stop() {
    s.close();
  }

  /** Creates and publishes a TLP:CLEAR advisory; returns its API representation. */
  static JsonNode published(String title) {
    var created =
        s.postJson(
            "/api/v1/csaf/advisories",
            ADMIN_TOKEN,
            CsafPublishingTest.advisory(title, "CLEAR", "\"notes\":\"A long frame overflows.\","));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    long id = json(created).get("id").asLong();
    var published = s.postJson("/api/v1/csaf/advisories/" + id + "/publish", ADMIN_TOKEN, "{}");
    assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
    return json(published);
  }

  @Test
  void aRevisionIsPublishedUnderTheSamePathWithVersionTwoAndTheFirstBytesAreKept()
      throws Exception {
    JsonNode first = published("Zigbee overflow, revised");
    long id = first.get("id").asLong();
    String path = first.get("path").asText();
    String relative = path.substring("/.well-known/csaf/clear/".length());
    String v1 = s.get(path).body();
    JsonNode v1Doc = json(s.get(path));

    var revise =
        s.postJson(
            "/api/v1/csaf/advisories/" + id + "/revise",
            ADMIN_TOKEN,
            "{\"summary\":\"Added the workaround.\"}");
    assertThat(revise.statusCode()).as(revise.body()).isEqualTo(201);
    assertThat(json(revise).at("/revision/number").asText()).isEqualTo("2");
    // While the revision is edited, the provider still serves revision 1.
    assertThat(s.get(path).body()).isEqualTo(v1);

    ObjectNode input = (ObjectNode) json(revise).at("/revision/input");
    var rems =
        (com.fasterxml.jackson.databind.node.ArrayNode) input.at("/vulnerabilities/0/remediations");
    var workaround = rems.addObject();
    workaround.put("category", "workaround");
    workaround.put("details", "Disable Zigbee pairing until the update is installed.");
    input.put("title", "Zigbee overflow, revised with a workaround");
    var put = s.putJson("/api/v1/csaf/advisories/" + id, ADMIN_TOKEN, input.toString());
    assertThat(put.statusCode()).as(put.body()).isEqualTo(200);

    var republished = s.postJson("/api/v1/csaf/advisories/" + id + "/publish", ADMIN_TOKEN, "{}");
    assertThat(republished.statusCode()).as(republished.body()).isEqualTo(200);
    assertThat(json(republished).get("path").asText()).isEqualTo(path);
    assertThat(json(republished).has("revision")).isFalse();

    var file = s.get(path);
    byte[] v2 = file.body().getBytes(StandardCharsets.UTF_8);
    assertThat(CsafValidator.validate(v2)).isEmpty();
    JsonNode doc = json(file);
    JsonNode tracking = doc.at("/document/tracking");
    assertThat(tracking.get("version").asText()).isEqualTo("2");
    assertThat(tracking.get("status").asText()).isEqualTo("final");
    assertThat(tracking.get("id").asText()).isEqualTo(first.get("trackingId").asText());
    assertThat(tracking.get("initial_release_date").asText())
        .isEqualTo(v1Doc.at("/document/tracking/initial_release_date").asText());
    assertThat(tracking.get("current_release_date").asText())
        .isGreaterThanOrEqualTo(v1Doc.at("/document/tracking/current_release_date").asText());
    assertThat(tracking.get("revision_history").findValuesAsText("number"))
        .containsExactly("1", "2");
    assertThat(tracking.at("/revision_history/1/summary").asText())
        .isEqualTo("Added the workaround.");
    assertThat(doc.at("/document/title").asText())
        .isEqualTo("Zigbee overflow, revised with a workaround");
    assertThat(doc.at("/vulnerabilities/0/remediations/1/category").asText())
        .isEqualTo("workaround");

    String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(v2));
    assertThat(s.get(path + ".sha256").body())
        .isEqualTo(sha256 + "  " + relative.substring(5) + "\n");
    assertThat(s.get(path + ".sha512").body())
        .startsWith(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(v2)));
    assertThat(s.get(path + ".asc").body()).contains("BEGIN PGP SIGNATURE");
    assertThat(s.get("/.well-known/csaf/clear/changes.csv").body())
        .startsWith(
            "\"" + relative + "\",\"" + tracking.get("current_release_date").asText() + "\"\n");
    String index = s.get("/.well-known/csaf/clear/index.txt").body();
    assertThat(index.split("\n")).containsOnlyOnce(relative);
    JsonNode entry = json(s.get("/.well-known/csaf/feed-tlp-clear.json")).at("/feed/entry/0");
    assertThat(entry.get("id").asText()).isEqualTo(first.get("trackingId").asText());
    assertThat(entry.get("updated").asText())
        .isEqualTo(tracking.get("current_release_date").asText());
    assertThat(entry.get("title").asText()).isEqualTo("Zigbee overflow, revised with a workaround");

    JsonNode history = json(s.get("/api/v1/csaf/advisories/" + id + "/revisions", ADMIN_TOKEN));
    assertThat(history.get("items").findValuesAsText("number")).containsExactly("1", "2");
    String old = s.get("/api/v1/csaf/advisories/" + id + "/revisions/1", ADMIN_TOKEN).body();
    assertThat(old).isEqualTo(v1);
    assertThat(history.at("/items/0/sha256").asText())
        .isEqualTo(
            HexFormat.of()
                .formatHex(
                    MessageDigest.getInstance("SHA-256")
                        .digest(v1.getBytes(StandardCharsets.UTF_8))));
    assertThat(history.at("/items/1/sha256").asText()).isEqualTo(sha256);
    assertThat(s.get("/api/v1/csaf/advisories/" + id + "/revisions/2", ADMIN_TOKEN).body())
        .isEqualTo(file.body());

    String audit = s.get("/api/v1/audit/entries?limit=200", ADMIN_TOKEN).body();
    assertThat(audit)
        .contains("csaf.advisory.revise")
        .contains("csaf.advisory.revision.update")
        .contains("csaf.advisory.revision.publish");

    // The next revision is 3; the published one cannot be edited until then.
    assertThat(
            s.postJson("/api/v1/csaf/advisories/" + id + "/publish", ADMIN_TOKEN, "{}")
                .statusCode())
        .isEqualTo(409);
    var third =
        s.postJson(
            "/api/v1/csaf/advisories/" + id + "/revise", ADMIN_TOKEN, "{\"summary\":\"Typo.\"}");
    assertThat(json(third).at("/revision/number").asText()).isEqualTo("3");
  }

  @Test
  void aRevisionFailingValidationIsRefusedAndTheProviderKeepsServingTheLastRevision() {
    JsonNode first = published("Revision that breaks");
    long id = first.get("id").asLong();
    String path = first.get("path").asText();
    String v1 = s.get(path).body();
    String sha = s.get(path + ".sha256").body();
    String changes = s.get("/.well-known/csaf/clear/changes.csv").body();

    JsonNode advisory = json(s.get("/api/v1/csaf/advisories/" + id, ADMIN_TOKEN));
    ObjectNode input = (ObjectNode) advisory.get("input");
    ((ObjectNode) input.at("/vulnerabilities/0")).remove("notes");
    ObjectNode body = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    body.put("summary", "Dropped the description by mistake.");
    body.set("input", input);
    var revise =
        s.postJson("/api/v1/csaf/advisories/" + id + "/revise", ADMIN_TOKEN, body.toString());
    assertThat(revise.statusCode()).as(revise.body()).isEqualTo(201);

    var refused = s.postJson("/api/v1/csaf/advisories/" + id + "/publish", ADMIN_TOKEN, "{}");
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(json(refused).get("errors").findValuesAsText("testId")).contains("6.1.27.5");
    assertThat(json(refused).get("errors").findValuesAsText("path"))
        .contains("/vulnerabilities/0/notes");

    assertThat(s.get(path).body()).isEqualTo(v1);
    assertThat(s.get(path + ".sha256").body()).isEqualTo(sha);
    assertThat(s.get("/.well-known/csaf/clear/changes.csv").body()).isEqualTo(changes);
    JsonNode after = json(s.get("/api/v1/csaf/advisories/" + id, ADMIN_TOKEN));
    assertThat(after.at("/document/document/tracking/version").asText()).isEqualTo("1");
    assertThat(after.at("/revision/number").asText()).isEqualTo("2");
    assertThat(
            json(s.get("/api/v1/csaf/advisories/" + id + "/revisions", ADMIN_TOKEN))
                .get("items")
                .findValuesAsText("number"))
        .containsExactly("1");
  }

  @Test
  void onlyPublishedAdvisoriesAreRevisedOneRevisionAtATimeKeepingProductAndTlp() {
    var draft =
        s.postJson(
            "/api/v1/csaf/advisories",
            ADMIN_TOKEN,
            CsafPublishingTest.advisory("Still a draft", "CLEAR", "\"notes\":\"n\","));
    long draftId = json(draft).get("id").asLong();
    assertThat(
            s.postJson(
                    "/api/v1/csaf/advisories/" + draftId + "/revise",
                    ADMIN_TOKEN,
                    "{\"summary\":\"x\"}")
                .statusCode())
        .isEqualTo(409);

    long id = published("Revised twice").get("id").asLong();
    assertThat(
            s.postJson("/api/v1/csaf/advisories/" + id + "/revise", ADMIN_TOKEN, "{}").statusCode())
        .isEqualTo(400);
    assertThat(
            s.postJson(
                    "/api/v1/csaf/advisories/" + id + "/revise",
                    ADMIN_TOKEN,
                    "{\"summary\":\"x\",\"bump\":\"minor\"}")
                .statusCode())
        .isEqualTo(400);
    assertThat(
            s.postJson(
                    "/api/v1/csaf/advisories/" + id + "/revise",
                    ADMIN_TOKEN,
                    "{\"summary\":\"First.\"}")
                .statusCode())
        .isEqualTo(201);
    assertThat(
            s.postJson(
                    "/api/v1/csaf/advisories/" + id + "/revise",
                    ADMIN_TOKEN,
                    "{\"summary\":\"Second.\"}")
                .statusCode())
        .isEqualTo(409);
    var amber =
        s.putJson(
            "/api/v1/csaf/advisories/" + id,
            ADMIN_TOKEN,
            CsafPublishingTest.advisory("Now amber", "AMBER", "\"notes\":\"n\","));
    assertThat(amber.statusCode()).isEqualTo(400);
    assertThat(amber.body()).contains("TLP");
    // Discarding the open revision allows a new one; the published revision is untouched.
    assertThat(
            s.send(
                    java.net.http.HttpRequest.newBuilder(
                            s.uri("/api/v1/csaf/advisories/" + id + "/revision"))
                        .header("Authorization", "Bearer " + ADMIN_TOKEN)
                        .DELETE())
                .statusCode())
        .isEqualTo(204);
    assertThat(json(s.get("/api/v1/csaf/advisories/" + id, ADMIN_TOKEN)).has("revision")).isFalse();
    var again =
        s.postJson(
            "/api/v1/csaf/advisories/" + id + "/revise", ADMIN_TOKEN, "{\"summary\":\"Again.\"}");
    assertThat(json(again).at("/revision/number").asText()).isEqualTo("2");
    assertThat(s.get("/api/v1/audit/entries?limit=200", ADMIN_TOKEN).body())
        .contains("csaf.advisory.revision.discard");
    String developer = Browserless.tokenFor(s, "developer", DemoData.PASSWORD);
    assertThat(
            s.postJson("/api/v1/csaf/advisories/" + id + "/publish", developer, "{}").statusCode())
        .isEqualTo(403);
  }
}
