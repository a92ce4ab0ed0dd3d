package dev.craft.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The PSIRT imports a supplier's OpenVEX on the release page, reads the report and sees the
 * finding's new state.
 */
class VexBrowserTest {
  @Test
  void importAVexDocumentOnTheReleasePage() throws IOException {
    try (var s = TestServer.start(Map.of())) {
      VexTest.s = s;
      var r =
          VexTest.post(
              "/api/v1/advisories/import?name=GHSA-jfh8-c2jp-5v3q.json",
              TriageTest.resource("/osv/GHSA-jfh8-c2jp-5v3q.json"));
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      long id = VexTest.product("Browser VEX Gateway");
      String api = VexTest.release(id, "4.1.0", VexTest.findingsSbom());
      Path file = Files.createTempFile("supplier", ".openvex.json");
      Files.writeString(
          file,
          """
          {"@context":"https://openvex.dev/ns/v0.2.0","@id":"urn:test:browser","author":"Supplier",
           "timestamp":"2026-01-01T00:00:00Z","version":1,
           "statements":[{"vulnerability":{"name":"CVE-2021-44228"},
             "products":[{"@id":"Browser VEX Gateway 4.1.0",
               "subcomponents":[{"@id":"pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1"}]}],
             "status":"not_affected","justification":"vulnerable_code_not_in_execute_path",
             "impact_statement":"No JNDI lookups on untrusted input."}]}""");
      try (var b = Browser.open(s.server.port())) {
        b.signIn("admin", TestServer.ADMIN_PASSWORD);
        b.go(api.replace("/api/v1", ""));
        b.waitForText("#vex-downloads", "CSAF");
        b.find("#vex-file").sendKeys(file.toString());
        b.find("#import-vex").click();
        b.waitForText("#vex-summary", "1 statement(s)");
        assertThat(b.find("#vex-applied").getText()).isEqualTo("1");
        assertThat(b.find("#vex-decisions").getText())
            .contains("GHSA-jfh8-c2jp-5v3q")
            .contains("not_affected");
      }
      assertThat(VexTest.analyses(api).get(VexTest.LOG4J))
          .startsWith("not_affected | code_not_reachable");
    }
  }
}
