package dev.craft.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.craft.core.AuditCheckpoint;
import dev.craft.core.AuditEntry;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.postgres.PostgresPlugin;

/** The connection pool, the migrated schema and the JDBI handle factory. */
public final class Database implements AutoCloseable {
  private final HikariDataSource dataSource;
  private final Jdbi jdbi;

  private Database(HikariDataSource dataSource) {
    this.dataSource = dataSource;
    this.jdbi = Jdbi.create(dataSource).installPlugin(new PostgresPlugin());
    for (Class<?> row :
        List.of(
            AuditEntry.class,
            AuditCheckpoint.class,
            UserRow.class,
            ProductRow.class,
            ReleaseRow.class,
            SessionRow.class,
            TokenRow.class,
            TeamRow.class,
            CaseRow.class,
            CaseScopeRow.class,
            SubmissionRow.class,
            IntermediateRequestRow.class,
            EscalationStore.Sent.class,
            SbomRow.class,
            SbomComponentRow.class,
            CvdReportRow.class,
            CsafStore.CsafRow.class,
            CsafRevisionStore.RevisionRow.class,
            PortfolioSummary.class,
            CvdMessageRow.class,
            ScopeRow.class,
            ClassificationRow.class,
            SupportPlanRow.class,
            RiskAssessmentRow.class,
            AdvisoryStore.AdvisoryRow.class,
            AdvisoryStore.AliasRow.class,
            FindingStore.FindingRow.class,
            FindingStore.AffectedRelease.class,
            TriageDecision.class,
            TriageHistoryRow.class,
            TriagedFinding.class)) {
      jdbi.registerRowMapper(ConstructorMapper.factory(row));
    }
  }

  /**
   * Connects and brings the schema up to date; fails with a message naming the database on any
   * problem.
   */
  public static Database open(DbSettings settings) {
    var config = new HikariConfig();
    config.setJdbcUrl(settings.url());
    config.setUsername(settings.user());
    config.setPassword(settings.password());
    config.setMaximumPoolSize(settings.maxPoolSize());
    config.setPoolName("craft");
    config.setConnectionTimeout(10_000);
    // One round trip per batch instead of per row: matters for 10,000-component SBOMs.
    config.addDataSourceProperty("reWriteBatchedInserts", "true");
    HikariDataSource dataSource;
    try {
      dataSource = new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new StoreException(
          "cannot connect to the database at " + settings.url() + ": " + rootMessage(e), e);
    }
    try {
      acceptRewrittenChecksums(dataSource);
      Flyway.configure()
          .dataSource(dataSource)
          .locations("classpath:db/migration")
          .load()
          .migrate();
    } catch (FlywayException | java.sql.SQLException e) {
      dataSource.close();
      throw new StoreException(
          "cannot migrate the database at " + settings.url() + ": " + rootMessage(e), e);
    }
    return new Database(dataSource);
  }

  /**
   * A migration whose text changed after a build had shipped it (a comment only): a database
   * migrated by that build recorded {@code recorded}, the migration file's text gives {@code file}.
   * Flyway refuses to start on a checksum it does not know; such a database is recorded as migrated
   * by the file's text, which runs the same statements. Any other mismatch still fails validation.
   */
  private record RewrittenChecksum(String version, int recorded, int file) {}

  private static final List<RewrittenChecksum> REWRITTEN =
      List.of(
          // V15's comment was rewrapped and one figure in it changed by the stop-11 build; the file
          // holds the text first shipped (stop 10) again.
          new RewrittenChecksum("15", -665709916, 1636991150));

  private static void acceptRewrittenChecksums(javax.sql.DataSource dataSource)
      throws java.sql.SQLException {
    try (var c = dataSource.getConnection()) {
      try (var exists = c.prepareStatement("SELECT to_regclass('flyway_schema_history')");
          var rs = exists.executeQuery()) {
        if (!rs.next() || rs.getString(1) == null) {
          return;
        }
      }
      try (var update =
          c.prepareStatement(
              "UPDATE flyway_schema_history SET checksum = ? WHERE version = ? AND checksum = ?")) {
        for (RewrittenChecksum r : REWRITTEN) {
          update.setInt(1, r.file());
          update.setString(2, r.version());
          update.setInt(3, r.recorded());
          update.executeUpdate();
        }
      }
    }
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  /** True while the pool can hand out a working connection. */
  public boolean ready() {
    try {
      return jdbi.withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one()) == 1;
    } catch (RuntimeException e) {
      return false;
    }
  }

  @Override
  public void close() {
    dataSource.close();
  }

  static String rootMessage(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
  }
}
