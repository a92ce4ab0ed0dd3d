package dev.craft.server;

import static dev.craft.server.Browserless.json;
import static dev.craft.server.TestServer.ADMIN_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.craft.formats.CsafValidator;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * VEX export from findings and their triage decisions, and VEX import as triage decisions: the
 * round trip in all three formats, the report, limits, and that a failed import changes nothing.
 */
class VexTest {
  static final String LOG4J = "GHSA-jfh8-c2jp-5v3q";
  static final String JINJA = "PYSEC-2019-217";
  static final String XNET = "GO-2023-2102";
  static TestServer s;
  static String auditor;

  @BeforeAll
  static void start() {
    s = TestServer.start(Map.of());
    var u =
        s.postJson(
            "/api/v1/users",
            ADMIN_TOKEN,
            "{\"username\":\"vaud\",\"role\":\"auditor\",\"password\":\"password-vaud-123\"}");
    assertThat(u.statusCode()).as(u.body()).isEqualTo(201);
    auditor = Browserless.tokenFor(s, "vaud", "password-vaud-123");
    for (String f :
        new String[] {"GHSA-jfh8-c2jp-5v3q.json", "PYSEC-2019-217.yaml", "GO-2023-2102.json"}) {
      var r = post("/api/v1/advisories/import?name=" + f, TriageTest.resource("/osv/" + f));
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }
  }

  @AfterAll
  static void stop() {
    s.close();
  }

  static HttpResponse<String> post(String path, byte[] body) {
    return post(path, body, ADMIN_TOKEN);
  }

