package dev.craft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.craft.formats.CsafValidator;
import dev.craft.server.CraftServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code craft vex export} and {@code craft vex push} against the demo: the gateway 4.1.0's VEX
 * validates as CSAF, and pushing a statement that its KEV finding is fixed clears the release gate.
 */
class VexServerCommandTest {
  static final String PRODUCT = "Nordlicht Home Gateway";
  static final ObjectMapper JSON = new ObjectMapper();
  static CraftServer server;
  static String url;

  @BeforeAll
  static void start() {
    server = LiveServer.start(true);
    url = LiveServer.url(server);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static Cli.Result run(String... args) {
    String[] all = java.util.Arrays.copyOf(args, args.length + 4);
    all[args.length] = "--server";
    all[args.length + 1] = url;
    all[args.length + 2] = "--token";
    all[args.length + 3] = LiveServer.TOKEN;
    return Cli.run(all);
  }

  @Test
  void theExportedCsafValidatesAndAPushedFixClearsTheGate(@TempDir Path dir) throws IOException {
    Path csaf = dir.resolve("gateway.csaf.json");
    Cli.Result exported =
        run(
            "vex",
            "export",
            "--product",
            PRODUCT,
            "--release",
            "4.1.0",
            "--format",
            "csaf",
            "-o",
            csaf.toString());
    assertThat(exported.code()).as(exported.err()).isZero();
    assertThat(CsafValidator.validate(Files.readAllBytes(csaf))).isEmpty();

    Cli.Result openvex = run("vex", "export", "--product", PRODUCT, "--release", "4.1.0");
    assertThat(openvex.code()).as(openvex.err()).isZero();
    ObjectNode doc = (ObjectNode) JSON.readTree(openvex.out());
    ArrayNode kept = JSON.createArrayNode();
    for (JsonNode st : doc.get("statements")) {
      if (st.path("vulnerability").path("name").asText().equals("DEMO-2021-0001")) {
        ObjectNode fixed = st.deepCopy();
        fixed.put("status", "fixed");
        fixed.remove("status_notes");
        kept.add(fixed);
      }
    }
    assertThat(kept).isNotEmpty();
    doc.set("statements", kept);
    Path fix = dir.resolve("fix.openvex.json");
    Files.writeString(fix, doc.toString(), StandardCharsets.UTF_8);

    assertThat(run("gate", "--product", PRODUCT, "--release", "4.1.0").code()).isEqualTo(4);
    // No --release: the statement names "Nordlicht Home Gateway 4.1.0", so that release only.
    Cli.Result pushed = run("vex", "push", "--product", PRODUCT, fix.toString());
    assertThat(pushed.code()).as(pushed.err()).isZero();
    assertThat(pushed.out())
        .contains("applied   DEMO-2021-0001")
        .contains("(release:")
        .contains("0 statement(s) unmatched");
    Cli.Result gate = run("gate", "--product", PRODUCT, "--release", "4.1.0");
    assertThat(gate.code()).as(gate.out()).isZero();

    Cli.Result again =
        run("vex", "push", "--product", PRODUCT, "--release", "4.1.0", fix.toString());
    assertThat(again.out()).contains("0 decision(s) applied");
  }

  @Test
  void anUnreadableDocumentIsRefusedWithExit3(@TempDir Path dir) throws IOException {
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{\"not\":\"vex\"}");
    Cli.Result r = run("vex", "push", "--product", PRODUCT, bad.toString());
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).contains("not a VEX document");
  }
}
