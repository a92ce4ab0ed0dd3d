package dev.craft.server;

import static dev.craft.server.Browserless.json;
import static dev.craft.server.TestServer.ADMIN_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SbomApiTest {
  static TestServer s;
  static byte[] gateway;

  @BeforeAll
  static void start() throws IOException {
    s = TestServer.start(Map.of());
    try (InputStream in = SbomApiTest.class.getResourceAsStream("/sbom/gateway.cdx.json")) {
      gateway = in.readAllBytes();
    }
  }

  @AfterAll
  static void stop() {
    s.close();
  }

  static String newRelease(String product) {
    long id =
        json(s.postJson("/api/v1/products", ADMIN_TOKEN, "{\"name\":\"" + product + "\"}"))
            .get("id")
            .asLong();
    long rid =
        json(s.postJson(
                "/api/v1/products/" + id + "/releases", ADMIN_TOKEN, "{\"version\":\"4.1.0\"}"))
            .get("id")
            .asLong();
    return "/api/v1/products/" + id + "/releases/" + rid + "/sbom";
  }

  static HttpResponse<String> upload(String path, byte[] body) {
    return s.send(
        HttpRequest.newBuilder(s.uri(path))
            .header("Authorization", "Bearer " + ADMIN_TOKEN)
            .header("Content-Type", "application/vnd.cyclonedx+json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  @Test
  void anUploadStoresTheOriginalBytesAndTheInventory() {
    String sbom = newRelease("SBOM Gateway");
    var r = upload(sbom, gateway);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    var body = json(r);
    assertThat(body.get("format").asText()).isEqualTo("cyclonedx");
    assertThat(body.get("specVersion").asText()).isEqualTo("1.6");
    assertThat(body.get("components").asInt()).isEqualTo(4);
    assertThat(body.get("sha256").asText()).isEqualTo(SbomService.sha256(gateway));
    assertThat(body.get("quality").has("cra")).isTrue();
    assertThat(body.get("quality").has("tr-03183-2")).isTrue();

    var original =
        s.send(
            HttpRequest.newBuilder(s.uri(sbom + "?format=original"))
                .header("Authorization", "Bearer " + ADMIN_TOKEN)
                .GET());
    assertThat(original.body().getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo(gateway);

    var components = json(s.get(sbom + "/components?q=jinja", ADMIN_TOKEN));
    assertThat(components.get("items")).hasSize(1);
    assertThat(components.get("items").get(0).get("purl").asText())
        .isEqualTo("pkg:pypi/jinja2@2.10");
    assertThat(components.get("items").get(0).get("direct").asBoolean()).isTrue();
    var direct = json(s.get(sbom + "/components?direct=true", ADMIN_TOKEN));
    assertThat(direct.get("items").findValues("name"))
        .extracting(n -> n.asText())
        .containsExactlyInAnyOrder("log4j-core", "jinja2");

    var quality = json(s.get(sbom + "/quality?profile=tr-03183-2", ADMIN_TOKEN));
    assertThat(quality.get("profile").asText()).isEqualTo("tr-03183-2");
    // The fixture has no SHA-512 hashes: TR-03183-2 must name that field.
    assertThat(quality.get("passed").asBoolean()).isFalse();
    assertThat(quality.toString()).contains("sha512").containsIgnoringCase("log4j-core");
  }

  @Test
  void anSbomIsExportedInEveryStandardAndTheExportReadsBackToTheSameComponents() {
    String sbom = newRelease("SBOM Export");
    assertThat(upload(sbom, gateway).statusCode()).isEqualTo(201);
    var original =
        dev.craft.formats.SbomReader.read(gateway, dev.craft.formats.ReadLimits.DEFAULT).sbom();
    for (String target :
        new String[] {"cyclonedx-1.6", "cyclonedx-1.7", "spdx-2.3", "spdx-3.0.1"}) {
      var r = s.get(sbom + "?format=" + target, ADMIN_TOKEN);
      assertThat(r.statusCode()).as(target + ": " + r.body()).isEqualTo(200);
      var back =
          dev.craft.formats.SbomReader.read(
              r.body().getBytes(java.nio.charset.StandardCharsets.UTF_8),
              dev.craft.formats.ReadLimits.DEFAULT);
      assertThat(back.valid()).as(target + " " + back.problems()).isTrue();
      assertThat(back.sbom().components())
          .extracting(dev.craft.core.Component::purl)
          .containsAll(
              original.components().stream()
                  .map(dev.craft.core.Component::purl)
                  .filter(x -> !x.isEmpty())
                  .toList());
    }
    var xml = s.get(sbom + "?format=cyclonedx-1.6&encoding=xml", ADMIN_TOKEN);
    assertThat(xml.body()).startsWith("<?xml");
    assertThat(s.get(sbom + "?format=spdx-2.3&encoding=xml", ADMIN_TOKEN).statusCode())
        .isEqualTo(400);
  }

  @Test
  void replacingAnSbomIsExplicitAndKeepsTheOldOne() {
    String sbom = newRelease("SBOM Replace");
    assertThat(upload(sbom, gateway).statusCode()).isEqualTo(201);
    var again = upload(sbom, gateway);
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(json(again).get("detail").asText()).contains("replace=true");
    assertThat(upload(sbom + "?replace=true", gateway).statusCode()).isEqualTo(201);
    assertThat(json(s.get(sbom + "/history", ADMIN_TOKEN)).get("items")).hasSize(2);
    var audit = s.get("/api/v1/audit/entries?limit=20", ADMIN_TOKEN).body();
    assertThat(audit).contains("sbom.replace").contains("sbom.upload");
  }

  @Test
  void anInvalidDocumentIsRefusedWithItsProblemsAndNothingIsStored() {
    String sbom = newRelease("SBOM Invalid");
    String invalid =
        new String(gateway, java.nio.charset.StandardCharsets.UTF_8)
            .replace("\"type\": \"library\"", "\"type\": \"spaceship\"");
    var r = upload(sbom, invalid.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(json(r).get("errors").get(0).get("path").asText()).startsWith("/components/");
    assertThat(s.get(sbom, ADMIN_TOKEN).statusCode()).isEqualTo(404);
  }

  @Test
  void truncatedOrGarbageDocumentsAreA400NeverA500() {
    String sbom = newRelease("SBOM Fuzz");
    for (int cut : new int[] {1, 10, 100, gateway.length / 2, gateway.length - 3}) {
      var r = upload(sbom, Arrays.copyOf(gateway, cut));
      assertThat(r.statusCode()).as("cut at " + cut + ": " + r.body()).isEqualTo(400);
    }
    assertThat(
            upload(
                    sbom,
                    "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>"
                        .getBytes())
                .statusCode())
        .isEqualTo(400);
    assertThat(upload(sbom, new byte[] {0, 1, 2, 3}).statusCode()).isEqualTo(400);
    assertThat(s.get(sbom, ADMIN_TOKEN).statusCode()).isEqualTo(404);
  }

  @Test
  void aDeveloperMayUploadButAnAuditorMayNot() {
    String sbom = newRelease("SBOM Roles");
    s.postJson(
        "/api/v1/users",
        ADMIN_TOKEN,
        "{\"username\":\"sbom-auditor\",\"role\":\"auditor\",\"password\":\"auditor-password-1\"}");
    String auditor = Browserless.tokenFor(s, "sbom-auditor", "auditor-password-1");
    var r =
        s.send(
            HttpRequest.newBuilder(s.uri(sbom))
                .header("Authorization", "Bearer " + auditor)
                .POST(HttpRequest.BodyPublishers.ofByteArray(gateway)));
    assertThat(r.statusCode()).isEqualTo(403);
  }
}
