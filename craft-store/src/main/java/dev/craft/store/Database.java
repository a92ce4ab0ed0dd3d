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
      Flyway.configure()
          .dataSource(dataSource)
          .locations("classpath:db/migration")
          .load()
          .migrate();
    } catch (FlywayException e) {
      dataSource.close();
      throw new StoreException(
          "cannot migrate the database at " + settings.url() + ": " + rootMessage(e), e);
    }
    return new Database(dataSource);
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
