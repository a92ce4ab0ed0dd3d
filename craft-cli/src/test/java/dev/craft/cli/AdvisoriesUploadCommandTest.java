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
