package dev.craft.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.craft.core.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @Test
  void defaultsGiveAnEmbeddedDatabaseOnPort8080() {
    var c = ConfigLoader.load(Optional.empty(), Map.of(), Map.of());
    assertThat(c.port()).isEqualTo(8080);
    assertThat(c.embeddedDatabase()).isTrue();
    assertThat(c.dataDir()).isEqualTo(Path.of("craft-data"));
    assertThat(c.sessionTtl()).isEqualTo(Duration.ofHours(8));
    assertThat(c.cookieSecure()).isTrue();
  }

  @Test
  void aDemoInstanceGeneratesItsCvdKeyUnlessToldOtherwise() {
    assertThat(ConfigLoader.load(Optional.empty(), Map.of(), Map.of()).cvd().openpgpKey())
        .isEmpty();
    assertThat(
            ConfigLoader.load(Optional.empty(), Map.of(), Map.of("demo", "true"))
                .cvd()
                .openpgpKey())
        .isEqualTo("generate");
    assertThat(
            ConfigLoader.load(
                    Optional.empty(),
                    Map.of("CRAFT_CVD_OPENPGP_KEY", "/keys/cvd.asc"),
                    Map.of("demo", "true"))
                .cvd()
                .openpgpKey())
        .isEqualTo("/keys/cvd.asc");
  }

  @Test
  void flagsBeatEnvironmentWhichBeatsTheFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("craft.yaml");
    Files.writeString(
        file, "port: 7000\ndb:\n  url: jdbc:postgresql://db/craft\n  user: fromfile\n");
    var c =
        ConfigLoader.load(
            Optional.of(file),
            Map.of("CRAFT_PORT", "7100", "CRAFT_DB_USER", "fromenv", "CRAFT_UNRELATED", "x"),
            Map.of("port", "7200"));
    assertThat(c.port()).isEqualTo(7200);
    assertThat(c.dbUser()).isEqualTo("fromenv");
    assertThat(c.dbUrl()).isEqualTo("jdbc:postgresql://db/craft");
    assertThat(c.embeddedDatabase()).isFalse();
  }

  @Test
  void anInvalidValueNamesTheKeyAndWhereItCameFrom() {
    assertThatThrownBy(
            () -> ConfigLoader.load(Optional.empty(), Map.of("CRAFT_PORT", "eighty"), Map.of()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'port'")
        .hasMessageContaining("CRAFT_PORT")
        .hasMessageContaining("eighty");
    assertThatThrownBy(
            () -> ConfigLoader.load(Optional.empty(), Map.of(), Map.of("session.ttl", "8 hours")))
        .hasMessageContaining("'session.ttl'");
    assertThatThrownBy(
            () -> ConfigLoader.load(Optional.empty(), Map.of(), Map.of("db.url", "mysql://x")))
        .hasMessageContaining("'db.url'");
  }

  @Test
  void anUnknownKeyInTheFileIsRefused(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("craft.yaml");
    Files.writeString(file, "prot: 8080\n");
    assertThatThrownBy(() -> ConfigLoader.load(Optional.of(file), Map.of(), Map.of()))
        .hasMessageContaining("'prot'")
        .hasMessageContaining("unknown key");
  }

  @Test
  void environmentVariableNamesFollowTheKeys() {
    assertThat(ConfigLoader.envName("db.url")).isEqualTo("CRAFT_DB_URL");
    assertThat(ConfigLoader.envName("data-dir")).isEqualTo("CRAFT_DATA_DIR");
    assertThat(ConfigLoader.envName("admin.token")).isEqualTo("CRAFT_ADMIN_TOKEN");
  }
}
