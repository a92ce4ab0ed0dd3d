package dev.craft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.craft.server.CraftServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exports the audit log of a real server, then tampers with it in every way and lets the verifier
 * judge.
 */
class AuditVerifyCommandTest {
  static final String TOKEN = LiveServer.TOKEN;
  static CraftServer server;
  static List<String> lines;
  static String publicKey;

  @BeforeAll
  static void exportFromARealServer() throws Exception {
    server = LiveServer.start(true);
    var http = HttpClient.newHttpClient();
    String base = "http://localhost:" + server.port();
    lines = get(http, base + "/api/v1/audit/export").lines().toList();
    publicKey = get(http, base + "/api/v1/audit/public-key");
    assertThat(lines).hasSizeGreaterThan(10);
  }

  static String get(HttpClient http, String url) throws IOException, InterruptedException {
    var response =
        http.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + TOKEN)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  Cli.Result verify(Path dir, List<String> export) throws IOException {
    Path file = dir.resolve("audit.jsonl");
    Path key = dir.resolve("audit.pem");
    Files.write(file, export);
    Files.writeString(key, publicKey);
    return Cli.run("audit", "verify", file.toString(), "--public-key", key.toString());
  }

  @Test
  void anUntouchedExportIsIntact(@TempDir Path dir) throws IOException {
    var result = verify(dir, lines);
    assertThat(result.code()).as(result.err()).isZero();
    assertThat(result.out()).startsWith("intact: ");
  }

  @Test
  void anEditedEntryIsDetectedAndNamed(@TempDir Path dir) throws IOException {
    List<String> edited = new ArrayList<>(lines);
    edited.set(4, edited.get(4).replace("\"actor\":\"system\"", "\"actor\":\"mallory\""));
    assertThat(edited.get(4)).contains("mallory");
    var result = verify(dir, edited);
    assertThat(result.code()).isEqualTo(ExitCodes.CHECK_FAILED);
    assertThat(result.err()).contains("entry seq 5").contains("edited");
  }

  @Test
  void aDeletedEntryIsDetected(@TempDir Path dir) throws IOException {
    List<String> deleted = new ArrayList<>(lines);
    deleted.remove(3);
    var result = verify(dir, deleted);
    assertThat(result.code()).isEqualTo(ExitCodes.CHECK_FAILED);
    assertThat(result.err()).contains("entry seq 5");
  }

  @Test
  void reorderedEntriesAreDetected(@TempDir Path dir) throws IOException {
    List<String> reordered = new ArrayList<>(lines);
    String a = reordered.get(2);
    reordered.set(2, reordered.get(3));
    reordered.set(3, a);
    var result = verify(dir, reordered);
    assertThat(result.code()).isEqualTo(ExitCodes.CHECK_FAILED);
    assertThat(result.err()).contains("entry seq 4");
  }

  @Test
  void anInsertedEntryIsDetected(@TempDir Path dir) throws IOException {
    List<String> inserted = new ArrayList<>(lines);
    inserted.add(2, lines.get(2));
    var result = verify(dir, inserted);
    assertThat(result.code()).isEqualTo(ExitCodes.CHECK_FAILED);
  }

  @Test
  void aTruncatedTailIsDetectedBecauseTheHeadIsSigned(@TempDir Path dir) throws IOException {
    List<String> entries = lines.stream().filter(l -> l.contains("\"type\":\"entry\"")).toList();
    List<String> cut = new ArrayList<>(entries.subList(0, entries.size() - 1));
    lines.stream().filter(l -> l.contains("\"type\":\"checkpoint\"")).forEach(cut::add);
    var result = verify(dir, cut);
    assertThat(result.code()).isEqualTo(ExitCodes.CHECK_FAILED);
  }

  @Test
  void aForeignKeyDoesNotVerifyTheCheckpoints(@TempDir Path dir) throws Exception {
    var other = java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    Path file = dir.resolve("audit.jsonl");
    Path key = dir.resolve("other.pem");
    Files.write(file, lines);
    Files.writeString(key, dev.craft.core.Pem.publicKey(other.getPublic()));
    var result = Cli.run("audit", "verify", file.toString(), "--public-key", key.toString());
    assertThat(result.code()).isEqualTo(ExitCodes.CHECK_FAILED);
    assertThat(result.err()).contains("signature");
  }

  @Test
  void anUnreadableExportIsInvalidInputWithoutAStackTrace(@TempDir Path dir) throws IOException {
    var result = verify(dir, List.of("this is not json"));
    assertThat(result.code()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(result.err().lines()).hasSize(1);
    assertThat(result.err()).doesNotContain("Exception");
  }
}
