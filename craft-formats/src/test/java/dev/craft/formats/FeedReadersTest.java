package dev.craft.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.craft.core.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The NVD, EUVD and GitHub readers on small hand-written responses (src/test/resources/feeds). */
class FeedReadersTest {
  static byte[] resource(String name) {
    try (InputStream in = FeedReadersTest.class.getResourceAsStream("/feeds/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void anNvdPageGivesEachCveWithItsMetricsWeaknessesAndCpeMatches() {
    NvdPage page = new NvdReader(AdvisoryLimits.DEFAULT).read(resource("nvd-page.json"), "nvd");
    assertThat(page.totalResults()).isEqualTo(2);
    assertThat(page.cves())
        .extracting(NvdCve::id)
        .containsExactly("CVE-2099-0001", "CVE-2099-0002");
    NvdCve first = page.cves().get(0);
    assertThat(first.lastModified()).isEqualTo("2099-01-05T12:30:00.000");
    assertThat(first.vulnStatus()).isEqualTo("Analyzed");
    assertThat(first.description()).startsWith("Example template injection");
    assertThat(first.metrics()).hasSize(3);
    assertThat(first.cwes()).containsExactly("CWE-94");
    assertThat(first.cpeMatches()).hasSize(2);
    NvdCpeMatch match = first.cpeMatches().get(0);
    assertThat(match.vulnerable()).isTrue();
    assertThat(match.bounds()).isEqualTo(">= 2.0, < 2.11.3");
    assertThat(first.references()).containsExactly("https://example.org/advisories/1");
    assertThat(first.raw()).startsWith("{\"id\":\"CVE-2099-0001\"");
  }

  @Test
  void theNvdCvssUsedIsNvdsPrimaryOfTheNewestVersionElseTheNewestSecondary() {
    NvdPage page = new NvdReader(AdvisoryLimits.DEFAULT).read(resource("nvd-page.json"), "nvd");
    NvdCvss first = page.cves().get(0).preferredCvss().orElseThrow();
    assertThat(first.vector()).isEqualTo("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H");
    assertThat(first.primary()).isTrue();
    assertThat(first.toOsv().type()).isEqualTo("CVSS_V3");
    NvdCvss second = page.cves().get(1).preferredCvss().orElseThrow();
    assertThat(second.version()).isEqualTo("4.0");
    assertThat(second.type()).isEqualTo("Secondary");
    assertThat(second.toOsv().type()).isEqualTo("CVSS_V4");
  }

  @Test
  void nvdInputThatIsNotAnApiResponseOrTooLargeIsRefusedWithItsPlace() {
    var reader = new NvdReader(AdvisoryLimits.DEFAULT);
    assertThatThrownBy(() -> reader.read("{\"x\":1}".getBytes(StandardCharsets.UTF_8), "f.json"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("f.json: not an NVD CVE API 2.0 response: no 'vulnerabilities' array");
    assertThatThrownBy(
            () ->
                reader.read(
                    "{\"vulnerabilities\":[{\"cve\":{\"id\":\"CVE-1\"}}]}"
                        .getBytes(StandardCharsets.UTF_8),
                    "f.json"))
        .hasMessage("f.json: /vulnerabilities/0/cve/id: 'CVE-1' is not a CVE id");
    assertThatThrownBy(() -> reader.read("{\"vulnerabilities\":[".getBytes(), "f.json"))
        .hasMessageStartingWith("f.json: not valid JSON");
    var small = new NvdReader(AdvisoryLimits.DEFAULT.withMaxRecords(1));
    assertThatThrownBy(() -> small.read(resource("nvd-page.json"), "f.json"))
        .hasMessage("f.json: more than 1 CVEs in one response");
    var tiny = new NvdReader(AdvisoryLimits.DEFAULT.withMaxTotalBytes(100));
    assertThatThrownBy(() -> tiny.read(resource("nvd-page.json"), "f.json"))
        .hasMessageStartingWith("f.json: too large for an NVD response");
  }

  @Test
  void euvdRecordsGiveAliasesFromTheirTextAndExploitation() {
    var reader = new EuvdReader(AdvisoryLimits.DEFAULT);
    EuvdPage exploited = reader.read(resource("euvd-exploited.json"), "euvd", true);
    EuvdRecord r = exploited.records().get(0);
    assertThat(r.id()).isEqualTo("EUVD-2099-1001");
    assertThat(r.aliases()).containsExactly("CVE-2099-0001", "GHSA-2222-3333-4444");
    assertThat(r.exploited()).isTrue();
    assertThat(r.exploitedSince()).isEqualTo("Jan 5, 2099, 12:00:00 AM");
    assertThat(r.baseScore()).isEqualTo(9.8);
    assertThat(r.baseScoreVector()).startsWith("CVSS:3.1/");

    EuvdPage search = reader.read(resource("euvd-search.json"), "euvd", false);
    assertThat(search.total()).isEqualTo(7);
    assertThat(search.records()).extracting(EuvdRecord::exploited).containsExactly(false, false);
    assertThat(search.records().get(0).aliases()).containsExactly("CVE-2099-0002");
    assertThat(search.records().get(1).aliases()).isEmpty();
    assertThat(search.records().get(1).baseScore()).isEqualTo(-1);
  }

  @Test
  void euvdInputWithABadIdOrShapeIsRefused() {
    var reader = new EuvdReader(AdvisoryLimits.DEFAULT);
    assertThatThrownBy(() -> reader.read("[{\"id\":\"CVE-2099-1\"}]".getBytes(), "e.json", true))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("e.json: /0/id: 'CVE-2099-1' is not an EUVD id");
    assertThatThrownBy(() -> reader.read("\"x\"".getBytes(), "e.json", false))
        .hasMessageStartingWith("e.json: not an EUVD response");
  }

  @Test
  void githubAdvisoriesBecomeOsvRecordsWithAliasesRangesSeverityAndCwes() {
    List<OsvRecord> records =
        new GithubAdvisoryReader(AdvisoryLimits.DEFAULT)
            .read(resource("github-advisories.json"), "github");
    assertThat(records)
        .extracting(OsvRecord::id)
        .containsExactly("GHSA-2222-3333-4444", "GHSA-5555-6666-7777");
    OsvRecord a = records.get(0);
    assertThat(a.modified()).isEqualTo("2099-01-06T09:00:00Z");
    assertThat(a.published()).isEqualTo("2099-01-02T10:00:00Z");
    assertThat(a.isWithdrawn()).isFalse();
    assertThat(a.aliases()).containsExactly("CVE-2099-0001");
    assertThat(a.severity())
        .containsExactly(
            new OsvSeverity("CVSS_V3", "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:L/I:L/A:N"));
    assertThat(a.databaseSeverity()).isEqualTo("MODERATE");
    assertThat(a.source()).isEqualTo("github#GHSA-2222-3333-4444");
    assertThat(a.affected()).hasSize(2);
    OsvAffected pypi = a.affected().get(0);
    assertThat(pypi.ecosystem()).isEqualTo("PyPI");
    assertThat(pypi.name()).isEqualTo("example-templates");
    assertThat(pypi.ranges().get(0).type()).isEqualTo("ECOSYSTEM");
    assertThat(pypi.ranges().get(0).events())
        .extracting(OsvEvent::toString)
        .containsExactly("introduced 2.0", "fixed 2.11.3");
    assertThat(a.affected().get(1).ranges().get(0).events())
        .extracting(OsvEvent::toString)
        .containsExactly("introduced 0", "last_affected 1.4.0");
    assertThat(a.raw()).contains("\"cwe_ids\":[\"CWE-94\"]");

    OsvRecord w = records.get(1);
    assertThat(w.isWithdrawn()).isTrue();
    assertThat(w.aliases()).isEmpty();
    assertThat(w.affected()).hasSize(1);
    assertThat(w.affected().get(0).ecosystem()).isEqualTo("Maven");
    assertThat(w.affected().get(0).versions()).containsExactly("1.4");
  }

  @Test
  void githubInputWithoutAGhsaIdIsRefused() {
    var reader = new GithubAdvisoryReader(AdvisoryLimits.DEFAULT);
    assertThatThrownBy(() -> reader.read("[{\"ghsa_id\":\"X\"}]".getBytes(), "g.json"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("g.json: /0/ghsa_id: 'X' is not a GHSA id");
    assertThatThrownBy(() -> reader.read("{\"a\":1}".getBytes(), "g.json"))
        .hasMessageStartingWith("g.json: not GitHub advisories");
  }
}
