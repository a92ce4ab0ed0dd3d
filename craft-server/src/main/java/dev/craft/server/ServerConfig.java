package dev.craft.server;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The server's configuration: typed, immutable, validated once at start-up by {@link ConfigLoader}.
 * Empty strings mean "not set" for the optional texts. Every key is documented in
 * docs/configuration.md.
 */
public record ServerConfig(
    String host,
    int port,
    Path dataDir,
    String dbUrl,
    String dbUser,
    String dbPassword,
    int dbPoolSize,
    String adminPassword,
    String adminToken,
    boolean demo,
    URI publicUrl,
    long maxBodyBytes,
    Duration sessionTtl,
    boolean cookieSecure,
    int loginMaxFailures,
    Duration loginWindow,
    Duration auditCheckpointInterval,
    String logFormat,
    EscalationSettings escalation,
    CvdSettings cvd,
    FeedSettings feeds,
    CsafSettings csaf,
    TriageSettings triage) {

  /** True when CRAFT must start its own PostgreSQL (no {@code db.url} configured). */
  public boolean embeddedDatabase() {
    return dbUrl.isEmpty();
  }
}
