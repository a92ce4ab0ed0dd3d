package dev.craft.store;

import dev.craft.core.Actor;
import dev.craft.core.NotFoundException;
import dev.craft.core.RiskAssessment;
import dev.craft.core.RiskAssessmentDraft;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Revisions of each release's risk assessment (Art. 13(2)–(4)). Revisions are only ever added,
 * numbered 1, 2, … per release; the database refuses to rewrite one.
 */
public final class RiskAssessmentStore {
  private static final String SELECT =
      """
      SELECT ra.id, ra.release_id, ra.revision, ra.intended_purpose, ra.foreseeable_use,
             ra.foreseeable_misuse, ra.operational_environment, ra.assets, ra.threats,
             ra.requirements::text AS requirements, ra.substantial_modification,
             ra.substantial_modification_rationale, ra.author, ra.created_at
      FROM risk_assessment ra
      """;

  private final Jdbi jdbi;

  public RiskAssessmentStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public RiskAssessment create(
      Actor actor, long productId, long releaseId, RiskAssessmentDraft draft) {
    return jdbi.inTransaction(
        h -> {
          requireRelease(h, actor, productId, releaseId);
          // The row lock serialises concurrent revisions of one release.
          h.createQuery("SELECT id FROM release WHERE id = :r FOR UPDATE")
              .bind("r", releaseId)
              .mapTo(Long.class)
              .one();
          int next =
              h.createQuery(
                      "SELECT coalesce(max(revision), 0) + 1 FROM risk_assessment WHERE release_id = :r")
                  .bind("r", releaseId)
                  .mapTo(Integer.class)
                  .one();
          long id =
              h.createQuery(
                      """
                      INSERT INTO risk_assessment (release_id, revision, intended_purpose,
                          foreseeable_use, foreseeable_misuse, operational_environment, assets,
                          threats, requirements, substantial_modification,
                          substantial_modification_rationale, author)
                      VALUES (:r, :rev, :intendedPurpose, :foreseeableUse, :foreseeableMisuse,
                          :operationalEnvironment, :assets, :threats, CAST(:requirements AS jsonb),
                          :substantial, :substantialRationale, :author)
                      RETURNING id
                      """)
                  .bind("r", releaseId)
                  .bind("rev", next)
                  .bind("intendedPurpose", draft.intendedPurpose())
                  .bind("foreseeableUse", draft.foreseeableUse())
                  .bind("foreseeableMisuse", draft.foreseeableMisuse())
                  .bind("operationalEnvironment", draft.operationalEnvironment())
                  .bind("assets", draft.assets())
                  .bind("threats", draft.threats())
                  .bind("requirements", CraftJson.write(draft.requirements()))
                  .bind("substantial", draft.substantialModification().wireName())
                  .bind("substantialRationale", draft.substantialModificationRationale())
                  .bind("author", actor.username())
                  .mapTo(Long.class)
                  .one();
          RiskAssessment saved =
              h.createQuery(SELECT + " WHERE ra.id = :id")
                  .bind("id", id)
                  .mapTo(RiskAssessmentRow.class)
                  .one()
                  .toRiskAssessment();
          AuditLog.append(
              h, actor, "risk-assessment.create", "risk_assessment", Long.toString(id), saved);
          return saved;
        });
  }

  /** All revisions of a release, oldest first. */
  public List<RiskAssessment> list(Actor actor, long productId, long releaseId) {
    return jdbi.withHandle(
        h -> {
          requireRelease(h, actor, productId, releaseId);
          return h.createQuery(SELECT + " WHERE ra.release_id = :r ORDER BY ra.revision")
              .bind("r", releaseId)
              .mapTo(RiskAssessmentRow.class)
              .map(RiskAssessmentRow::toRiskAssessment)
              .list();
        });
  }

  public RiskAssessment get(Actor actor, long productId, long releaseId, int revision) {
    return jdbi.withHandle(
        h -> {
          requireRelease(h, actor, productId, releaseId);
          return h.createQuery(SELECT + " WHERE ra.release_id = :r AND ra.revision = :rev")
              .bind("r", releaseId)
              .bind("rev", revision)
              .mapTo(RiskAssessmentRow.class)
              .map(RiskAssessmentRow::toRiskAssessment)
              .findOne()
              .orElseThrow(() -> new NotFoundException("risk assessment revision", revision));
        });
  }

  public Optional<RiskAssessment> latest(Actor actor, long productId, long releaseId) {
    List<RiskAssessment> all = list(actor, productId, releaseId);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.getLast());
  }

  static void requireRelease(Handle h, Actor actor, long productId, long releaseId) {
    ProductStore.requireVisible(h, actor, productId);
    if (!h.createQuery("SELECT 1 FROM release WHERE id = :r AND product_id = :p")
        .bind("r", releaseId)
        .bind("p", productId)
        .mapTo(Integer.class)
        .findOne()
        .isPresent()) {
      throw new NotFoundException("release", releaseId);
    }
  }
}
