package dev.craft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.craft.server.CraftServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code craft advisories import --server}: uploads files, folders (as an index) and KEV. */
class AdvisoriesUploadCommandTest {
  static CraftServer server;
  static String url;

  @BeforeAll
  static void start() {
    server = LiveServer.start(false);
    url = LiveServer.url(server);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static Cli.Result upload(String... args) {
    String[] all = new String[args.length + 6];
    all[0] = "advisories";
    all[1] = "import";
    System.arraycopy(args, 0, all, 2, args.length);
    all[args.length + 2] = "--server";
    all[args.length + 3] = url;
    all[args.length + 4] = "--token";
    all[args.length + 5] = LiveServer.TOKEN;
    return Cli.run(all);
  }

  @Test
  void aFolderAYamlFileAndAKevCatalogAreUploadedAndReImportIsIdempotent(@TempDir Path dir)
      throws IOException {
    Path folder = Files.createDirectories(dir.resolve("osv"));
    Files.writeString(
        folder.resolve("A-1.json"),
        """
        {"id":"CLI-A-1","modified":"2025-01-01T00:00:00Z","aliases":["CVE-2099-0001"],
         "affected":[{"package":{"ecosystem":"npm","name":"left-pad"},
           "ranges":[{"type":"SEMVER","events":[{"introduced":"0"},{"fixed":"1.3.1"}]}]}]}
        """);
    Files.writeString(
        folder.resolve("A-2.json"),
        """
        {"id":"CLI-A-2","modified":"2025-01-01T00:00:00Z",
         "affected":[{"package":{"ecosystem":"npm","name":"right-pad"},"versions":["1.0.0"]}]}
        """);
    Path yaml = dir.resolve("CLI-B-1.yaml");
    Files.writeString(
        yaml,
        """
        id: CLI-B-1
        modified: "2025-01-01T00:00:00Z"
        affected:
          - package: {ecosystem: PyPI, name: jinja2}
            versions: ["2.10"]
        """);
    Path kev = dir.resolve("kev.csv");
    Files.writeString(
        kev,
        "cveID,vendorProject,product,vulnerabilityName,dateAdded,dueDate\n"
            + "CVE-2099-0001,Left,Pad,Pad RCE,2025-01-01,2025-01-22\n");

    var first = upload(folder.toString(), yaml.toString(), "--kev", kev.toString());
    assertThat(first.code()).as(first.err()).isZero();
    assertThat(first.out())
        .contains("2 records, 2 added, 0 updated, 0 unchanged")
        .contains("1 records, 1 added")
        .contains("1 KEV entries");

    var again = upload(folder.toString());
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(again.out()).contains("2 records, 0 added, 0 updated, 2 unchanged");
  }

  static final String GITHUB =
      """
      [{"ghsa_id":"GHSA-2222-3333-4444","cve_id":"CVE-2099-0007","type":"reviewed","severity":"high",
        "updated_at":"2099-01-06T00:00:00Z","published_at":"2099-01-01T00:00:00Z",
        "vulnerabilities":[{"package":{"ecosystem":"npm","name":"left-pad"},
          "vulnerable_version_range":"< 1.3.1","first_patched_version":"1.3.1"}]}]
      """;

  @Test
  void nvdEuvdAndGithubFilesAreUploaded(@TempDir Path dir) throws IOException {
    Path nvd = dir.resolve("nvd.json");
    Files.writeString(
        nvd,
        """
        {"resultsPerPage":1,"startIndex":0,"totalResults":1,"vulnerabilities":[{"cve":{
          "id":"CVE-2099-0007","published":"2099-01-01T00:00:00.000",
          "lastModified":"2099-01-02T00:00:00.000","vulnStatus":"Analyzed","metrics":{}}}]}
        """);
    Path euvd = dir.resolve("euvd.json");
    Files.writeString(
        euvd, "[{\"id\":\"EUVD-2099-7\",\"aliases\":\"CVE-2099-0007\",\"dateUpdated\":\"x\"}]");
    Path github = dir.resolve("github.json");
    Files.writeString(github, GITHUB);

    var r =
        upload(
            "--nvd",
            nvd.toString(),
            "--euvd-exploited",
            euvd.toString(),
            "--github",
            github.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("nvd.json: 1 NVD CVEs, 1 added")
        .contains("euvd.json: 1 EUVD records, 1 added, 0 updated, 0 unchanged, 1 exploited")
        .contains("github.json: 1 GitHub advisories, 1 added");
  }

  @Test
  void githubAdvisoriesGoIntoAnOfflineIndexAsOsvRecords(@TempDir Path dir) throws IOException {
    Path github = dir.resolve("github.json");
    Files.writeString(github, GITHUB);
    Path index = dir.resolve("advisories.idx");
    var r =
        Cli.run("advisories", "import", "--github", github.toString(), "--index", index.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("1 GitHub advisories as OSV records (0 withdrawn)");
    assertThat(index).exists();
    var nvd =
        Cli.run("advisories", "import", "--nvd", github.toString(), "--index", index.toString());
    assertThat(nvd.code()).isEqualTo(3);
    assertThat(nvd.err()).contains("uploaded with --server");
  }

  @Test
  void withoutAnIndexOrAServerTheCommandSaysWhatIsMissing(@TempDir Path dir) {
    var r = Cli.run("advisories", "import", dir.toString(), "--server", "");
    assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err()).contains("--index").contains("--server");
  }

  @Test
  void aWrongTokenIsRefused(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("x.json");
    Files.writeString(file, "{\"id\":\"CLI-X\",\"modified\":\"2025-01-01T00:00:00Z\"}");
    var r = Cli.run("advisories", "import", file.toString(), "--server", url, "--token", "nope");
    assertThat(r.code()).isNotZero();
  }
}
