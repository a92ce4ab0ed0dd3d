package dev.craft.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class MigrationHistoryTest {
  /** V15's checksum as the stop-10 build recorded it (the text the file holds). */
  private static final int V15_FILE = 1636991150;

  /** V15's checksum as the stop-11 build recorded it (a rewrapped comment). */
  private static final int V15_REWRAPPED = -665709916;

  @Test
  void aDatabaseMigratedWithV15sRewrappedCommentStartsAndOtherMismatchesStillFail()
      throws SQLException {
    DbSettings settings = TestDatabase.fresh();
    Database.open(settings).close();
    assertThat(v15Checksum(settings)).isEqualTo(V15_FILE);

    setV15Checksum(settings, V15_REWRAPPED);
    Database.open(settings).close();
    assertThat(v15Checksum(settings)).isEqualTo(V15_FILE);

    setV15Checksum(settings, 12345);
    assertThatThrownBy(() -> Database.open(settings))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("Validate failed");
    assertThat(v15Checksum(settings)).isEqualTo(12345);
  }

  private static int v15Checksum(DbSettings s) throws SQLException {
    try (var c = DriverManager.getConnection(s.url(), s.user(), s.password());
        var rs =
            c.createStatement()
                .executeQuery("SELECT checksum FROM flyway_schema_history WHERE version = '15'")) {
      assertThat(rs.next()).isTrue();
      return rs.getInt(1);
    }
  }

  private static void setV15Checksum(DbSettings s, int checksum) throws SQLException {
    try (var c = DriverManager.getConnection(s.url(), s.user(), s.password());
        var update =
            c.prepareStatement(
                "UPDATE flyway_schema_history SET checksum = ? WHERE version = '15'")) {
      update.setInt(1, checksum);
      assertThat(update.executeUpdate()).isEqualTo(1);
    }
  }
}
