package dev.craft.server;

import static dev.craft.server.Browserless.json;
import static dev.craft.server.TestServer.ADMIN_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Risk-assessment revisions (Art. 13(2)–(4)) and the documents of Annexes II, V, VI and VII
 * generated from them, on the demo's Nordlicht Home Gateway and on an empty product.
 */
class DocumentApiTest {
  static TestServer s;
  static long gateway;
  static long gatewayRelease;

  @BeforeAll
  static void start() {
    s = TestServer.start(Map.of("demo", "true"));
    for (JsonNode p : json(s.get("/api/v1/products", ADMIN_TOKEN)).get("items")) {
      if (p.get("name").asText().equals("Nordlicht Home Gateway")) {
        gateway = p.get("id").asLong();
      }
    }
    for (JsonNode r :
        json(s.get("/api/v1/products/" + gateway + "/releases", ADMIN_TOKEN)).get("items")) {
      if (r.get("version").asText().equals("4.1.0")) {
        gatewayRelease = r.get("id").asLong();
      }
    }
    assertThat(gateway).isPositive();
  }

  @AfterAll
  static void stop() {
    s.close();
  }

  static HttpResponse<byte[]> bytes(String path) {
    try {
      return s.http.send(
          HttpRequest.newBuilder(s.uri(path))
              .header("Authorization", "Bearer " + ADMIN_TOKEN)
              .GET()
              .build(),
          HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  static String pdfText(byte[] pdf) throws IOException {
    try (var doc = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
    }
  }

  @Test
  void theDemoGatewaysDeclarationRendersAsPdfWithEveryAnnexVItem() throws IOException {
    var r =
        bytes("/api/v1/products/" + gateway + "/documents/declaration-of-conformity?format=pdf");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/pdf");
    String text = pdfText(r.body());
    assertThat(text)
        .contains("EU declaration of conformity")
        .contains("Nordlicht Home Gateway, hardware, version 4.1.0")
        .contains("Nordlicht Home Systems GmbH, Hafenstrasse 12")
        .contains("issued under the sole responsibility of Nordlicht Home Systems GmbH")
        .contains("in conformity with Regulation (EU) 2024/2847")
        .contains("EN 18031-1:2024")
        .contains("internal control (module A)")
        .contains("Carl Compliance, Head of Product Compliance")
        .doesNotContain("MISSING");
    for (int point = 1; point <= 8; point++) {
      assertThat(text).contains("Annex V, point " + point);
    }
  }

  @Test
  void theSimplifiedDeclarationHasAnnexVIsSentenceAndTheAddressOfTheFullOne() throws IOException {
    String expected =
        "Hereby, Nordlicht Home Systems GmbH declares that the product with digital elements type"
            + " Nordlicht Home Gateway 4.1.0 is in compliance with Regulation (EU) 2024/2847.";
    String address =
        "The full text of the EU declaration of conformity is available at the following internet"
            + " address: https://nordlicht.example/gateway/declaration";
    var html =
        s.get("/api/v1/products/" + gateway + "/documents/simplified-declaration", ADMIN_TOKEN);
    assertThat(html.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(html.body()).contains(expected).contains(address);
    var pdf =
        bytes(
            "/api/v1/products/"
                + gateway
                + "/documents/simplified-declaration?format=pdf&release=4.1.0");
    assertThat(pdfText(pdf.body())).contains(expected).contains(address);
    var asJson =
        json(
            s.get(
                "/api/v1/products/" + gateway + "/documents/simplified-declaration?format=json",
                ADMIN_TOKEN));
    assertThat(asJson.get("statements").get(0).asText()).isEqualTo(expected);
  }

  @Test
  void theTechnicalDocumentationCarriesTheRiskAssessmentRouteAndSupportBasis() throws IOException {
    var json =
        json(
            s.get(
                "/api/v1/products/" + gateway + "/documents/technical-documentation?format=json",
                ADMIN_TOKEN));
    String all = json.toString();
    assertThat(all)
        .contains("Annex VII, point 3")
        .contains("Annex I, Part I, point (2)(m)")
        .contains("not applicable: The gateway stores no user data")
        .contains("Art. 32(1), 32(2)")
        .contains("Annex III, class I, point 12")
        .contains("12/2032")
        .contains("cyclonedx")
        .contains("not yet recorded");
    var text =
        pdfText(
            bytes("/api/v1/products/" + gateway + "/documents/technical-documentation?format=pdf")
                .body());
    assertThat(text)
        .contains("Technical documentation")
        .contains("Annex VII, point 4")
        .contains("not yet recorded");
    var userInfo =
        s.get(
            "/api/v1/products/" + gateway + "/documents/user-information?format=html", ADMIN_TOKEN);
    assertThat(userInfo.body())
        .contains("Annex II, point 7")
        .contains("12/2032")
        .contains("security@nordlicht.example");
  }

  @Test
  void theDemoGatewayIsCompleteExceptWhatCraftDoesNotRecordYet() {
    var c = json(s.get("/api/v1/products/" + gateway + "/documents/completeness", ADMIN_TOKEN));
    assertThat(c.get("release").asText()).isEqualTo("4.1.0");
    for (JsonNode d : c.get("documents")) {
      assertThat(d.get("missing"))
          .as(d.get("document").asText() + ": " + d.get("missing"))
          .isEmpty();
    }
    assertThat(c.get("complete").asBoolean()).isTrue();
    assertThat(c.toString()).contains("Software bill of materials").contains("not_recorded");
  }

  @Test
  void theCompletenessReportNamesWhatIsMissingAndWhereToFixIt() {
    var created =
        s.postJson(
            "/api/v1/products", ADMIN_TOKEN, "{\"name\":\"Bare Sensor\",\"type\":\"hardware\"}");
    long id = json(created).get("id").asLong();
    s.postJson(
        "/api/v1/products/" + id + "/releases",
        ADMIN_TOKEN,
        "{\"version\":\"0.9\",\"status\":\"released\"}");
    var c = json(s.get("/api/v1/products/" + id + "/documents/completeness", ADMIN_TOKEN));
    assertThat(c.get("complete").asBoolean()).isFalse();
    List<String> missing = new ArrayList<>();
    for (JsonNode d : c.get("documents")) {
      for (JsonNode m : d.get("missing")) {
        missing.add(m.get("ref").asText() + " -> " + m.get("fix").asText());
      }
    }
    assertThat(missing)
        .contains(
            "Annex V, point 2 -> /products/" + id + "/compliance/documentation#manufacturerName")
        .contains(
            "Annex VI, Art. 13(20) -> /products/" + id + "/compliance/documentation#declarationUrl")
        .contains(
            "Annex II, point 7; Art. 13(19) -> /products/" + id + "/compliance/support-period")
        .contains(
            "Annex VII, point 1(c) -> /products/" + id + "/compliance/documentation#illustrations")
        .anyMatch(
            m -> m.startsWith("Annex I, Part II, point (5) -> /products/" + id + "/releases/"));
    var html =
        s.get("/api/v1/products/" + id + "/documents/declaration-of-conformity", ADMIN_TOKEN);
    assertThat(html.body())
        .contains("Missing")
        .contains("/products/" + id + "/compliance/documentation");
  }

  @Test
  void theAuthorityPackageZipsTheDeclarationAndTheTechnicalDocumentation() throws IOException {
    var r = bytes("/api/v1/products/" + gateway + "/documents/authority-package");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Disposition").orElse(""))
        .contains("nordlicht-home-gateway-4.1.0");
    List<String> names = new ArrayList<>();
    try (var zip = new ZipInputStream(new ByteArrayInputStream(r.body()))) {
      for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        names.add(e.getName());
      }
    }
    assertThat(names)
        .contains(
            "declaration-of-conformity.pdf",
            "technical-documentation.pdf",
            "technical-documentation.json",
            "README.txt");
  }

  @Test
  void anUnknownDocumentOrFormatIsRefused() {
    assertThat(
            s.get("/api/v1/products/" + gateway + "/documents/brochure", ADMIN_TOKEN).statusCode())
        .isEqualTo(404);
    assertThat(
            s.get(
                    "/api/v1/products/" + gateway + "/documents/user-information?format=docx",
                    ADMIN_TOKEN)
                .statusCode())
        .isEqualTo(400);
    assertThat(
            s.get(
                    "/api/v1/products/" + gateway + "/documents/user-information?release=9.9.9",
                    ADMIN_TOKEN)
                .statusCode())
        .isEqualTo(404);
  }

  // --- risk assessments
  // ------------------------------------------------------------------------------

  @Test
  void riskAssessmentRevisionsAreImmutableAndDiffable() {
    String base =
        "/api/v1/products/" + gateway + "/releases/" + gatewayRelease + "/risk-assessments";
    var before = json(s.get(base, ADMIN_TOKEN)).get("items").size();
    String body =
        """
        {"intendedPurpose":"Central control of lighting","threats":"%s",
         "requirements":[
           {"requirementId":"I-2-d","applicable":true,"howMet":"per-device credentials","evidence":["https://nordlicht.example/pt","release:%d"]},
           {"requirementId":"I-2-m","applicable":false,"justification":"no user data"}],
         "substantialModification":"not_substantial","substantialModificationRationale":"same purpose"}
        """;
    var first = s.postJson(base, ADMIN_TOKEN, body.formatted("sniffing", gatewayRelease));
    assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
    int rev = json(first).get("revision").asInt();
    assertThat(rev).isEqualTo(before + 1);
    assertThat(first.headers().firstValue("Location")).hasValue(base + "/" + rev);
    var second = s.postJson(base, ADMIN_TOKEN, body.formatted("sniffing; replay", gatewayRelease));
    assertThat(json(second).get("revision").asInt()).isEqualTo(rev + 1);

    var diff = json(s.get(base + "/diff?from=" + rev + "&to=" + (rev + 1), ADMIN_TOKEN));
    assertThat(diff.get("changes")).hasSize(1);
    assertThat(diff.at("/changes/0/field").asText()).isEqualTo("threats");
    assertThat(diff.at("/changes/0/after").asText()).isEqualTo("sniffing; replay");
    assertThat(json(s.get(base + "/diff", ADMIN_TOKEN)).get("to").asInt()).isEqualTo(rev + 1);
    assertThat(json(s.get(base + "/" + rev, ADMIN_TOKEN)).at("/content/threats").asText())
        .isEqualTo("sniffing");
    // No route rewrites a revision.
    assertThat(s.putJson(base + "/" + rev, ADMIN_TOKEN, body).statusCode()).isIn(404, 405);
    assertThat(json(s.get("/api/v1/audit/entries?limit=3", ADMIN_TOKEN)).toString())
        .contains("risk-assessment.create");
  }

  @Test
  void aRiskAssessmentNeedsHowARequirementIsMetOrWhyItDoesNotApply() {
    String base =
        "/api/v1/products/" + gateway + "/releases/" + gatewayRelease + "/risk-assessments";
    String[][] cases = {
      {
        "{\"intendedPurpose\":\"p\",\"requirements\":[{\"requirementId\":\"I-2-a\",\"applicable\":true}]}",
        "Art. 13(3)"
      },
      {
        "{\"intendedPurpose\":\"p\",\"requirements\":[{\"requirementId\":\"II-3\",\"applicable\":false}]}",
        "Art. 13(4)"
      },
      {
        "{\"intendedPurpose\":\"p\",\"requirements\":[{\"requirementId\":\"I-2-z\",\"applicable\":false}]}",
        "unknown essential requirement"
      },
      {
        "{\"intendedPurpose\":\"p\",\"requirements\":[{\"requirementId\":\"I-2-a\",\"applicable\":true,\"howMet\":\"x\",\"evidence\":[\"ftp://x\"]}]}",
        "neither an http(s) URL nor a CRAFT reference"
      },
      {"{\"intendedPurpose\":\"p\",\"substantialModification\":\"substantial\"}", "Art. 3(30)"},
      {"{\"threats\":\"t\"}", "intendedPurpose"}
    };
    for (String[] c : cases) {
      var r = s.postJson(base, ADMIN_TOKEN, c[0]);
      assertThat(r.statusCode()).as(c[0]).isEqualTo(400);
      assertThat(json(r).get("detail").asText()).contains(c[1]);
    }
  }

  @Test
  void theEssentialRequirementsAreServedAsData() {
    var items = json(s.get("/api/v1/essential-requirements", ADMIN_TOKEN)).get("items");
    assertThat(items).hasSize(21);
    assertThat(items.get(0).get("text").asText())
        .isEqualTo("be made available on the market without known exploitable vulnerabilities;");
  }
}
