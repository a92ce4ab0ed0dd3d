package dev.craft.store;

import dev.craft.core.Actor;
import dev.craft.core.AffectedProduct;
import dev.craft.core.CaseDraft;
import dev.craft.core.InvalidInputException;
import dev.craft.core.NotFoundException;
import dev.craft.core.ReportingCase;
import dev.craft.core.SeverityCriterion;
import dev.craft.core.WireEnum;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * Art. 14 cases. A user sees a case when they see all products, created it, or see one of its
 * products.
 */
public final class CaseStore {
  static final String VISIBLE =
      "(:all OR c.created_by = :viewerId OR EXISTS (SELECT 1 FROM art14_case_product cp"
          + " JOIN product p ON p.id = cp.product_id WHERE cp.case_id = c.id AND "
          + Sql.VISIBLE_TO_USER
          + "))";

  private final Jdbi jdbi;

  public CaseStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public ReportingCase create(Actor actor, CaseDraft draft) {
    return jdbi.inTransaction(
        h -> {
          List<AffectedProduct> scope = checkScope(h, actor, draft);
          CaseRow row =
              bind(
                      h.createQuery(
                          """
                          INSERT INTO art14_case AS c (kind, status, title, summary, aware_at, zone,
                              determination, decided_by, evidence, signals, severity_criteria,
                              member_states, manufacturer, enterprise_size, routing,
                              measure_available_at, occurred_at, content, pec_grounds,
                              delay_requested, source_type, source_ref, created_by)
                          VALUES (:kind, :status, :title, :summary, :awareAt, :zone, :determination,
                              :decidedBy, :evidence::jsonb, :signals::jsonb, :severityCriteria,
                              :memberStates, :manufacturer, :enterpriseSize, :routing::jsonb,
                              :measureAvailableAt, :occurredAt, :content::jsonb, :pecGrounds,
                              :delayRequested, :sourceType, :sourceRef, :createdBy)
                          RETURNING
                          """
                              + CaseRow.COLUMNS),
                      draft)
                  .bind("decidedBy", actor.username())
                  .bind("createdBy", actor.userId())
                  .mapTo(CaseRow.class)
                  .one();
          saveScope(h, row.id(), draft.products());
          ReportingCase c = row.toCase(scope);
          AuditLog.append(h, actor, "art14case.create", "art14_case", idOf(c), c);
          return c;
        });
  }

  /**
   * Replaces a case's facts. The determination's author becomes the acting user when the
   * determination, its evidence or T0 change.
   */
  public ReportingCase update(Actor actor, long id, CaseDraft draft) {
    return jdbi.inTransaction(
        h -> {
          ReportingCase current = requireVisible(h, actor, id);
          List<AffectedProduct> scope = checkScope(h, actor, draft);
          var before = current.facts();
          boolean redecided =
              !before.determination().equals(draft.determination())
                  || !before.evidence().equals(draft.evidence())
                  || !before.awareAt().equals(draft.awareAt())
                  || !before.severityCriteria().equals(draft.severityCriteria());
          CaseRow row =
              bind(
                      h.createQuery(
                          """
                          UPDATE art14_case AS c SET kind = :kind, status = :status, title = :title,
                              summary = :summary, aware_at = :awareAt, zone = :zone,
                              determination = :determination, decided_by = :decidedBy,
                              evidence = :evidence::jsonb, signals = :signals::jsonb,
                              severity_criteria = :severityCriteria, member_states = :memberStates,
                              manufacturer = :manufacturer, enterprise_size = :enterpriseSize,
                              routing = :routing::jsonb, measure_available_at = :measureAvailableAt,
                              occurred_at = :occurredAt, content = :content::jsonb,
                              pec_grounds = :pecGrounds, delay_requested = :delayRequested,
                              source_type = :sourceType, source_ref = :sourceRef, updated_at = now()
                          WHERE c.id = :id RETURNING
                          """
                              + CaseRow.COLUMNS),
                      draft)
                  .bind("decidedBy", redecided ? actor.username() : current.decidedBy())
                  .bind("id", id)
                  .mapTo(CaseRow.class)
                  .one();
          h.execute("DELETE FROM art14_case_product WHERE case_id = ?", id);
          saveScope(h, id, draft.products());
          ReportingCase c = row.toCase(scope);
          AuditLog.append(h, actor, "art14case.update", "art14_case", idOf(c), c);
          return c;
        });
  }

  public Optional<ReportingCase> find(Actor actor, long id) {
    return jdbi.withHandle(h -> find(h, actor, id));
  }

  public ReportingCase get(Actor actor, long id) {
    return find(actor, id).orElseThrow(() -> new NotFoundException("case", id));
  }

  /** The cases the actor sees, newest T0 first. */
  public List<ReportingCase> list(Actor actor, boolean includeClosed) {
    return jdbi.withHandle(
        h ->
            load(
                h,
                h.createQuery(
                        "SELECT "
                            + CaseRow.COLUMNS
                            + " FROM art14_case c WHERE "
                            + VISIBLE
                            + " AND (:closed OR c.status = 'open') ORDER BY c.aware_at DESC, c.id")
                    .bind("all", actor.role().seesAllProducts())
                    .bind("viewerId", actor.userId())
                    .bind("closed", includeClosed)
                    .mapTo(CaseRow.class)
                    .list()));
  }

  /** Every open case, for the escalation scheduler (it acts as the system, for all products). */
  public List<ReportingCase> openCases() {
    return jdbi.withHandle(
        h ->
            load(
                h,
                h.createQuery(
                        "SELECT "
                            + CaseRow.COLUMNS
                            + " FROM art14_case c WHERE c.status = 'open' ORDER BY c.id")
                    .mapTo(CaseRow.class)
                    .list()));
  }

