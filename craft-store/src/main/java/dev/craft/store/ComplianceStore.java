package dev.craft.store;

import dev.craft.core.Actor;
import dev.craft.core.Classification;
import dev.craft.core.Recorded;
import dev.craft.core.ScopeFacts;
import dev.craft.core.SupportPlan;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * A product's compliance decisions: scope (Art. 2), classification and conformity route (Art. 7, 8,
 * 32) and support period (Art. 13(8)). Each is one row per product, replaced as a whole and audited
 * in the same transaction; the audit log keeps every earlier version.
 */
public final class ComplianceStore {
  private final Jdbi jdbi;

  public ComplianceStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /**
   * @param inScope the decision derived from the facts when they were recorded
   */
  public Recorded<ScopeFacts> saveScope(
      Actor actor, long productId, ScopeFacts f, boolean inScope) {
    return jdbi.inTransaction(
        h -> {
          ProductStore.requireVisible(h, actor, productId);
          Recorded<ScopeFacts> saved =
              h.createQuery(
                      """
                      INSERT INTO product_scope (product_id, data_connection, exemption,
                          free_open_source, commercial_activity, placed_on_market,
                          substantially_modified, rationale, in_scope, decided_by)
                      VALUES (:p, :dataConnection, :exemption, :foss, :commercial, :placed,
                          :modified, :rationale, :inScope, :by)
                      ON CONFLICT (product_id) DO UPDATE SET
                          data_connection = excluded.data_connection,
                          exemption = excluded.exemption,
                          free_open_source = excluded.free_open_source,
                          commercial_activity = excluded.commercial_activity,
                          placed_on_market = excluded.placed_on_market,
                          substantially_modified = excluded.substantially_modified,
                          rationale = excluded.rationale, in_scope = excluded.in_scope,
                          decided_by = excluded.decided_by, decided_at = now()
                      RETURNING *
                      """)
                  .bind("p", productId)
                  .bind("dataConnection", f.dataConnection())
                  .bind("exemption", f.exemption().wireName())
                  .bind("foss", f.freeOpenSource())
                  .bind("commercial", f.commercialActivity())
                  .bind("placed", f.placedOnMarket())
                  .bind("modified", f.substantiallyModified())
                  .bind("rationale", f.rationale())
                  .bind("inScope", inScope)
                  .bind("by", actor.username())
                  .mapTo(ScopeRow.class)
                  .one()
                  .toRecorded();
          AuditLog.append(
              h,
              actor,
              "compliance.scope.set",
              "product",
              Long.toString(productId),
              Map.of("scope", f, "inScope", inScope));
          return saved;
        });
  }

  public Optional<Recorded<ScopeFacts>> findScope(Actor actor, long productId) {
    return find(actor, productId, "product_scope", ScopeRow.class).map(ScopeRow::toRecorded);
  }

  public Recorded<Classification> saveClassification(
      Actor actor, long productId, Classification c) {
    return jdbi.inTransaction(
        h -> {
          ProductStore.requireVisible(h, actor, productId);
          Recorded<Classification> saved =
              h.createQuery(
                      """
                      INSERT INTO product_classification (product_id, product_class, annex_category,
                          core_functionality, standards, standards_references, eucc_required,
                          foss_public_docs, chosen_module, notified_body, decided_by)
                      VALUES (:p, :productClass, :annexCategory, :coreFunctionality, :standards,
                          :standardsReferences, :eucc, :foss, :module, :notifiedBody, :by)
                      ON CONFLICT (product_id) DO UPDATE SET
                          product_class = excluded.product_class,
                          annex_category = excluded.annex_category,
                          core_functionality = excluded.core_functionality,
                          standards = excluded.standards,
                          standards_references = excluded.standards_references,
                          eucc_required = excluded.eucc_required,
                          foss_public_docs = excluded.foss_public_docs,
                          chosen_module = excluded.chosen_module,
                          notified_body = excluded.notified_body,
                          decided_by = excluded.decided_by, decided_at = now()
                      RETURNING *
                      """)
                  .bind("p", productId)
                  .bind("productClass", c.productClass().id())
                  .bind("annexCategory", c.annexCategory())
                  .bind("coreFunctionality", c.coreFunctionality())
                  .bind("standards", c.standards().id())
                  .bind("standardsReferences", c.standardsReferences())
                  .bind("eucc", c.euccRequired())
                  .bind("foss", c.fossPublicDocs())
                  .bind("module", c.module().map(Enum::name).orElse(null))
                  .bind("notifiedBody", c.notifiedBody())
                  .bind("by", actor.username())
                  .mapTo(ClassificationRow.class)
                  .one()
                  .toRecorded();
          AuditLog.append(
              h, actor, "compliance.classification.set", "product", Long.toString(productId), c);
          return saved;
        });
  }

  public Optional<Recorded<Classification>> findClassification(Actor actor, long productId) {
    return find(actor, productId, "product_classification", ClassificationRow.class)
        .map(ClassificationRow::toRecorded);
  }

  public Recorded<SupportPlan> saveSupportPlan(Actor actor, long productId, SupportPlan s) {
    return jdbi.inTransaction(
        h -> {
          ProductStore.requireVisible(h, actor, productId);
          Recorded<SupportPlan> saved =
              h.createQuery(
                      """
                      INSERT INTO product_support_period (product_id, start_date, end_date,
                          expected_use_months, factors, short_period_justification, decided_by)
                      VALUES (:p, :start, :end, :months, :factors, :justification, :by)
                      ON CONFLICT (product_id) DO UPDATE SET
                          start_date = excluded.start_date, end_date = excluded.end_date,
                          expected_use_months = excluded.expected_use_months,
                          factors = excluded.factors,
                          short_period_justification = excluded.short_period_justification,
                          decided_by = excluded.decided_by, decided_at = now()
                      RETURNING *
                      """)
                  .bind("p", productId)
                  .bind("start", s.start())
                  .bind("end", s.end())
                  .bind("months", s.expectedUseMonths())
                  .bind("factors", s.factors())
                  .bind("justification", s.shortPeriodJustification())
                  .bind("by", actor.username())
                  .mapTo(SupportPlanRow.class)
                  .one()
                  .toRecorded();
          AuditLog.append(
              h, actor, "compliance.support-period.set", "product", Long.toString(productId), s);
          return saved;
        });
  }

  public Optional<Recorded<SupportPlan>> findSupportPlan(Actor actor, long productId) {
    return find(actor, productId, "product_support_period", SupportPlanRow.class)
        .map(SupportPlanRow::toRecorded);
  }

  private <R> Optional<R> find(Actor actor, long productId, String table, Class<R> row) {
    return jdbi.withHandle(
        h -> {
          ProductStore.requireVisible(h, actor, productId);
          // The table name is one of this class's constants, never input.
          return h.createQuery("SELECT * FROM " + table + " WHERE product_id = :p")
              .bind("p", productId)
              .mapTo(row)
              .findOne();
        });
  }
}
