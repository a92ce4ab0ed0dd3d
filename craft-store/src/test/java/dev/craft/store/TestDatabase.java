package dev.craft.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

/**
 * A fresh, empty PostgreSQL database for each caller: on the server named by {@code
 * CRAFT_TEST_DB_URL} (CI starts one), otherwise on an embedded PostgreSQL shared by the whole test
 * JVM.
 */
public final class TestDatabase {
  private static String adminUrl = "";
  private static String user = "";
  private static String password = "";

  private TestDatabase() {}

  public static synchronized DbSettings fresh() {
    if (adminUrl.isEmpty()) {
      String url = System.getenv("CRAFT_TEST_DB_URL");
      if (url != null && !url.isBlank()) {
        adminUrl = url;
        user = envOr("CRAFT_TEST_DB_USER", "postgres");
        password = envOr("CRAFT_TEST_DB_PASSWORD", "postgres");
      } else {
        try {
          Path dir = Files.createTempDirectory("craft-test-pg");
          EmbeddedDatabase embedded = EmbeddedDatabase.start(dir);
          adminUrl = "jdbc:postgresql://localhost:" + embedded.port() + "/postgres";
          user = "postgres";
          password = "postgres";
        } catch (java.io.IOException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    String name = "craft_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (var c = DriverManager.getConnection(adminUrl, user, password);
        var s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create test database on " + adminUrl, e);
    }
    String url = adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + name;
    return new DbSettings(url, user, password, 5);
  }

  /**
   * How many transactions wrote the findings of {@code releaseId} still stored (each row's and
   * pack's creating transaction, {@code xmin}): tells one writer from findings written in parts.
   */
  public static long findingWriters(org.jdbi.v3.core.Jdbi jdbi, long releaseId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT count(DISTINCT x) FROM (SELECT xmin::text AS x FROM finding"
                        + " WHERE release_id = :r UNION ALL SELECT xmin::text FROM finding_pack"
                        + " WHERE release_id = :r) t")
                .bind("r", releaseId)
                .mapTo(Long.class)
                .one());
  }

  private static String envOr(String key, String fallback) {
    String v = System.getenv(key);
    return v == null || v.isBlank() ? fallback : v;
  }
}
