package dev.craft.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.craft.core.InvalidInputException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KevEpssReaderTest {
  @TempDir Path tmp;

  @Test
  void theSharedKevCatalogReadsAs1404EntriesInBothForms() {
    Path dir = SharedData.require("kev");
    KevCatalog json =
        KevReader.read(dir.resolve("known_exploited_vulnerabilities.json"), AdvisoryLimits.DEFAULT);
    KevCatalog csv =
        KevReader.read(dir.resolve("known_exploited_vulnerabilities.csv"), AdvisoryLimits.DEFAULT);
    assertThat(json.catalogVersion()).isEqualTo("2025.08.25");
    assertThat(json.entries()).hasSize(1404);
    assertThat(csv.entries()).isEqualTo(json.entries());
    KevEntry git = json.find("CVE-2025-48384").orElseThrow();
    assertThat(git.vendorProject()).isEqualTo("Git");
    assertThat(git.dateAdded()).isEqualTo("2025-08-25");
    assertThat(git.dueDate()).isEqualTo("2025-09-15");
  }

  @Test
  void aKevFileWithAMalformedIdIsRefusedWithItsPlace() {
    byte[] bad = "{\"vulnerabilities\":[{\"cveID\":\"CVE-XX\"}]}".getBytes();
    assertThatThrownBy(() -> KevReader.read(bad, "kev.json", AdvisoryLimits.DEFAULT))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("kev.json: /vulnerabilities/0: 'CVE-XX' is not a CVE id");
    byte[] csv = "cveID,vendorProject\nCVE-2020-0001,A\nnope,B\n".getBytes();
    assertThatThrownBy(() -> KevReader.read(csv, "kev.csv", AdvisoryLimits.DEFAULT))
        .hasMessage("kev.csv: line 3: 'nope' is not a CVE id");
  }

  @Test
  void anEpssFileGivesScoresAndTheModelLine() throws URISyntaxException {
    Path file = Path.of(getClass().getResource("/epss/epss_scores-sample.csv").toURI());
    EpssScores scores = EpssReader.read(file, AdvisoryLimits.DEFAULT);
    assertThat(scores.modelVersion()).isEqualTo("v2025.03.14");
    assertThat(scores.scoreDate()).isEqualTo("2025-08-25T12:55:00Z");
    assertThat(scores.scores()).hasSize(3);
    assertThat(scores.find("CVE-2021-44228").orElseThrow().epss()).isEqualTo(0.94358);
    assertThat(scores.find("CVE-2021-44228").orElseThrow().percentile()).isEqualTo(0.99957);
  }

  @Test
  void aGzippedEpssFileIsReadToo() throws IOException {
    Path gz = tmp.resolve("epss.csv.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write("cve,epss,percentile\nCVE-2020-0001,0.5,0.75\n".getBytes());
    }
    assertThat(EpssReader.read(gz, AdvisoryLimits.DEFAULT).find("CVE-2020-0001")).isPresent();
  }

  @Test
  void badEpssRowsAreRefusedWithTheLine() throws IOException {
    Path f = tmp.resolve("epss.csv");
    Files.writeString(f, "cve,epss,percentile\nCVE-2020-0001,0.5,0.75\nCVE-2020-0002,high,0.1\n");
    assertThatThrownBy(() -> EpssReader.read(f, AdvisoryLimits.DEFAULT))
        .hasMessage(f + ": line 3: not a number");
    Files.writeString(f, "cve,epss,percentile\nCVE-2020-0001,1.5,0.75\n");
    assertThatThrownBy(() -> EpssReader.read(f, AdvisoryLimits.DEFAULT))
        .hasMessageContaining("line 2: CVE-2020-0001: EPSS values must lie between 0 and 1");
    Files.writeString(f, "a,b\n");
    assertThatThrownBy(() -> EpssReader.read(f, AdvisoryLimits.DEFAULT))
        .hasMessageContaining("not an EPSS file");
  }
}
