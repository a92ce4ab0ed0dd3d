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

class SbomPushCommandTest {
  static CraftServer server;
  static String url;

  static final String SBOM =
      """
      {"bomFormat":"CycloneDX","specVersion":"1.6","version":1,
       "metadata":{"component":{"type":"application","bom-ref":"app","name":"ci-app","version":"1.2.3"}},
       "components":[{"type":"library","bom-ref":"lib","name":"left-pad","version":"1.3.0","purl":"pkg:npm/left-pad@1.3.0"}],
       "dependencies":[{"ref":"app","dependsOn":["lib"]},{"ref":"lib","dependsOn":[]}]}
      """;

  @BeforeAll
  static void start() {
    server = LiveServer.start(false);
    url = LiveServer.url(server);
    assertThat(
            Cli.run(
                    "products",
                    "create",
                    "--server",
                    url,
                    "--token",
                    LiveServer.TOKEN,
                    "--name",
                    "CI App")
                .code())
        .isZero();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void pushCreatesTheReleaseWhenAskedAndStoresTheSbom(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("bom.json");
    Files.writeString(file, SBOM);
    var missing =
        Cli.run(
            "sbom",
            "push",
            file.toString(),
            "--server",
            url,
            "--token",
            LiveServer.TOKEN,
            "--product",
            "CI App",
            "--release",
            "1.2.3");
    assertThat(missing.code()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(missing.err()).contains("--create");

    var pushed =
        Cli.run(
            "sbom",
            "push",
            file.toString(),
            "--server",
            url,
            "--token",
            LiveServer.TOKEN,
            "--product",
            "CI App",
            "--release",
            "1.2.3",
            "--create");
    assertThat(pushed.code()).as(pushed.err()).isZero();
    assertThat(pushed.out())
        .contains("stored cyclonedx 1.6 SBOM with 2 components")
        .contains("cra:");

    var again =
        Cli.run(
            "sbom",
            "push",
            file.toString(),
            "--server",
            url,
            "--token",
            LiveServer.TOKEN,
            "--product",
            "CI App",
            "--release",
            "1.2.3");
    assertThat(again.code()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(again.err()).contains("409");
  }

  @Test
  void anInvalidSbomIsRefusedWithExitThree(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("bad.json");
    Files.writeString(
        file,
        "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"components\":[{\"type\":\"nope\"}]}");
    var r =
        Cli.run(
            "sbom",
            "push",
            file.toString(),
            "--server",
            url,
            "--token",
            LiveServer.TOKEN,
            "--product",
            "CI App",
            "--release",
            "9.9.9",
            "--create");
    assertThat(r.code()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err()).contains("400");
  }
}
