package dev.craft.server;

import static dev.craft.server.Browserless.json;
import static dev.craft.server.TestServer.ADMIN_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Advisories are imported over the API, SBOM uploads are matched at once, and a later advisory
 * reaches the releases it affects without a new upload.
 */
class AdvisoryApiTest {
  static TestServer s;
  static String developer;
  static String psirt;

  @BeforeAll
  static void start() {
    s = TestServer.start(Map.of());
    for (String[] u : new String[][] {{"fdev", "developer"}, {"fpsirt", "psirt"}}) {
      var r =
          s.postJson(
              "/api/v1/users",
              ADMIN_TOKEN,
              "{\"username\":\"%s\",\"role\":\"%s\",\"password\":\"password-%s-123\"}"
                  .formatted(u[0], u[1], u[0]));
      assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }
    developer = Browserless.tokenFor(s, "fdev", "password-fdev-123");
    psirt = Browserless.tokenFor(s, "fpsirt", "password-fpsirt-123");
    for (String f :
        new String[] {"GHSA-jfh8-c2jp-5v3q.json", "PYSEC-2019-217.yaml", "FIX-WEIRDLIB.json"}) {
      var r = importOsv(ADMIN_TOKEN, f);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }
  }

  @AfterAll
  static void stop() {
    s.close();
  }

