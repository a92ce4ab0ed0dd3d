package dev.craft.server;

import static dev.craft.server.Browserless.json;
import static dev.craft.server.TestServer.ADMIN_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bouncycastle.bcpg.PublicKeyPacket;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.api.OpenPGPCertificate;
import org.bouncycastle.openpgp.api.OpenPGPKey;
import org.bouncycastle.openpgp.api.OpenPGPKeyReader;
import org.bouncycastle.openpgp.api.bc.BcOpenPGPApi;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentVerifierBuilderProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CVD OpenPGP key: a cleartext-signed security.txt (RFC 9116 section 2.3) and reports encrypted
 * client-side to the published key.
 */
class CvdOpenPgpTest {
  @TempDir static Path dir;
  static TestServer s;

  @BeforeAll
  static void start() throws Exception {
    OpenPGPKey key =
        new BcOpenPGPApi()
            .generateKey(PublicKeyPacket.VERSION_4)
            .ed25519x25519Key("PSIRT <psirt@nordlicht.example>")
            .build();
    Path file = dir.resolve("cvd.asc");
    Files.writeString(file, key.toAsciiArmoredString());
    s =
        TestServer.start(
            Map.of(
                "cvd.openpgp-key", file.toString(),
                "cvd.max-report-chars", "4000",
                "cvd.max-reports-per-hour", "100",
                "public-url", "https://craft.nordlicht.example"));
  }

  @AfterAll
  static void stop() {
    s.close();
  }

  static OpenPGPCertificate publishedKey() throws IOException {
    var r = s.get("/pgp-key.txt");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).startsWith("-----BEGIN PGP PUBLIC KEY BLOCK-----");
    return new OpenPGPKeyReader().parseCertificate(r.body());
  }

  @Test
  void securityTxtIsCleartextSignedAndVerifiesAgainstThePublishedKey() throws Exception {
    String signed = s.get("/.well-known/security.txt").body();
    assertThat(signed)
        .startsWith("-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA512\n\n")
        .contains("Encryption: https://craft.nordlicht.example/pgp-key.txt")
        .contains("-----BEGIN PGP SIGNATURE-----");
    var cert = publishedKey();
    assertThat(verify(signed, cert)).isTrue();

    String edited = signed.replace("Preferred-Languages: en", "Preferred-Languages: de");
    assertThat(edited).isNotEqualTo(signed);
    assertThat(verify(edited, cert)).isFalse();
    // Trailing whitespace is not part of the signed text (RFC 4880 section 7.1).
    assertThat(verify(signed.replace("Preferred-Languages: en", "Preferred-Languages: en  "), cert))
        .isTrue();
  }

  @Test
  void aReportEncryptedToThePublishedKeyIsStoredAsReceivedAndShownDecryptedToThePsirt()
      throws Exception {
    String secret = "Heap overflow in the MQTT parser; PoC: 0x41 * 5000";
    String armored = encrypt(secret, publishedKey());
    var r = submit("Memory corruption in a parser", armored);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    long id = json(r).get("id").asLong();

    var view = json(s.get("/api/v1/cvd/reports/" + id, ADMIN_TOKEN));
    assertThat(view.get("report").get("encrypted").asBoolean()).isTrue();
    assertThat(view.get("report").get("description").asText())
        .startsWith("-----BEGIN PGP MESSAGE-----")
        .doesNotContain("MQTT");
    assertThat(view.get("decryptedDescription").asText()).isEqualTo(secret);

    var session = Browserless.login(s, "admin", TestServer.ADMIN_PASSWORD);
    var page =
        s.send(
            HttpRequest.newBuilder(s.uri("/cvd/" + id)).header("Cookie", session.cookie()).GET());
    assertThat(page.body()).contains("Heap overflow in the MQTT parser");
  }

  @Test
  void aMessageForAnotherKeyOrNotAMessageAtAllIsRefusedWithTheReason() throws Exception {
    OpenPGPKey other =
        new BcOpenPGPApi()
            .generateKey(PublicKeyPacket.VERSION_4)
            .ed25519x25519Key("someone else")
            .build();
    var wrongKey = submit("Wrong key", encrypt("hello", other.toCertificate()));
    assertThat(wrongKey.statusCode()).isEqualTo(400);
    assertThat(wrongKey.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(json(wrongKey).get("detail").asText()).contains("not encrypted to our key");

    var garbage =
        submit(
            "Garbage",
            "-----BEGIN PGP MESSAGE-----\n\nbm90IGEgbWVzc2FnZQ==\n-----END PGP MESSAGE-----\n");
    assertThat(garbage.statusCode()).isEqualTo(400);
    assertThat(json(garbage).get("detail").asText()).contains("description");

    var tooLong = submit("Too long", encrypt("x".repeat(4000), publishedKey()));
    assertThat(tooLong.statusCode()).isEqualTo(400);
    assertThat(json(tooLong).get("detail").asText()).contains("description");
  }

  static HttpResponse<String> submit(String title, String description) throws Exception {
    return submit(s, title, description);
  }

  static HttpResponse<String> submit(TestServer server, String title, String description)
      throws Exception {
    String body =
        new ObjectMapper().writeValueAsString(Map.of("title", title, "description", description));
    return server.send(
        HttpRequest.newBuilder(server.uri("/api/public/reports"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** What a researcher does with the published key. */
  static String encrypt(String text, OpenPGPCertificate to) throws Exception {
    var out = new ByteArrayOutputStream();
    try (var os =
        new BcOpenPGPApi()
            .signAndOrEncryptMessage()
            .addEncryptionCertificate(to)
            .setArmored(true)
            .open(out)) {
      os.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return out.toString(StandardCharsets.US_ASCII);
  }

  /**
   * Verifies a cleartext-signed document as RFC 4880 section 7 describes it, independently of the
   * server's code: undo dash-escaping, drop trailing whitespace, join lines with CRLF.
   */
  static boolean verify(String document, OpenPGPCertificate cert) throws IOException, PGPException {
    String[] parts = document.split("-----BEGIN PGP SIGNATURE-----", 2);
    String head = parts[0];
    int bodyStart = head.indexOf("\n\n");
    String[] lines = head.substring(bodyStart + 2).split("\r?\n", -1);
    List<String> text = new ArrayList<>();
    for (String line : lines) {
      text.add((line.startsWith("- ") ? line.substring(2) : line).stripTrailing());
    }
    text.removeLast(); // the line break before the signature is not signed
    byte[] signedBytes = String.join("\r\n", text).getBytes(StandardCharsets.UTF_8);

    byte[] armoredSig =
        ("-----BEGIN PGP SIGNATURE-----" + parts[1]).getBytes(StandardCharsets.US_ASCII);
    try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(armoredSig))) {
      var list = (PGPSignatureList) new BcPGPObjectFactory(in).nextObject();
      PGPSignature sig = list.get(0);
      PGPPublicKey key = null;
      for (var k : cert.getPGPPublicKeyRing()) {
        if (sig.getKeyIdentifiers().stream().anyMatch(id -> id.matches(k.getKeyIdentifier()))) {
          key = k;
        }
      }
      assertThat(key).as("signed by a key of the published certificate").isNotNull();
      sig.init(new BcPGPContentVerifierBuilderProvider(), key);
      sig.update(signedBytes);
      return sig.verify();
    }
  }
}
