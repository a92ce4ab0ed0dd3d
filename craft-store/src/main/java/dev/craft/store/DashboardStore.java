package dev.craft.store;

import dev.craft.core.Actor;
import org.jdbi.v3.core.Jdbi;

/** The portfolio at a glance, scoped to what the viewer may see; one query. */
public final class DashboardStore {
  private final Jdbi jdbi;

  public DashboardStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public PortfolioSummary summary(Actor actor) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    WITH visible AS (
                      SELECT p.id FROM product p
                      WHERE NOT p.archived AND (:all OR %s)),
                    rel AS (
                      SELECT r.id, r.status, s.id AS sbom, s.component_count
                      FROM release r JOIN visible v ON v.id = r.product_id
                      LEFT JOIN sbom s ON s.release_id = r.id AND s.replaced_at IS NULL)
                    SELECT (SELECT count(*) FROM visible) AS products,
                           (SELECT count(*) FROM rel) AS releases,
                           (SELECT count(*) FROM rel WHERE status = 'released') AS released_releases,
                           (SELECT count(*) FROM rel WHERE status = 'released' AND sbom IS NOT NULL)
                             AS released_with_sbom,
                           (SELECT coalesce(sum(component_count), 0) FROM rel) AS components
                    """
                        .formatted(Sql.VISIBLE_TO_USER))
                .bind("all", actor.role().seesAllProducts())
                .bind("viewerId", actor.userId())
                .mapTo(PortfolioSummary.class)
                .one());
  }
}
