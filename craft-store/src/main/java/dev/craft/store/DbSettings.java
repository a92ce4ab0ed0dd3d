package dev.craft.store;

/** Where the PostgreSQL database is and how to log in. */
public record DbSettings(String url, String user, String password, int maxPoolSize) {
  public DbSettings {
    if (!url.startsWith("jdbc:postgresql:")) {
      throw new StoreException("db.url: must be a jdbc:postgresql: URL, got " + url);
    }
    if (maxPoolSize < 1) {
      throw new StoreException("db.pool-size: must be at least 1");
    }
  }
}
