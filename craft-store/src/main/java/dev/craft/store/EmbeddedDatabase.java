package dev.craft.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A PostgreSQL server started by CRAFT itself, with its cluster in {@code <dataDir>/postgres} so
 * that data survives restarts. Used when no external database is configured (ADR 002).
 */
public final class EmbeddedDatabase implements AutoCloseable {
  private final EmbeddedPostgres postgres;

  private EmbeddedDatabase(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  public static EmbeddedDatabase start(Path dataDir) {
    Path cluster = dataDir.resolve("postgres").toAbsolutePath();
    try {
      Files.createDirectories(cluster);
      var postgres =
          EmbeddedPostgres.builder()
              .setDataDirectory(cluster)
              .setCleanDataDirectory(false)
              .setRegisterShutdownHook(true)
              .setServerConfig("max_connections", "100")
              .start();
      return new EmbeddedDatabase(postgres);
    } catch (IOException | RuntimeException e) {
      throw new StoreException(
          "cannot start the embedded PostgreSQL in " + cluster + ": " + Database.rootMessage(e), e);
    }
  }

  public DbSettings settings(int maxPoolSize) {
    return new DbSettings(
        postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres", maxPoolSize);
  }

  public int port() {
    return postgres.getPort();
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new StoreException("cannot stop the embedded PostgreSQL: " + e.getMessage(), e);
    }
  }
}
