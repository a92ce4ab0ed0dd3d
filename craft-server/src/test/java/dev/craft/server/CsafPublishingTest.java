package dev.craft.server;

import static dev.craft.server.Browserless.json;
import static dev.craft.server.TestServer.ADMIN_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.craft.formats.CsafValidator;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentVerifierBuilderProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CsafPublishingTest {
  static TestServer s;
  static long gateway;
  static long r410;
  static long r420;

  @BeforeAll
  static void start() {
    s =
        TestServer.start(
            Map.of(
                "demo", "true",
                "public-url", "https://craft.nordlicht.example",
                "csaf.tracking-prefix", "NL"));
    lookup(s);
  }

  /** Finds the demo gateway and its releases 4.1.0 and 4.2.0 for {@link #advisory}. */
  static void lookup(TestServer s) {
    for (JsonNode p : json(s.get("/api/v1/products", ADMIN_TOKEN)).get("items")) {
      if (p.get("name").asText().equals("Nordlicht Home Gateway")) {
        gateway = p.get("id").asLong();
      }
    }
    for (JsonNode r :
        json(s.get("/api/v1/products/" + gateway + "/releases", ADMIN_TOKEN)).get("items")) {
      switch (r.get("version").asText()) {
        case "4.1.0" -> r410 = r.get("id").asLong();
        case "4.2.0" -> r420 = r.get("id").asLong();
        default -> {}
      }
    }
  }

  @AfterAll
  static void stop() {
    s.close();
  }

  static String advisory(String title, String tlp, String notes) {
    return """
        {"title":"%s","tlp":"%s","productId":%d,"releaseIds":[%d,%d],
         "vulnerabilities":[{"cve":"CVE-2024-0001","title":"Buffer overflow in the Zigbee stack",%s
           "cvssV3":"CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
           "productStatus":{"known_affected":[%d],"fixed":[%d]},
           "remediations":[{"category":"vendor_fix","details":"Update to 4.2.0",
                            "url":"https://nordlicht.example/gateway/4.2.0"}],
           "acknowledgements":["Ada Researcher"]}]}
        """
        .formatted(title, tlp, gateway, r410, r420, notes, r410, r420);
  }

  @Test
  void anAuthoredAdvisoryIsPublishedWithHashesAndASignatureThatVerifies() throws Exception {
    var created =
        s.postJson(
            "/api/v1/csaf/advisories",
            ADMIN_TOKEN,
            advisory("Zigbee overflow", "CLEAR", "\"notes\":\"A long frame overflows.\","));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode draft = json(created);
    String trackingId = draft.get("trackingId").asText();
    assertThat(trackingId).matches("NL-\\d{4}-\\d+");
    JsonNode doc = draft.get("document");
    assertThat(doc.at("/document/tracking/status").asText()).isEqualTo("draft");
    assertThat(doc.at("/product_tree/branches/0/category").asText()).isEqualTo("vendor");
    assertThat(doc.at("/product_tree/branches/0/name").asText())
        .isEqualTo("CRAFT demo manufacturer");
    assertThat(doc.at("/vulnerabilities/0/scores/0/cvss_v3/baseScore").asDouble()).isEqualTo(8.8);
    assertThat(doc.at("/vulnerabilities/0/acknowledgements/0/names/0").asText())
        .isEqualTo("Ada Researcher");
    // Not public while a draft.
    assertThat(s.get("/.well-known/csaf/clear/index.txt").body())
        .doesNotContain(trackingId.toLowerCase());

    long id = draft.get("id").asLong();
    var published = s.postJson("/api/v1/csaf/advisories/" + id + "/publish", ADMIN_TOKEN, "{}");
    assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
    String path = json(published).get("path").asText();
    assertThat(path).endsWith("/" + trackingId.toLowerCase() + ".json");

    var file = s.get(path);
    assertThat(file.statusCode()).isEqualTo(200);
    byte[] content = file.body().getBytes(StandardCharsets.UTF_8);
    assertThat(CsafValidator.validate(content)).isEmpty();
    JsonNode finalDoc = json(file);
    assertThat(finalDoc.at("/document/tracking/status").asText()).isEqualTo("final");
    assertThat(finalDoc.at("/document/tracking/revision_history/0/number").asText()).isEqualTo("1");
    assertThat(s.get(path + ".sha256").body())
        .startsWith(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
    assertThat(s.get(path + ".sha512").body())
        .startsWith(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(content)));

    JsonNode metadata = json(s.get("/.well-known/csaf/provider-metadata.json"));
    String keyUrl = metadata.at("/public_openpgp_keys/0/url").asText();
    String keyPath = keyUrl.substring("https://craft.nordlicht.example".length());
    var keyRing =
        new PGPPublicKeyRing(
            PGPUtil.getDecoderStream(
                new ByteArrayInputStream(
                    s.get(keyPath).body().getBytes(StandardCharsets.US_ASCII))),
            new BcKeyFingerprintCalculator());
    var signatures =
        (PGPSignatureList)
            new BcPGPObjectFactory(
                    PGPUtil.getDecoderStream(
                        new ByteArrayInputStream(
                            s.get(path + ".asc").body().getBytes(StandardCharsets.US_ASCII))))
                .nextObject();
    var signature = signatures.get(0);
    signature.init(new BcPGPContentVerifierBuilderProvider(), keyRing.getPublicKey());
    signature.update(content);
    assertThat(signature.verify()).isTrue();
    var tampered = signatures.get(0);
    tampered.init(new BcPGPContentVerifierBuilderProvider(), keyRing.getPublicKey());
    tampered.update("{}".getBytes(StandardCharsets.UTF_8));
    assertThat(tampered.verify()).isFalse();
    assertThat(HexFormat.of().withUpperCase().formatHex(keyRing.getPublicKey().getFingerprint()))
        .isEqualTo(metadata.at("/public_openpgp_keys/0/fingerprint").asText());

    String relative = path.substring("/.well-known/csaf/clear/".length());
    assertThat(s.get("/.well-known/csaf/clear/index.txt").body()).contains(relative + "\n");
    assertThat(s.get("/.well-known/csaf/clear/changes.csv").body())
        .startsWith("\"" + relative + "\",\"");
    JsonNode feed = json(s.get("/.well-known/csaf/feed-tlp-clear.json")).get("feed");
    assertThat(feed.get("entry").findValuesAsText("id")).contains(trackingId);

    // Published advisories are immutable.
    assertThat(
            s.putJson(
                    "/api/v1/csaf/advisories/" + id,
                    ADMIN_TOKEN,
                    advisory("Changed", "CLEAR", "\"notes\":\"x\","))
                .statusCode())
        .isEqualTo(409);
  }

  @Test
  void aDocumentFailingValidationIsRefusedWithItsTestIdsAndStaysADraft() {
    var created =
        s.postJson("/api/v1/csaf/advisories", ADMIN_TOKEN, advisory("No notes", "CLEAR", ""));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    long id = json(created).get("id").asLong();
    var refused = s.postJson("/api/v1/csaf/advisories/" + id + "/publish", ADMIN_TOKEN, "{}");
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(json(refused).get("errors").findValuesAsText("testId")).contains("6.1.27.5");
    assertThat(json(refused).get("errors").findValuesAsText("path"))
        .contains("/vulnerabilities/0/notes");
    assertThat(json(s.get("/api/v1/csaf/advisories/" + id, ADMIN_TOKEN)).get("status").asText())
        .isEqualTo("draft");
  }

  @Test
  void anAmberAdvisoryIsNeverServedPublicly() {
    var created =
        s.postJson(
            "/api/v1/csaf/advisories",
            ADMIN_TOKEN,
            advisory("Embargoed partner notice", "AMBER", "\"notes\":\"Details for partners.\","));
    long id = json(created).get("id").asLong();
    String trackingId = json(created).get("trackingId").asText().toLowerCase();
    var published = s.postJson("/api/v1/csaf/advisories/" + id + "/publish", ADMIN_TOKEN, "{}");
    assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
    assertThat(json(published).has("path")).isFalse();
    assertThat(s.get("/.well-known/csaf/clear/index.txt").body()).doesNotContain(trackingId);
    assertThat(s.get("/.well-known/csaf/clear/changes.csv").body()).doesNotContain(trackingId);
    assertThat(s.get("/.well-known/csaf/feed-tlp-clear.json").body()).doesNotContain(trackingId);
    int year = java.time.Year.now(java.time.ZoneOffset.UTC).getValue();
    assertThat(s.get("/.well-known/csaf/clear/" + year + "/" + trackingId + ".json").statusCode())
        .isEqualTo(404);
  }

  @Test
  void theProviderMetadataHasTheRequiredFieldsAndTheDemoAdvisoryIsListed() {
    JsonNode m = json(s.get("/.well-known/csaf/provider-metadata.json"));
    for (String field :
        new String[] {
          "canonical_url",
          "last_updated",
          "list_on_CSAF_aggregators",
          "metadata_version",
          "mirror_on_CSAF_aggregators",
          "publisher",
          "role"
        }) {
      assertThat(m.has(field)).as(field).isTrue();
    }
    assertThat(m.get("role").asText()).isEqualTo("csaf_trusted_provider");
    assertThat(m.get("metadata_version").asText()).isEqualTo("2.0");
    assertThat(m.get("canonical_url").asText())
        .isEqualTo("https://craft.nordlicht.example/.well-known/csaf/provider-metadata.json");
    assertThat(m.at("/distributions/0/directory_url").asText())
        .isEqualTo("https://craft.nordlicht.example/.well-known/csaf/clear/");
    assertThat(m.at("/distributions/0/rolie/feeds/0/tlp_label").asText()).isEqualTo("WHITE");
    assertThat(m.at("/public_openpgp_keys/0/fingerprint").asText()).matches("[0-9A-F]{40}");
    assertThat(m.at("/publisher/category").asText()).isEqualTo("vendor");
    assertThat(m.at("/publisher/namespace").asText()).isEqualTo("https://craft.nordlicht.example");
    // The demo publishes one TLP:CLEAR advisory for the gateway.
    String index = s.get("/.well-known/csaf/clear/index.txt").body();
    assertThat(index).containsPattern("\\d{4}/nl-\\d{4}-1\\.json");
  }

  @Test
  void securityTxtPointsToTheProviderMetadata() {
    // One line of its own (a demo instance signs security.txt, whose lines then end in CRLF).
    assertThat(s.get("/.well-known/security.txt").body())
        .containsPattern(
            "(?m)^CSAF: https://craft\\.nordlicht\\.example/\\.well-known/csaf/provider-metadata\\.json\r?$");
  }

  @Test
  void onlyThePsirtAndAdminsWriteAdvisoriesAndTheApiNeedsAnAccount() {
    String developer = Browserless.tokenFor(s, "developer", DemoData.PASSWORD);
    String psirt = Browserless.tokenFor(s, "psirt", DemoData.PASSWORD);
    String auditor = Browserless.tokenFor(s, "auditor", DemoData.PASSWORD);
    String body = advisory("Roles", "GREEN", "\"notes\":\"n\",");
    assertThat(s.postJson("/api/v1/csaf/advisories", developer, body).statusCode()).isEqualTo(403);
    assertThat(s.postJson("/api/v1/csaf/advisories", auditor, body).statusCode()).isEqualTo(403);
    assertThat(s.get("/api/v1/csaf/advisories", developer).statusCode()).isEqualTo(403);
    assertThat(s.get("/api/v1/csaf/advisories", auditor).statusCode()).isEqualTo(200);
    assertThat(s.get("/api/v1/csaf/advisories").statusCode()).isEqualTo(401);
    var created = s.postJson("/api/v1/csaf/advisories", psirt, body);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    long id = json(created).get("id").asLong();
    assertThat(
            s.postJson("/api/v1/csaf/advisories/" + id + "/publish", developer, "{}").statusCode())
        .isEqualTo(403);
  }

  @Test
  void aPublishedClearAdvisoryHasAPublicPageAndADraftDoesNot() {
    String demo =
        json(s.get("/api/v1/csaf/advisories", ADMIN_TOKEN))
            .get("items")
            .findValuesAsText("trackingId")
            .stream()
            .filter(t -> t.endsWith("-1"))
            .findFirst()
            .orElseThrow();
    var page = s.get("/csaf/" + demo);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("CVE-2021-44228")
        .contains("Nordlicht Home Gateway 4.1.0")
        .contains("vendor fix")
        .contains(".json.asc");
    var draft =
        s.postJson(
            "/api/v1/csaf/advisories",
            ADMIN_TOKEN,
            advisory("Secret draft", "CLEAR", "\"notes\":\"n\","));
    var hidden = s.get("/csaf/" + json(draft).get("trackingId").asText());
    assertThat(hidden.statusCode()).isNotEqualTo(200);
    assertThat(hidden.body()).doesNotContain("Secret draft");
  }
}
