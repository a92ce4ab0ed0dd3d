package dev.craft.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A PSIRT member sees the advisory feeds' status on the advisories page, finds a PyPI advisory by
 * its EUVD id, and reads NVD's CVSS, CWE and CPE data and the EU exploited mark on its page.
 */
class FeedsBrowserTest {
  @Test
  void theAdvisoriesPageShowsFeedsAndAnAdvisoryShowsNvdAndEuvd() throws IOException {
    Map<String, String> bodies =
        Map.of(
            "/nvd",
            SourceFeedsTest.nvdPage(
                0,
                1,
                SourceFeedsTest.nvdCve(
                    "CVE-2099-0001", "2099-01-05T00:00:00.000", SourceFeedsTest.CRITICAL)),
            "/euvd/exploitedvulnerabilities",
            "[{\"id\":\"EUVD-2099-1001\",\"aliases\":\"CVE-2099-0001\",\"dateUpdated\":\"x\","
                + "\"exploitedSince\":\"Jan 5, 2099\"}]",
            "/euvd/vulnerabilities",
            "{\"items\":[],\"total\":0}");
    HttpServer upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    upstream.createContext(
        "/",
        ex -> {
          byte[] b = bodies.get(ex.getRequestURI().getPath()).getBytes(StandardCharsets.UTF_8);
          ex.sendResponseHeaders(200, b.length);
          ex.getResponseBody().write(b);
          ex.close();
        });
    upstream.start();
    String base = "http://127.0.0.1:" + upstream.getAddress().getPort();
    try (var s =
        TestServer.start(
            Map.of(
                "advisories.nvd-url", base + "/nvd",
                "advisories.euvd-url", base + "/euvd",
                "advisories.feed-page-delay", "PT0S"))) {
      AdvisoryFeedsTestSupport.post(
          s, "/api/v1/advisories/import?name=p.json", SourceFeedsTest.PYSEC);
      AdvisoryFeedsTestSupport.sync(s, 200);
      try (var b = Browser.open(s.server.port())) {
        b.signIn("admin", TestServer.ADMIN_PASSWORD);
        b.go("/advisories");
        b.waitForText("#feed-list", "nvd");
        assertThat(b.find("#feed-list").getText()).contains("euvd").contains(base + "/nvd");
        b.go("/advisories?q=EUVD-2099-1001");
        b.waitForText("#advisory-results", "PYSEC-2099-1");
        b.find("#advisory-results a").click();
        b.waitForText("#advisory-title", "PYSEC-2099-1");
        assertThat(b.find("#advisory-nvd").getText())
            .contains(SourceFeedsTest.CRITICAL)
            .contains("CWE-94")
            .contains("cpe:2.3:a:pallets:jinja2");
        assertThat(b.find("#advisory-euvd").getText()).contains("EU exploited since Jan 5, 2099");
      }
    } finally {
      upstream.stop(0);
    }
  }
}