  static Optional<ReportingCase> find(Handle h, Actor actor, long id) {
    List<CaseRow> rows =
        h.createQuery(
                "SELECT " + CaseRow.COLUMNS + " FROM art14_case c WHERE c.id = :id AND " + VISIBLE)
            .bind("id", id)
            .bind("all", actor.role().seesAllProducts())
            .bind("viewerId", actor.userId())
            .mapTo(CaseRow.class)
            .list();
    return load(h, rows).stream().findFirst();
  }

  static ReportingCase requireVisible(Handle h, Actor actor, long id) {
    return find(h, actor, id).orElseThrow(() -> new NotFoundException("case", id));
  }

  private static List<ReportingCase> load(Handle h, List<CaseRow> rows) {
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<Long, Map<Long, List<CaseScopeRow>>> scopes = new LinkedHashMap<>();
    h.createQuery(
            """
            SELECT cp.case_id, cp.product_id, p.name AS product_name, r.id AS release_id, r.version
            FROM art14_case_product cp JOIN product p ON p.id = cp.product_id
            LEFT JOIN release r ON r.id = ANY (cp.release_ids) AND r.product_id = cp.product_id
            WHERE cp.case_id = ANY (:ids)
            ORDER BY cp.case_id, cp.position, r.id
            """)
        .bind("ids", rows.stream().map(CaseRow::id).toArray(Long[]::new))
        .mapTo(CaseScopeRow.class)
        .forEach(
            s ->
                scopes
                    .computeIfAbsent(s.caseId(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(s.productId(), k -> new ArrayList<>())
                    .add(s));
    List<ReportingCase> out = new ArrayList<>();
    for (CaseRow row : rows) {
      List<AffectedProduct> products = new ArrayList<>();
      scopes
          .getOrDefault(row.id(), Map.of())
          .forEach(
              (productId, list) ->
                  products.add(
                      new AffectedProduct(
                          productId,
                          list.getFirst().productName(),
                          list.stream()
                              .filter(s -> s.releaseId() != null && s.version() != null)
                              .map(
                                  s ->
                                      new AffectedProduct.AffectedRelease(
                                          s.releaseId(), s.version()))
                              .toList())));
      out.add(row.toCase(products));
    }
    return out;
  }

  /** Every product must be visible to the actor and every release must belong to its product. */
  private static List<AffectedProduct> checkScope(Handle h, Actor actor, CaseDraft draft) {
    List<AffectedProduct> named = new ArrayList<>();
    for (AffectedProduct p : draft.products()) {
      var product = ProductStore.requireVisible(h, actor, p.productId());
      List<AffectedProduct.AffectedRelease> releases = new ArrayList<>();
      for (var r : p.releases()) {
        String version =
            h.createQuery("SELECT version FROM release WHERE id = :id AND product_id = :p")
                .bind("id", r.releaseId())
                .bind("p", p.productId())
                .mapTo(String.class)
                .findOne()
                .orElseThrow(
                    () ->
                        new InvalidInputException(
                            "products: release "
                                + r.releaseId()
                                + " is not a release of product "
                                + p.productId()));
        releases.add(new AffectedProduct.AffectedRelease(r.releaseId(), version));
      }
      named.add(new AffectedProduct(p.productId(), product.name(), releases));
    }
    return named;
  }

  private static void saveScope(Handle h, long caseId, List<AffectedProduct> products) {
    int position = 0;
    for (AffectedProduct p : products) {
      h.createUpdate(
              """
              INSERT INTO art14_case_product (case_id, product_id, release_ids, position)
              VALUES (:c, :p, :r, :pos) ON CONFLICT DO NOTHING
              """)
          .bind("c", caseId)
          .bind("p", p.productId())
          .bind(
              "r",
              p.releases().stream()
                  .map(AffectedProduct.AffectedRelease::releaseId)
                  .toArray(Long[]::new))
          .bind("pos", position++)
          .execute();
    }
  }

  private static <S extends SqlStatement<S>> S bind(S s, CaseDraft d) {
    return s.bind("kind", d.kind().id())
        .bind("status", d.status().wireName())
        .bind("title", d.title())
        .bind("summary", d.summary())
        .bind("awareAt", d.awareAt())
        .bind("zone", d.zone().getId())
        .bind("determination", d.determination())
        .bind("evidence", CraftJson.write(d.evidence()))
        .bind("signals", CraftJson.write(d.signals()))
        .bind(
            "severityCriteria",
            d.severityCriteria().stream().map(SeverityCriterion::wireName).toArray(String[]::new))
        .bind("memberStates", d.memberStates().stream().map(Enum::name).toArray(String[]::new))
        .bind("manufacturer", d.manufacturer())
        .bind("enterpriseSize", d.enterpriseSize().wireName())
        .bind("routing", CraftJson.write(d.routing()))
        .bind("measureAvailableAt", d.measureAvailableAt())
        .bind("occurredAt", d.occurredAt())
        .bind("content", CraftJson.write(d.content()))
        .bind(
            "pecGrounds",
            d.dissemination().pecGrounds().stream().map(WireEnum::wireName).toArray(String[]::new))
        .bind("delayRequested", d.dissemination().delayRequested())
        .bind("sourceType", d.sourceType())
        .bind("sourceRef", d.sourceRef());
  }

  private static String idOf(ReportingCase c) {
    return Long.toString(c.id());
  }
}
