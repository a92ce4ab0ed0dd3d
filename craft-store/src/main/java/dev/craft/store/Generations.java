package dev.craft.store;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** The generations of the enrichment feeds (V21): each counts the transactions that changed it. */
final class Generations {
  private Generations() {}

  static long of(Jdbi jdbi, String feed) {
    return jdbi.withHandle(h -> of(h, feed));
  }

  static long of(Handle h, String feed) {
    return h.createQuery("SELECT n FROM enrichment_generation WHERE feed = :feed")
        .bind("feed", feed)
        .mapTo(Long.class)
        .one();
  }
}
