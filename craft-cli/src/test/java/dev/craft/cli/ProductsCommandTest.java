package dev.craft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.craft.server.CraftServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ProductsCommandTest {
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

  @Test
  void createAProductAddAReleaseAndListThem() {
    var created =
        Cli.run(
            "products",
            "create",
            "--server",
            url,
            "--token",
            LiveServer.TOKEN,
            "--name",
            "CLI Box",
            "--type",
            "hardware");
    assertThat(created.code()).as(created.err()).isZero();
    assertThat(created.out().strip()).matches("\\d+");
    var release =
        Cli.run(
            "products",
            "add-release",
            "--server",
            url,
            "--token",
            LiveServer.TOKEN,
            "--product",
            "cli box",
            "--release",
            "2.0.1",
            "--status",
            "released");
    assertThat(release.code()).as(release.err()).isZero();
    var list =
        Cli.run(
            "products", "list", "--server", url, "--token", LiveServer.TOKEN, "--format", "json");
    assertThat(list.code()).isZero();
    assertThat(list.out()).contains("\"name\":\"CLI Box\"").contains("\"type\":\"hardware\"");
  }

  @Test
  void aServerRefusalIsExitThreeWithTheProblemDetail() {
    var bad =
        Cli.run(
            "products",
            "create",
            "--server",
            url,
            "--token",
            LiveServer.TOKEN,
            "--name",
            "X",
            "--type",
            "toaster");
    assertThat(bad.code()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(bad.err()).contains("400").contains("type: unknown value 'toaster'");
    var noToken = Cli.run("products", "list", "--server", url, "--token", "craft_nope");
    assertThat(noToken.code()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(noToken.err()).contains("401");
  }
}
