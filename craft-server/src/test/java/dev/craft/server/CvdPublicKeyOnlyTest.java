package dev.craft.server;

import static dev.craft.server.Browserless.json;
import static dev.craft.server.TestServer.ADMIN_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.bouncycastle.bcpg.PublicKeyPacket;
import org.bouncycastle.openpgp.api.OpenPGPKey;
import org.bouncycastle.openpgp.api.bc.BcOpenPGPApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Only the public CVD key on the server: reports are checked, not decrypted; nothing is signed. */
class CvdPublicKeyOnlyTest {
  @TempDir Path dir;

  @Test
  void withoutTheSecretKeyEncryptedReportsAreAcceptedButNotDecryptedAndSecurityTxtIsUnsigned()
      throws Exception {
    OpenPGPKey key =
        new BcOpenPGPApi()
            .generateKey(PublicKeyPacket.VERSION_4)
            .ed25519x25519Key("PSIRT <psirt@nordlicht.example>")
            .build();
    Path file = dir.resolve("cvd-public.asc");
    Files.writeString(file, key.toCertificate().toAsciiArmoredString());
    try (var s =
        TestServer.start(
            Map.of("cvd.openpgp-key", file.toString(), "cvd.max-reports-per-hour", "100"))) {
      String txt = s.get("/.well-known/security.txt").body();
      assertThat(txt).doesNotContain("BEGIN PGP").contains("Encryption: ").contains("/pgp-key.txt");

      var r =
          CvdOpenPgpTest.submit(
              s, "Encrypted", CvdOpenPgpTest.encrypt("secret", key.toCertificate()));
      assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
      var view = json(s.get("/api/v1/cvd/reports/" + json(r).get("id").asLong(), ADMIN_TOKEN));
      assertThat(view.get("report").get("encrypted").asBoolean()).isTrue();
      assertThat(view.get("decryptionError").asText()).contains("secret key");
    }
  }
}
