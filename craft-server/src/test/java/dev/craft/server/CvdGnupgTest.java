package dev.craft.server;

import static dev.craft.server.Browserless.json;
import static dev.craft.server.TestServer.ADMIN_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The key CRAFT generates works with the tool researchers use: GnuPG imports it, verifies the
 * signed security.txt and encrypts a report to it, which the PSIRT then reads decrypted. Skipped
 * where no {@code gpg} is installed (.ci/run installs it).
 */
class CvdGnupgTest {
  private static final Path GPG = Path.of("/usr/bin/gpg");

  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  private Run gpg(Path home, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(GPG.toString(), "--homedir", home.toString()));
    cmd.addAll(List.of("--batch", "--no-tty"));
    cmd.addAll(List.of(args));
    Process p =
        new ProcessBuilder(cmd)
            .redirectOutput(dir.resolve("gpg.out").toFile())
            .redirectError(dir.resolve("gpg.err").toFile())
            .start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("gpg finishes").isTrue();
    return new Run(
        p.exitValue(),
        Files.readString(dir.resolve("gpg.out")),
        Files.readString(dir.resolve("gpg.err")));
  }

  @Test
  void gnupgImportsTheGeneratedKeyVerifiesSecurityTxtAndEncryptsAReport() throws Exception {
    assumeTrue(Files.isExecutable(GPG), "GnuPG (/usr/bin/gpg) is not installed");
    try (var s = TestServer.start(Map.of("cvd.openpgp-key", "generate"))) {
      Path home = Files.createDirectories(dir.resolve("gnupg"));
      Files.setPosixFilePermissions(
          home, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
      Path key = dir.resolve("key.asc");
      Files.writeString(key, s.get("/pgp-key.txt").body());
      Run imported = gpg(home, "--import", key.toString());
      assertThat(imported.code()).as(imported.err()).isZero();
      assertThat(imported.err()).contains("imported: 1");

      Path securityTxt = dir.resolve("security.txt");
      Files.writeString(securityTxt, s.get("/.well-known/security.txt").body());
      Run verified = gpg(home, "--verify", securityTxt.toString());
      assertThat(verified.code()).as(verified.err()).isZero();
      assertThat(verified.err()).contains("Good signature");

      String secret = "Command injection in the diagnostics page; PoC attached";
      Path plain = dir.resolve("report.txt");
      Files.writeString(plain, secret);
      Path armored = dir.resolve("report.asc");
      Run encrypted =
          gpg(
              home,
              "--trust-model",
              "always",
              "--armor",
              "--encrypt",
              "--recipient",
              "CRAFT coordinated vulnerability disclosure",
              "--output",
              armored.toString(),
              plain.toString());
      assertThat(encrypted.code()).as(encrypted.err()).isZero();

      var r =
          CvdOpenPgpTest.submit(
              s, "Injection in diagnostics", Files.readString(armored, StandardCharsets.US_ASCII));
      assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
      var view = json(s.get("/api/v1/cvd/reports/" + json(r).get("id").asLong(), ADMIN_TOKEN));
      assertThat(view.get("decryptedDescription").asText()).isEqualTo(secret);
    }
  }
}