  static HttpResponse<String> post(String path, byte[] body, String token) {
    return s.send(
        HttpRequest.newBuilder(s.uri(path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/octet-stream")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  static long product(String name) {
    var r = s.postJson("/api/v1/products", ADMIN_TOKEN, "{\"name\":\"" + name + "\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return json(r).get("id").asLong();
  }

  /** A release with the given SBOM; returns its API path. */
  static String release(long product, String version, byte[] sbom) {
    var created =
        s.postJson(
            "/api/v1/products/" + product + "/releases",
            ADMIN_TOKEN,
            "{\"version\":\"" + version + "\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String path = "/api/v1/products/" + product + "/releases/" + json(created).get("id").asLong();
    var r = post(path + "/sbom", sbom);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return path;
  }

  static byte[] findingsSbom() {
    return TriageTest.resource("/sbom/findings.cdx.json");
  }

  /** vulnerability → "state | justification | responses | detail" of each finding. */
  static Map<String, String> analyses(String release) {
    var r = s.get(release + "/findings", ADMIN_TOKEN);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    Map<String, String> out = new TreeMap<>();
    for (JsonNode f : json(r).get("items")) {
      JsonNode a = f.get("analysis");
      out.put(
          f.get("vulnerability").asText(),
          a.get("state").asText()
              + " | "
              + a.get("justification").asText()
              + " | "
              + a.get("response")
              + " | "
              + a.get("detail").asText());
    }
    return out;
  }

  static long findingId(String release, String vulnerability) {
    for (JsonNode f : json(s.get(release + "/findings", ADMIN_TOKEN)).get("items")) {
      if (f.get("vulnerability").asText().equals(vulnerability)) {
        return f.get("id").asLong();
      }
    }
    throw new AssertionError("no finding " + vulnerability);
  }

  static void decide(long product, String release, String vulnerability, String body) {
    var r =
        s.putJson(
            "/api/v1/products/"
                + product
                + "/findings/"
                + findingId(release, vulnerability)
                + "/analysis",
            ADMIN_TOKEN,
            body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
  }

  static byte[] export(String path, String format) {
    var r =
        s.send(
            HttpRequest.newBuilder(s.uri(path + "/vex?format=" + format))
                .header("Authorization", "Bearer " + ADMIN_TOKEN)
                .GET());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
    return r.body().getBytes(StandardCharsets.UTF_8);
  }

  static JsonNode importVex(String path, byte[] document) {
    var r = post(path + "/vex", document);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return json(r);
  }

  static List<String> reasons(JsonNode report) {
    List<String> out = new ArrayList<>();
    report.get("unmatched").forEach(u -> out.add(u.get("reason").asText()));
    return out;
  }

  @ParameterizedTest
  @ValueSource(strings = {"openvex", "cyclonedx", "csaf"})
  void aReleasesVexImportedIntoAFreshCopyGivesBackTheSameDecisions(String format) {
    long a = product("Round trip A " + format);
    String ra = release(a, "1.0.0", findingsSbom());
    decide(
        a,
        ra,
        LOG4J,
        """
        {"state":"not_affected","justification":"protected_by_compiler",
         "response":["will_not_fix","rollback"],"detail":"JNDI lookups are compiled out.",
         "scope":"release"}""");
    decide(
        a,
        ra,
        JINJA,
        """
        {"state":"exploitable","response":["workaround_available"],
         "detail":"Use the sandboxed environment.","scope":"release"}""");
    Map<String, String> before = analyses(ra);
    assertThat(before).containsKeys(LOG4J, JINJA, XNET);
    assertThat(before.get(XNET)).startsWith("in_triage");

    byte[] document = export(ra, format);
    if (format.equals("csaf")) {
      assertThat(CsafValidator.validate(document)).isEmpty();
    }

    long b = product("Round trip B " + format);
    String rb = release(b, "1.0.0", findingsSbom());
    JsonNode report = importVex(rb, document);
    assertThat(report.get("format").asText()).isEqualTo(format);
    assertThat(report.get("unmatched")).as(report.toString()).isEmpty();
    assertThat(report.get("applied")).hasSize(2);
    assertThat(report.get("unchanged")).hasSize(before.size() - 2);
    assertThat(analyses(rb)).isEqualTo(before);

    JsonNode again = importVex(rb, document);
    assertThat(again.get("applied")).isEmpty();
    assertThat(again.get("unchanged")).hasSize(before.size());
  }

  @Test
  void everyTriageStateSurvivesTheRoundTripInEveryFormat() {
    long a = product("All states");
    String ra = release(a, "1.0.0", findingsSbom());
    String[][] cases = {
      {"false_positive", "", "[]"},
      {"resolved_with_pedigree", "", "[\"update\"]"},
      {"resolved", "", "[\"can_not_fix\"]"},
    };
    for (String[] c : cases) {
      String vuln = c == cases[0] ? LOG4J : c == cases[1] ? JINJA : XNET;
      decide(
          a,
          ra,
          vuln,
          "{\"state\":\"%s\",\"justification\":\"%s\",\"response\":%s,\"detail\":\"d %s\"}"
              .formatted(c[0], c[1], c[2], c[0]));
    }
    Map<String, String> before = analyses(ra);
    for (String format : List.of("openvex", "cyclonedx", "csaf")) {
      long b = product("All states copy " + format);
      String rb = release(b, "1.0.0", findingsSbom());
      JsonNode report = importVex(rb, export(ra, format));
      assertThat(report.get("unmatched")).as(report.toString()).isEmpty();
      assertThat(analyses(rb)).as(format).isEqualTo(before);
    }
  }

  @Test
  void theProductsVexHasEveryReleaseAndTheCsafFormPassesTheValidator() {
    long a = product("Product wide");
    release(a, "1.0.0", findingsSbom());
    release(a, "2.0.0", findingsSbom());
    byte[] csaf = export("/api/v1/products/" + a, "csaf");
    assertThat(CsafValidator.validate(csaf)).isEmpty();
    String text = new String(export("/api/v1/products/" + a, "openvex"), StandardCharsets.UTF_8);
    assertThat(text).contains("1.0.0").contains("2.0.0").contains("under_investigation");
  }

  @Test
  void aReleaseWithoutFindingsHasAnEmptyOpenVexAndCycloneDxButNoCsaf() {
    long a = product("No SBOM yet");
    var created =
        s.postJson("/api/v1/products/" + a + "/releases", ADMIN_TOKEN, "{\"version\":\"0.1\"}");
    String r = "/api/v1/products/" + a + "/releases/" + json(created).get("id").asLong();
    for (String format : List.of("openvex", "cyclonedx")) {
      assertThat(new String(export(r, format), StandardCharsets.UTF_8)).doesNotContain("GHSA");
    }
    // CSAF cannot say "nothing": its schema needs a vulnerability and a product.
    var csaf = s.get(r + "/vex?format=csaf", ADMIN_TOKEN);
    assertThat(csaf.statusCode()).isEqualTo(409);
    assertThat(csaf.body()).contains("needs at least one vulnerability");
  }

  @Test
  void aStatementAboutTheProductAsAWholeAppliesToAllItsFindingsOfThatVulnerability() {
    long p = product("Whole Product");
    String r1 = release(p, "1.0.0", findingsSbom());
    String r2 = release(p, "2.0.0", findingsSbom());
    String vex =
        """
        {"@context":"https://openvex.dev/ns/v0.2.0","@id":"urn:test:1","author":"t",
         "timestamp":"2026-01-01T00:00:00Z","version":1,
         "statements":[{"vulnerability":{"name":"CVE-2021-44228"},
           "products":[{"@id":"Whole Product"}],"status":"not_affected",
           "justification":"vulnerable_code_not_in_execute_path"},
          {"vulnerability":{"name":"CVE-2023-44487"},
           "products":[{"@id":"pkg:generic/whole-product@2.0.0",
                        "identifiers":{"purl":"pkg:generic/whole-product@2.0.0"}}],
           "status":"affected","action_statement":"Upgrade x/net."}]}""";
    JsonNode report = importVex("/api/v1/products/" + p, vex.getBytes(StandardCharsets.UTF_8));
    // The first names the product by name and no version: one product-wide decision.
    assertThat(report.get("applied")).hasSize(1);
    assertThat(report.get("applied").get(0).get("scope").asText()).isEqualTo("product");
    // The second names an unknown product: reported, not applied.
    assertThat(reasons(report)).singleElement().asString().contains("is neither Whole Product");
    assertThat(analyses(r1).get(LOG4J)).startsWith("not_affected | code_not_reachable");
    assertThat(analyses(r2).get(LOG4J)).startsWith("not_affected | code_not_reachable");
  }

  @Test
  void aStatementNamingAVersionOfTheProductIsScopedToThatRelease() {
    long p = product("Versioned Product");
    String r1 = release(p, "1.0.0", findingsSbom());
    String r2 = release(p, "2.0.0", findingsSbom());
    String vex =
        """
        {"bomFormat":"CycloneDX","specVersion":"1.6","version":1,
         "metadata":{"component":{"type":"application","bom-ref":"vp","name":"Versioned Product"}},
         "vulnerabilities":[{"id":"CVE-2021-44228","analysis":{"state":"resolved","detail":"Patched."},
           "affects":[{"ref":"vp","versions":[{"version":"2.0.0","status":"unaffected"}]}]},
          {"id":"CVE-2023-44487","analysis":{"state":"exploitable"},
           "affects":[{"ref":"vp","versions":[{"range":"vers:semver/>=1.0.0|<2.0.0","status":"affected"}]}]},
          {"id":"CVE-2019-10906","analysis":{"state":"exploitable"},
           "affects":[{"ref":"vp","versions":[{"version":"9.9","status":"affected"}]}]}]}""";
    JsonNode report = importVex("/api/v1/products/" + p, vex.getBytes(StandardCharsets.UTF_8));
    assertThat(report.get("applied")).hasSize(2);
    assertThat(analyses(r2).get(LOG4J)).startsWith("resolved");
    assertThat(analyses(r1).get(LOG4J)).startsWith("in_triage");
    assertThat(analyses(r1).get(XNET)).startsWith("exploitable");
    assertThat(analyses(r2).get(XNET)).startsWith("in_triage");
    assertThat(reasons(report)).singleElement().asString().contains("no release 9.9");
  }

  @Test
  void statementsThatMatchNoFindingAreReportedWithTheirReason() {
    long p = product("Unmatched");
    String r = release(p, "1.0.0", findingsSbom());
    String vex =
        """
        {"@context":"https://openvex.dev/ns/v0.2.0","@id":"urn:test:2","author":"t",
         "timestamp":"2026-01-01T00:00:00Z","version":1,
         "statements":[
          {"vulnerability":{"name":"CVE-1999-0001"},"products":[{"@id":"Unmatched"}],
           "status":"under_investigation"},
          {"vulnerability":{"name":"CVE-2021-44228"},
           "products":[{"@id":"pkg:maven/org.apache.logging.log4j/log4j-core@9.9.9"}],
           "status":"fixed"},
          {"vulnerability":{"name":"CVE-2021-44228"},
           "products":[{"@id":"pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1?type=jar"}],
           "status":"fixed"}]}""";
    JsonNode report = importVex(r, vex.getBytes(StandardCharsets.UTF_8));
    assertThat(reasons(report))
        .hasSize(2)
        .anySatisfy(x -> assertThat(x).contains("no finding of CVE-1999-0001"))
        .anySatisfy(x -> assertThat(x).contains("is neither Unmatched"));
    // The purl matches although its qualifiers differ; the alias finds the GHSA finding.
    assertThat(report.get("applied")).hasSize(1);
    assertThat(analyses(r).get(LOG4J)).startsWith("resolved");
  }

  @Test
  void aDocumentThatCannotBeReadIsRefusedAndChangesNothing() {
    long p = product("Refused");
    String r = release(p, "1.0.0", findingsSbom());
    decide(p, r, LOG4J, "{\"state\":\"exploitable\",\"detail\":\"before\",\"scope\":\"release\"}");
    Map<String, String> before = analyses(r);
    long audit = auditCount();
    String vex =
        """
        {"@context":"https://openvex.dev/ns/v0.2.0","@id":"urn:test:3","author":"t",
         "timestamp":"2026-01-01T00:00:00Z","version":1,
         "statements":[
          {"vulnerability":{"name":"CVE-2021-44228"},"products":[{"@id":"Refused"}],
           "status":"fixed"},
          {"vulnerability":{"name":"CVE-2023-44487"},"products":[{"@id":"Refused"}],
           "status":"sort_of_fine"}]}""";
    for (byte[] bad :
        List.of(
            vex.getBytes(StandardCharsets.UTF_8),
            "{\"not\":\"vex\"}".getBytes(StandardCharsets.UTF_8),
            "{".getBytes(StandardCharsets.UTF_8),
            new byte[0])) {
      var response = post(r + "/vex", bad);
      assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
      assertThat(response.headers().firstValue("Content-Type").orElse(""))
          .contains("application/problem+json");
    }
    assertThat(analyses(r)).isEqualTo(before);
    assertThat(auditCount()).isEqualTo(audit);
  }

  @Test
  void importRefusesMoreStatementsThanTheLimit() {
    long p = product("Too many");
    String r = release(p, "1.0.0", findingsSbom());
    StringBuilder vex =
        new StringBuilder(
            "{\"@context\":\"https://openvex.dev/ns/v0.2.0\",\"@id\":\"urn:test:4\",\"author\":\"t\","
                + "\"timestamp\":\"2026-01-01T00:00:00Z\",\"version\":1,\"statements\":[");
    for (int i = 0; i <= VexService.MAX_STATEMENTS; i++) {
      vex.append(i == 0 ? "" : ",")
          .append(
              "{\"vulnerability\":{\"name\":\"CVE-2021-44228\"},\"products\":[{\"@id\":\"Too many\"}],")
          .append("\"status\":\"fixed\"}");
    }
    vex.append("]}");
    var response = post(r + "/vex", vex.toString().getBytes(StandardCharsets.UTF_8));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.body()).contains("too many VEX statements");
    assertThat(analyses(r).get(LOG4J)).startsWith("in_triage");
  }

  @Test
  void importRefusesADocumentOverTheSizeLimit() {
    long p = product("Too big");
    String r = release(p, "1.0.0", findingsSbom());
    byte[] big = new byte[(int) VexService.MAX_BYTES + 1];
    java.util.Arrays.fill(big, (byte) ' ');
    var response = post(r + "/vex", big);
    assertThat(response.statusCode()).isIn(400, 413);
    assertThat(analyses(r).get(LOG4J)).startsWith("in_triage");
  }

  @Test
  void onlyThePsirtAndAdminsImportButEveryoneWhoSeesTheProductExports() {
    long p = product("Permissions");
    String r = release(p, "1.0.0", findingsSbom());
    byte[] vex = export(r, "openvex");
    assertThat(post(r + "/vex", vex, auditor).statusCode()).isEqualTo(403);
    var read =
        s.send(
            HttpRequest.newBuilder(s.uri(r + "/vex?format=cyclonedx"))
                .header("Authorization", "Bearer " + auditor)
                .GET());
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(s.get(r + "/vex?format=spdx", ADMIN_TOKEN).statusCode()).isEqualTo(400);
  }

  /** The newest audit entry's sequence number. */
  static long auditCount() {
    var r = s.get("/api/v1/audit/entries?limit=1", ADMIN_TOKEN);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return json(r).get("items").get(0).get("seq").asLong();
  }
}
