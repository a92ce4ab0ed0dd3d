package dev.craft.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.craft.core.Actor;
import dev.craft.formats.AdvisoryLimits;
import dev.craft.formats.EuvdReader;
import dev.craft.formats.EuvdRecord;
import dev.craft.formats.NvdCve;
import dev.craft.formats.NvdReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The NVD and EUVD stores (V9): idempotent imports, the preferred CVSS, the EU exploited flag. */
class SourceStoresTest {
  static Database db;

  @BeforeAll
  static void open() {
    db = Database.open(TestDatabase.fresh());
  }

  @AfterAll
  static void close() {
    db.close();
  }

  static NvdCve cve(String id, String modified, String type) {
    String json =
        """
        {"vulnerabilities":[{"cve":{"id":"%s","published":"2099-01-01T00:00:00.000",
          "lastModified":"%s","vulnStatus":"Analyzed",
          "metrics":{"cvssMetricV31":[{"source":"x","type":"%s","cvssData":{"version":"3.1",
            "vectorString":"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H","baseScore":9.8}}]},
          "weaknesses":[{"description":[{"lang":"en","value":"CWE-79"}]}],
          "configurations":[{"nodes":[{"cpeMatch":[{"vulnerable":true,"criteria":"cpe:2.3:a:x:y:*:*:*:*:*:*:*:*"}]}]}]}}]}
        """
            .formatted(id, modified, type);
    return new NvdReader(AdvisoryLimits.DEFAULT)
        .read(json.getBytes(StandardCharsets.UTF_8), "t")
        .cves()
        .get(0);
  }

  @Test
  void anNvdCveIsReplacedOnlyByALaterLastModified() {
    var store = new NvdStore(db.jdbi());
    var first =
        store.importCves(
            Actor.SYSTEM,
            List.of(cve("CVE-2099-7001", "2099-01-02T00:00:00.000", "Primary")),
            Instant.now());
    assertThat(first.added()).isEqualTo(1);
    var same =
        store.importCves(
            Actor.SYSTEM,
            List.of(cve("CVE-2099-7001", "2099-01-02T00:00:00.000", "Primary")),
            Instant.now());
    assertThat(same.unchanged()).isEqualTo(1);
    var later =
        store.importCves(
            Actor.SYSTEM,
            List.of(cve("CVE-2099-7001", "2099-01-03T00:00:00.000", "Secondary")),
            Instant.now());
    assertThat(later.updated()).isEqualTo(1);
    assertThat(later.changed()).containsExactly("CVE-2099-7001");
    var row = store.find("CVE-2099-7001").orElseThrow();
    assertThat(row.lastModified()).isEqualTo("2099-01-03T00:00:00.000");
    assertThat(row.cvssType()).isEqualTo("Secondary");
    assertThat(row.cwes()).containsExactly("CWE-79");
    assertThat(row.cpeMatches()).contains("cpe:2.3:a:x:y");
    assertThat(store.forIds(Set.of("CVE-2099-7001", "CVE-2099-0000")))
        .containsOnlyKeys("CVE-2099-7001");
  }

  @Test
  void theEuExploitedFlagIsKeptWhenALaterRecordDoesNotRepeatIt() {
    var store = new EuvdStore(db.jdbi());
    var reader = new EuvdReader(AdvisoryLimits.DEFAULT);
    List<EuvdRecord> exploited =
        reader
            .read(
                "[{\"id\":\"EUVD-2099-7001\",\"aliases\":\"CVE-2099-7002\\nGHSA-2222-3333-4444\",\"dateUpdated\":\"a\"}]"
                    .getBytes(StandardCharsets.UTF_8),
                "t",
                true)
            .records();
    assertThat(store.importRecords(Actor.SYSTEM, exploited).added()).isEqualTo(1);
    assertThat(store.importRecords(Actor.SYSTEM, exploited).unchanged()).isEqualTo(1);
    List<EuvdRecord> plain =
        reader
            .read(
                "{\"items\":[{\"id\":\"EUVD-2099-7001\",\"aliases\":\"CVE-2099-7002\",\"dateUpdated\":\"b\"}],\"total\":1}"
                    .getBytes(StandardCharsets.UTF_8),
                "t",
                false)
            .records();
    assertThat(store.importRecords(Actor.SYSTEM, plain).updated()).isEqualTo(1);
    var hits = store.exploitedFor(Set.of("CVE-2099-7002"));
    assertThat(hits).extracting(EuvdStore.ExploitedHit::euvdId).containsExactly("EUVD-2099-7001");
    assertThat(store.naming(Set.of("CVE-2099-7002")).get(0).aliases())
        .containsExactly("CVE-2099-7002");
    assertThat(store.exploitedFor(Set.of("GHSA-2222-3333-4444"))).isEmpty();
  }
}
