package dev.craft.store;

import dev.craft.core.Actor;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/**
 * The findings of a product's (or one release's) current SBOMs, and its manual findings (V11), with
 * their effective decisions.
 */
public final class VexQueries {
  private static final String SELECT =
      """
      SELECT f.id AS finding_id, r.id AS release_id, r.version AS release_version,
        f.vulnerability_id, f.aliases, f.purl, f.name, f.version,
        coalesce(c.ref, '') AS component_ref,
        coalesce(c.package_key, f.package_key) AS package_key, d.state, d.justification,
        d.response, d.detail
      FROM finding_all f LEFT JOIN sbom s ON s.id = f.sbom_id AND s.replaced_at IS NULL
        JOIN release r ON r.id = f.release_id AND (f.sbom_id IS NULL OR s.id IS NOT NULL)
        LEFT JOIN sbom_component c ON c.sbom_id = f.sbom_id AND c.ordinal = f.component_ordinal
        LEFT JOIN LATERAL (
          SELECT d.* FROM triage_decision d
          WHERE d.product_id = r.product_id AND d.vulnerability_id = f.vulnerability_id
            AND d.package_key = coalesce(c.package_key, f.package_key) AND %s
          ORDER BY CASE d.scope WHEN 'release' THEN 0 WHEN 'range' THEN 1 ELSE 2 END,
            d.updated_at DESC
          LIMIT 1) d ON true
      WHERE r.product_id = :p AND (:r = 0 OR r.id = :r)
      ORDER BY r.id, f.vulnerability_id, f.purl, f.id
      """
          .formatted(TriageQueries.IN_SCOPE);

  private final Jdbi jdbi;

  public VexQueries(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** The findings of every release of the product, or of one release when given. */
  public List<VexFinding> findings(Actor actor, long productId, Optional<Long> releaseId) {
    return jdbi.withHandle(
        h -> {
          if (releaseId.isPresent()) {
            ReleaseCheck.require(h, actor, productId, releaseId.get());
          } else {
            ProductStore.requireVisible(h, actor, productId);
          }
          return h.createQuery(SELECT)
              .bind("p", productId)
              .bind("r", releaseId.orElse(0L))
              .map(ConstructorMapper.of(VexFinding.class))
              .list();
        });
  }
}