  static byte[] resource(String path) {
    try (InputStream in = AdvisoryApiTest.class.getResourceAsStream(path)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static HttpResponse<String> post(String path, String token, byte[] body) {
    return s.send(
        HttpRequest.newBuilder(s.uri(path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/octet-stream")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  static HttpResponse<String> importOsv(String token, String fixture) {
    return post("/api/v1/advisories/import?name=" + fixture, token, resource("/osv/" + fixture));
  }

  /** A new product with one release whose SBOM is uploaded; returns the release's API path. */
  static String releaseWithSbom(String product) {
    return releaseWithSbom(product, "/sbom/findings.cdx.json");
  }

  static String releaseWithSbom(String product, String sbomFixture) {
    return releaseWithSbom(product, resource(sbomFixture));
  }

  /** A new product with one release whose SBOM is {@code sbom}; returns the release's API path. */
  static String releaseWithSbom(String product, byte[] sbom) {
    String release = s.newRelease(product);
    var r = post(release + "/sbom", ADMIN_TOKEN, sbom);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return release;
  }

  static JsonNode findings(String release) {
    var r = s.get(release + "/findings", ADMIN_TOKEN);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return json(r).get("items");
  }

  static JsonNode finding(JsonNode items, String vulnerability) {
    return StreamSupport.stream(items.spliterator(), false)
        .filter(f -> f.get("vulnerability").asText().equals(vulnerability))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no finding " + vulnerability + " in " + items));
  }

  @Test
  void anSbomUploadIsMatchedAtOnceWithTheEvidence() {
    JsonNode items = findings(releaseWithSbom("Findings Upload"));
    JsonNode log4j = finding(items, "GHSA-jfh8-c2jp-5v3q");
    assertThat(log4j.get("status").asText()).isEqualTo("affected");
    assertThat(log4j.get("component").get("purl").asText())
        .isEqualTo("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1");
    assertThat(log4j.get("aliases").toString()).contains("CVE-2021-44228");
    assertThat(log4j.get("severity").asText()).isEqualTo("critical");
    assertThat(log4j.get("cvss").asDouble()).isEqualTo(10.0);
    assertThat(log4j.get("evidence").get("match").asText()).isEqualTo("range");
    assertThat(log4j.get("evidence").get("compared").asText()).contains("2.14.1");
    // Stored without what the finding and the advisory hold (ADR 097); read back whole.
    assertThat(log4j.get("evidence").get("record").asText()).isEqualTo("GHSA-jfh8-c2jp-5v3q");
    assertThat(log4j.get("evidence").get("reason").asText()).isEmpty();
    assertThat(log4j.get("evidence").get("source").asText())
        .isNotBlank()
        .isEqualTo(
            json(s.get("/api/v1/advisories/GHSA-jfh8-c2jp-5v3q", ADMIN_TOKEN))
                .get("source")
                .asText());
    assertThat(log4j.get("support").get("state").asText()).isEqualTo("unknown");
    // A YAML record is matched like a JSON one, with PEP 503 name rules (Jinja2 = jinja2).
    assertThat(finding(items, "PYSEC-2019-217").get("status").asText()).isEqualTo("affected");
    assertThat(items.toString()).doesNotContain("markupsafe");
  }

  @Test
  void anUnparseableVersionGivesAnIndeterminateFindingWithItsReason() {
    JsonNode weird = finding(findings(releaseWithSbom("Findings Weird")), "FIX-WEIRDLIB-1");
    assertThat(weird.get("status").asText()).isEqualTo("indeterminate");
    assertThat(weird.get("reason").asText()).contains("not a version at all");
    assertThat(weird.get("evidence").get("reason").asText())
        .isEqualTo(weird.get("reason").asText());
  }

  @Test
  void anAdvisoryImportedLaterReachesTheExistingReleaseWithoutAReupload() {
    String release = releaseWithSbom("Findings Later");
    assertThat(findings(release).toString()).doesNotContain("GO-2023-2102");
    Instant before = Instant.now().minusSeconds(1);

    var r = importOsv(psirt, "GO-2023-2102.json");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(json(r).get("added").asInt()).isEqualTo(1);
    assertThat(json(r).get("findings").asInt()).isPositive();

    JsonNode go = finding(findings(release), "GO-2023-2102");
    assertThat(go.get("status").asText()).isEqualTo("affected");
    assertThat(go.get("component").get("version").asText()).isEqualTo("v0.7.0");
    assertThat(Instant.parse(go.get("firstSeenAt").asText())).isAfter(before);

    var advisory = json(s.get("/api/v1/advisories/GO-2023-2102", ADMIN_TOKEN));
    assertThat(advisory.get("raw").asText())
        .isEqualTo(
            new String(
                resource("/osv/GO-2023-2102.json"), java.nio.charset.StandardCharsets.UTF_8));
    assertThat(advisory.get("affected").toString()).contains("Findings Later").contains("1.0.0");
    assertThat(advisory.get("aliases").toString()).contains("CVE-2023-44487");
  }

  @Test
  void distroSourcePackagesAndGoModulesAreFoundOnUploadAndOnImport() {
    for (boolean advisoriesFirst : new boolean[] {false, true}) {
      String release = null;
      if (!advisoriesFirst) {
        release = releaseWithSbom("Distro " + advisoriesFirst, "/sbom/distro.cdx.json");
      }
      for (String f : new String[] {"FIX-DEBIAN.json", "FIX-GO-IMPORTS.json"}) {
        var r = importOsv(ADMIN_TOKEN, f);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      }
      if (advisoriesFirst) {
        release = releaseWithSbom("Distro " + advisoriesFirst, "/sbom/distro.cdx.json");
      }
      JsonNode items = findings(release);
      // libssl3 is built from openssl (upstream qualifier) on Debian 12; the openssl package of
      // Debian 11 has a version past that release's fix; only the render package is named by the Go
      // advisory.
      assertThat(items).as(items.toString()).hasSize(2);
      assertThat(finding(items, "FIX-DEBIAN").get("component").get("name").asText())
          .isEqualTo("libssl3");
      assertThat(finding(items, "FIX-GO-IMPORTS").get("component").get("name").asText())
          .isEqualTo("github.com/acme/web/render");
      assertThat(finding(items, "FIX-GO-IMPORTS").get("status").asText()).isEqualTo("affected");
    }
  }

  @Test
  void componentsThatTheirPurlDoesNotFindAreMatchedByCpeAgainstNvdCriteria() {
    // Impact: the SBOM is stored first, then the NVD CVEs arrive.
    String before = releaseWithSbom("Firmware Impact", "/sbom/firmware.cdx.json");
    var r =
        post(
            "/api/v1/advisories/nvd?name=cpe.json",
            ADMIN_TOKEN,
            resource("/nvd/cpe-criteria.json"));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    // Upload: the CVEs are stored, then another release's SBOM arrives.
    String after = releaseWithSbom("Firmware Upload", "/sbom/firmware.cdx.json");
    for (String release : new String[] {before, after}) {
      JsonNode items = findings(release);
      JsonNode firmware = finding(items, "CVE-2099-2000");
      assertThat(firmware.get("component").get("name").asText()).isEqualTo("gateway-firmware");
      assertThat(firmware.get("status").asText()).isEqualTo("affected");
      assertThat(firmware.get("severity").asText()).isEqualTo("critical");
      assertThat(firmware.get("evidence").get("match").asText()).isEqualTo("cpe");
      assertThat(firmware.get("evidence").get("source").asText()).isNotBlank();
      assertThat(firmware.get("evidence").get("record").asText()).isEqualTo("CVE-2099-2000");
      assertThat(firmware.get("evidence").get("compared").asText())
          .contains("before 4.2.0")
          .contains("home_gateway");
      assertThat(finding(items, "CVE-2099-2001").get("component").get("name").asText())
          .isEqualTo("busybox");
      // Jinja2's purl finds its OSV advisory, so its CPE is not looked up.
      assertThat(finding(items, "PYSEC-2019-217").get("status").asText()).isEqualTo("affected");
      assertThat(items.toString()).doesNotContain("CVE-2099-2002");
    }
  }

  @Test
  void reImportingIsIdempotentAndALaterRecordIsAnUpdate() {
    String release = releaseWithSbom("Findings Idempotent");
    long firstSeen =
        Instant.parse(finding(findings(release), "GHSA-jfh8-c2jp-5v3q").get("firstSeenAt").asText())
            .toEpochMilli();
    var again = json(importOsv(ADMIN_TOKEN, "GHSA-jfh8-c2jp-5v3q.json"));
    assertThat(again.get("added").asInt()).isZero();
    assertThat(again.get("updated").asInt()).isZero();
    assertThat(again.get("unchanged").asInt()).isEqualTo(1);

    var newer = json(importOsv(ADMIN_TOKEN, "GHSA-jfh8-c2jp-5v3q-modified.json"));
    assertThat(newer.get("updated").asInt()).isEqualTo(1);
    var advisory = json(s.get("/api/v1/advisories/GHSA-jfh8-c2jp-5v3q", ADMIN_TOKEN));
    assertThat(advisory.get("modified").asText()).isEqualTo("2025-06-01T00:00:00Z");
    // The finding is still there, re-evaluated against the new range, and keeps its first sighting.
    JsonNode log4j = finding(findings(release), "GHSA-jfh8-c2jp-5v3q");
    assertThat(log4j.get("evidence").get("range").asText()).contains("2.16.0");
    assertThat(Instant.parse(log4j.get("firstSeenAt").asText()).toEpochMilli())
        .isEqualTo(firstSeen);

    var older = json(importOsv(ADMIN_TOKEN, "GHSA-jfh8-c2jp-5v3q.json"));
    assertThat(older.get("unchanged").asInt()).isEqualTo(1);
  }

  @Test
  void aWithdrawnRevisionRemovesItsFindings() {
    String release = releaseWithSbom("Findings Withdrawn");
    String record =
        """
        {"id":"FIX-JINJA-WD","modified":"%s",%s
         "affected":[{"package":{"ecosystem":"PyPI","name":"jinja2"},"versions":["2.10"]}]}
        """;
    var added =
        post(
            "/api/v1/advisories/import",
            ADMIN_TOKEN,
            record.formatted("2025-01-01T00:00:00Z", "").getBytes());
    assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
    assertThat(finding(findings(release), "FIX-JINJA-WD").get("evidence").get("match").asText())
        .isEqualTo("versions");
    var withdrawn =
        post(
            "/api/v1/advisories/import",
            ADMIN_TOKEN,
            record
                .formatted("2025-02-01T00:00:00Z", "\"withdrawn\":\"2025-02-01T00:00:00Z\",")
                .getBytes());
    assertThat(json(withdrawn).get("updated").asInt()).isEqualTo(1);
    assertThat(findings(release).toString()).doesNotContain("FIX-JINJA-WD");
    assertThat(
            json(s.get("/api/v1/advisories/FIX-JINJA-WD", ADMIN_TOKEN)).get("withdrawn").asText())
        .isNotEmpty();
  }

  @Test
  void advisoriesAreFoundByTheirIdOrAnyAlias() {
    for (String q : new String[] {"CVE-2019-10906", "ghsa-462w-v97r-4m45", "PYSEC-2019-217"}) {
      var r = json(s.get("/api/v1/advisories?q=" + q, ADMIN_TOKEN));
      assertThat(r.get("items").toString()).as(q).contains("PYSEC-2019-217");
    }
    assertThat(json(s.get("/api/v1/advisories?q=CVE-1999-0001", ADMIN_TOKEN)).get("items"))
        .isEmpty();
    assertThat(s.get("/api/v1/advisories", ADMIN_TOKEN).statusCode()).isEqualTo(400);
    assertThat(s.get("/api/v1/advisories/NOPE-1", ADMIN_TOKEN).statusCode()).isEqualTo(404);
  }

  @Test
  void onlyAdminsAndPsirtMayImport() {
    assertThat(importOsv(developer, "PYSEC-2019-217.yaml").statusCode()).isEqualTo(403);
    assertThat(post("/api/v1/advisories/kev", developer, "x".getBytes()).statusCode())
        .isEqualTo(403);
    assertThat(post("/api/v1/advisories/epss", developer, "x".getBytes()).statusCode())
        .isEqualTo(403);
    assertThat(importOsv(psirt, "PYSEC-2019-217.yaml").statusCode()).isEqualTo(200);
    // Reading is for every role.
    assertThat(s.get("/api/v1/advisories?q=PYSEC-2019-217", developer).statusCode()).isEqualTo(200);
    assertThat(post("/api/v1/advisories/import", ADMIN_TOKEN, "{ nope".getBytes()).statusCode())
        .isEqualTo(400);
    assertThat(post("/api/v1/advisories/sync", developer, new byte[0]).statusCode()).isEqualTo(403);
    // This server has no online feeds configured.
    assertThat(post("/api/v1/advisories/sync", ADMIN_TOKEN, new byte[0]).statusCode())
        .isEqualTo(409);
  }

  /** The header line of CISA's KEV CSV. */
  static final String KEV_CSV_HEADER =
      "cveID,vendorProject,product,vulnerabilityName,dateAdded,shortDescription,requiredAction,"
          + "dueDate,knownRansomwareCampaignUse,notes\n";

  @Test
  void kevAndEpssImportsMarkTheFindings() {
    String release = releaseWithSbom("Findings KEV");
    String kev =
        KEV_CSV_HEADER
            + "CVE-2021-44228,Apache,Log4j2,Log4j2 RCE,2021-12-10,d,a,2021-12-24,Known,\n";
    var k = post("/api/v1/advisories/kev", psirt, kev.getBytes());
    assertThat(k.statusCode()).as(k.body()).isEqualTo(200);
    String epss =
        "#model_version:v2025.03.14,score_date:2026-11-01T00:00:00+0000\n"
            + "cve,epss,percentile\nCVE-2021-44228,0.94358,0.99961\n";
    var e = post("/api/v1/advisories/epss", psirt, epss.getBytes());
    assertThat(e.statusCode()).as(e.body()).isEqualTo(200);
    // Existing findings are flagged, and new uploads are matched with the stored data.
    for (String r : new String[] {release, releaseWithSbom("Findings KEV later")}) {
      JsonNode log4j = finding(findings(r), "GHSA-jfh8-c2jp-5v3q");
      assertThat(log4j.get("kev").asBoolean()).as(r).isTrue();
      assertThat(log4j.get("epss").asDouble()).as(r).isEqualTo(0.94358);
    }
  }

  @Test
  void aLargeSbomsFindingsWrittenInTwoPartsAreAllStored() {
    // 600 versions of one package (the server writes from 500 components on in two parts, ADR
    // 098): the first 300 are affected by the range, every one by the versions list.
    var versions = new StringBuilder();
    var components = new StringBuilder();
    for (int i = 0; i < 600; i++) {
      versions.append(i == 0 ? "" : ",").append("\"1.0.").append(i).append('"');
      components
          .append(i == 0 ? "" : ",")
          .append(
              """
              {"type":"library","bom-ref":"c%d","name":"part-lib","version":"1.0.%d",
               "purl":"pkg:npm/part-lib@1.0.%d"}"""
                  .formatted(i, i, i));
    }
    for (String record :
        java.util.List.of(
            """
            {"id":"PARTS-RANGE","modified":"2025-01-01T00:00:00Z","affected":[
             {"package":{"ecosystem":"npm","name":"part-lib"},
              "ranges":[{"type":"SEMVER","events":[{"introduced":"0"},{"fixed":"1.0.300"}]}]}]}""",
            """
            {"id":"PARTS-LIST","modified":"2025-01-01T00:00:00Z","affected":[
             {"package":{"ecosystem":"npm","name":"part-lib"},"versions":[%s]}]}"""
                .formatted(versions))) {
      var r = post("/api/v1/advisories/import", ADMIN_TOKEN, record.getBytes());
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }
    String sbom =
        """
        {"bomFormat":"CycloneDX","specVersion":"1.6","version":1,"components":[%s]}"""
            .formatted(components);
    String release = releaseWithSbom("Findings Parts", sbom.getBytes());
    long rid = Long.parseLong(release.substring(release.lastIndexOf('/') + 1));
    // Written by two transactions (the request's and its helper's) where there are two cores.
    try (var db = dev.craft.store.Database.open(s.db)) {
      assertThat(dev.craft.store.TestDatabase.findingWriters(db.jdbi(), rid))
          .isEqualTo(Runtime.getRuntime().availableProcessors() > 1 ? 2 : 1);
    }

    JsonNode items = findings(release);
    var byAdvisory =
        StreamSupport.stream(items.spliterator(), false)
            .collect(
                java.util.stream.Collectors.groupingBy(
                    f -> f.get("vulnerability").asText(), java.util.stream.Collectors.counting()));
    assertThat(byAdvisory).containsEntry("PARTS-RANGE", 300L).containsEntry("PARTS-LIST", 600L);
    assertThat(
            StreamSupport.stream(items.spliterator(), false)
                .filter(f -> f.get("vulnerability").asText().equals("PARTS-RANGE"))
                .map(f -> f.get("component").get("purl").asText()))
        .contains("pkg:npm/part-lib@1.0.0", "pkg:npm/part-lib@1.0.299")
        .doesNotContain("pkg:npm/part-lib@1.0.300");
  }

  @Test
  void aZipWithABadRecordAfterManyGoodOnesStoresNone() throws IOException {
    var zip = new java.io.ByteArrayOutputStream();
    try (var out = new java.util.zip.ZipOutputStream(zip)) {
      // More than one batch of 500 before the bad record.
      for (int i = 0; i < 600; i++) {
        out.putNextEntry(new java.util.zip.ZipEntry("ZIPBAD-%04d.json".formatted(i)));
        out.write(
            """
            {"id":"ZIPBAD-%04d","modified":"2025-01-01T00:00:00Z",
             "affected":[{"package":{"ecosystem":"npm","name":"zipbad"},"versions":["1.0.0"]}]}
            """
                .formatted(i)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
      out.putNextEntry(new java.util.zip.ZipEntry("zzzz.json"));
      out.write("{\"id\": oops".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    var r = post("/api/v1/advisories/import?name=all.zip", ADMIN_TOKEN, zip.toByteArray());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    // Named as uploaded, not by the server's temporary file.
    assertThat(json(r).get("detail").asText()).contains("zzzz.json").doesNotContain("/tmp/");
    assertThat(s.get("/api/v1/advisories/ZIPBAD-0000", ADMIN_TOKEN).statusCode()).isEqualTo(404);
  }

  @Test
  void aFileNamedAsAnIndexThatIsNoIndexIsRefusedAsSuch() {
    var r =
        post(
            "/api/v1/advisories/import?name=advisories.idx",
            ADMIN_TOKEN,
            "id: NOT-AN-INDEX\nmodified: 2025-01-01T00:00:00Z\n".getBytes());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(json(r).get("detail").asText()).contains("advisories.idx is not a CRAFT index file");
    assertThat(s.get("/api/v1/advisories/NOT-AN-INDEX", ADMIN_TOKEN).statusCode()).isEqualTo(404);
  }

  @Test
  void aRecordWhoseModifiedIsNoTimestampIsRefusedAndCannotBlockTheRealOne() {
    String record =
        """
        {"id":"FIX-MODIFIED","modified":"%s",
         "affected":[{"package":{"ecosystem":"npm","name":"modlib"},"versions":["1.0.0"]}]}
        """;
    var bad =
        post("/api/v1/advisories/import", ADMIN_TOKEN, record.formatted("yesterday").getBytes());
    assertThat(bad.statusCode()).as(bad.body()).isEqualTo(400);
    assertThat(json(bad).get("detail").asText()).contains("/modified");
    var real =
        post(
            "/api/v1/advisories/import",
            ADMIN_TOKEN,
            record.formatted("2025-08-01T00:00:00Z").getBytes());
    assertThat(json(real).get("added").asInt()).isEqualTo(1);
  }

  @Test
  void aJsonBodyBeyondTheReadLimitsIsABadRequest() {
    String deep = "{\"name\":\"d\",\"x\":" + "[".repeat(900) + "]".repeat(900) + "}";
    var r = s.postJson("/api/v1/products", ADMIN_TOKEN, deep);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(json(r).get("detail").asText()).startsWith("request body:");
  }

  @Test
  void aReleaseMarkedEndOfSupportIsMatchedAndFlaggedEnded() {
    long id =
        json(s.postJson("/api/v1/products", ADMIN_TOKEN, "{\"name\":\"Findings EOS\"}"))
            .get("id")
            .asLong();
    var created =
        s.postJson(
            "/api/v1/products/" + id + "/releases",
            ADMIN_TOKEN,
            "{\"version\":\"0.9.0\",\"status\":\"end_of_support\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String release = "/api/v1/products/" + id + "/releases/" + json(created).get("id").asLong();
    var r = post(release + "/sbom", ADMIN_TOKEN, resource("/sbom/findings.cdx.json"));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);

    JsonNode support = finding(findings(release), "GHSA-jfh8-c2jp-5v3q").get("support");
    assertThat(support.get("state").asText()).isEqualTo("ended");
    assertThat(support.get("releaseStatus").asText()).isEqualTo("end_of_support");
  }

  @Test
  void aKevCveReachesAFindingThroughAnotherRecordsAliases() {
    // The finding's record names only a GHSA id; the GHSA record (another package) names the CVE.
    for (String record :
        new String[] {
          """
          {"id":"LINK-GO-1","modified":"2025-01-01T00:00:00Z","aliases":["GHSA-2099-link"],
           "affected":[{"package":{"ecosystem":"PyPI","name":"markupsafe"},"versions":["2.1.5"]}]}
          """,
          """
          {"id":"GHSA-2099-link","modified":"2025-01-01T00:00:00Z","aliases":["CVE-2099-7777"],
           "affected":[{"package":{"ecosystem":"npm","name":"elsewhere"},"versions":["1.0.0"]}]}
          """
        }) {
      var r = post("/api/v1/advisories/import", ADMIN_TOKEN, record.getBytes());
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }
    String before = releaseWithSbom("Findings KEV linked");
    assertThat(finding(findings(before), "LINK-GO-1").get("kev").asBoolean()).isFalse();

    String kev =
        KEV_CSV_HEADER + "CVE-2099-7777,Acme,Markup,Linked,2099-01-01,d,a,2099-01-22,Unknown,\n";
    var k = post("/api/v1/advisories/kev", psirt, kev.getBytes());
    assertThat(k.statusCode()).as(k.body()).isEqualTo(200);
    // Flagged by the import, and on a new upload by the match.
    for (String r : new String[] {before, releaseWithSbom("Findings KEV linked later")}) {
      JsonNode linked = finding(findings(r), "LINK-GO-1");
      assertThat(linked.get("kev").asBoolean()).as(r).isTrue();
      assertThat(linked.get("kevSources").toString()).as(r).contains("CISA KEV");
    }
  }

  @Test
  void aRecordStoredBeforeTheTimestampCheckIsStillMatched() {
    // As an earlier version stored it: its 'modified' is no timestamp.
    String raw =
        """
        {"id":"OLD-MODIFIED-1","modified":"yesterday",
         "affected":[{"package":{"ecosystem":"PyPI","name":"markupsafe"},"versions":["2.1.5"]}]}
        """;
    try (var db = dev.craft.store.Database.open(s.db)) {
      db.jdbi()
          .useHandle(
              h -> {
                h.execute(
                    "INSERT INTO advisory (id, source, modified, published, withdrawn, raw,"
                        + " fetched_at) VALUES ('OLD-MODIFIED-1', 'old', 'yesterday', '', '', ?,"
                        + " now())",
                    raw);
                h.execute(
                    "INSERT INTO advisory_package (advisory_id, package_key)"
                        + " VALUES ('OLD-MODIFIED-1', 'pypi/markupsafe')");
              });
    }
    JsonNode old = finding(findings(releaseWithSbom("Findings old record")), "OLD-MODIFIED-1");
    assertThat(old.get("status").asText()).isEqualTo("affected");
  }
}
