package dev.craft.store;

import dev.craft.core.Actor;
import dev.craft.core.InvalidInputException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Findings with their effective triage decision (manual findings, without an SBOM, included: their
 * triage key is {@code finding.package_key}): for one release, a set of findings, the portfolio
 * inbox, and the release gate.
 */
public final class TriageQueries {
  /** Whether decision {@code d} covers the release of finding {@code f}. */
  static final String IN_SCOPE =
      """
      (d.release_id = f.release_id OR d.scope = 'product'
       OR (d.scope = 'range' AND EXISTS (SELECT 1 FROM triage_decision_release m
                                         WHERE m.decision_id = d.id AND m.release_id = f.release_id)))
      """;

  private static final String SELECT =
      """
      SELECT f.id AS finding_id, p.id AS product_id, p.name AS product_name, r.id AS release_id,
        r.version AS release_version, f.vulnerability_id, f.purl, f.version, f.status, f.severity,
        f.cvss, f.kev, f.epss, f.first_seen_at, d.id AS decision_id, d.scope_key, d.state,
        d.justification, d.response, d.detail, d.assignee, d.updated_by, d.updated_at,
        coalesce((SELECT pc.product_class FROM product_classification pc
                  WHERE pc.product_id = p.id), 'default') AS product_class
      FROM finding_all f LEFT JOIN sbom s ON s.id = f.sbom_id AND s.replaced_at IS NULL
        JOIN release r ON r.id = f.release_id AND (f.sbom_id IS NULL OR s.id IS NOT NULL)
        JOIN product p ON p.id = r.product_id
        LEFT JOIN sbom_component c ON c.sbom_id = f.sbom_id AND c.ordinal = f.component_ordinal
        LEFT JOIN LATERAL (
          SELECT d.* FROM triage_decision d
          WHERE d.product_id = r.product_id AND d.vulnerability_id = f.vulnerability_id
            AND d.package_key = coalesce(c.package_key, f.package_key) AND %s
          ORDER BY CASE d.scope WHEN 'release' THEN 0 WHEN 'range' THEN 1 ELSE 2 END,
            d.updated_at DESC
          LIMIT 1) d ON true
      """
          .formatted(IN_SCOPE);

  private static final String PRIORITY_ORDER =
      " ORDER BY f.kev DESC, f.cvss DESC, f.epss DESC, f.id";

  private final Jdbi jdbi;

  public TriageQueries(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** The release's current findings with their effective decisions, highest priority first. */
  public List<TriagedFinding> forRelease(Actor actor, long productId, long releaseId) {
    return jdbi.withHandle(
        h -> {
          ReleaseCheck.require(h, actor, productId, releaseId);
          return forRelease(h, releaseId);
        });
  }

  static List<TriagedFinding> forRelease(Handle h, long releaseId) {
    return h.createQuery(SELECT + " WHERE f.release_id = :r" + PRIORITY_ORDER)
        .bind("r", releaseId)
        .mapTo(TriagedFinding.class)
        .list();
  }

  /** A page of the inbox: findings of every visible product, KEV first, then CVSS, then EPSS. */
  public record InboxPage(List<TriagedFinding> items, long total) {
    public InboxPage {
      items = List.copyOf(items);
    }
  }

  /** The portfolio inbox; {@code state} empty means every state. */
  public InboxPage inbox(Actor actor, String state, int limit, int offset) {
    return inbox(actor, 0, state, limit, offset);
  }

  /**
   * The inbox of one product ({@code productId} 0: every visible product); {@code state} empty
   * means every state.
   */
  public InboxPage inbox(Actor actor, long productId, String state, int limit, int offset) {
    if (!state.isEmpty() && !TriageInput.STATES.contains(state)) {
      throw new InvalidInputException("state: one of " + TriageInput.STATES);
    }
    if (productId != 0) {
      jdbi.useHandle(h -> ProductStore.requireVisible(h, actor, productId));
    }
    String where =
        (" WHERE (:all OR %s) AND (:state = '' OR coalesce(d.state, 'in_triage') = :state)"
                + " AND (:product = 0 OR p.id = :product)")
            .formatted(Sql.VISIBLE_TO_USER);
    return jdbi.withHandle(
        h -> {
          List<TriagedFinding> items =
              h.createQuery(SELECT + where + PRIORITY_ORDER + " LIMIT :limit OFFSET :offset")
                  .bind("all", actor.role().seesAllProducts())
                  .bind("viewerId", actor.userId())
                  .bind("state", state)
                  .bind("product", productId)
                  .bind("limit", limit)
                  .bind("offset", offset)
                  .mapTo(TriagedFinding.class)
                  .list();
          long total =
              h.createQuery("SELECT count(*) FROM (" + SELECT + where + ") t")
                  .bind("all", actor.role().seesAllProducts())
                  .bind("viewerId", actor.userId())
                  .bind("state", state)
                  .bind("product", productId)
                  .mapTo(Long.class)
                  .one();
          return new InboxPage(items, total);
        });
  }

  /** One finding with its effective decision. */
  public Optional<TriagedFinding> finding(Actor actor, long productId, long findingId) {
    return jdbi.withHandle(
        h -> {
          ProductStore.requireVisible(h, actor, productId);
          return h.createQuery(
                  SELECT + " WHERE f.id = :f AND f.pack_base = finding_pack_base(:f) AND p.id = :p")
              .bind("f", findingId)
              .bind("p", productId)
              .mapTo(TriagedFinding.class)
              .findOne();
        });
  }

  /** The findings that keep the release from being placed on the market. */
  public List<TriagedFinding> blockers(Actor actor, long productId, long releaseId) {
    return jdbi.withHandle(
        h -> {
          ReleaseCheck.require(h, actor, productId, releaseId);
          return blockers(h, releaseId);
        });
  }

  static List<TriagedFinding> blockers(Handle h, long releaseId) {
    return forRelease(h, releaseId).stream().filter(f -> f.blocksRelease().isPresent()).toList();
  }
}
