package dev.craft.store;

import dev.craft.core.Actor;
import dev.craft.core.InvalidInputException;
import dev.craft.core.InvalidVersionException;
import dev.craft.core.NotFoundException;
import dev.craft.core.Role;
import dev.craft.core.VersionScheme;
import dev.craft.core.VersionSchemes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;

/**
 * Triage decisions on findings (ADR 095): written with their history and an audit entry, their
 * range scopes resolved with the version rules, re-opened when the component version or the
 * advisory changes.
 */
public final class TriageStore {
  /** Product versions have no ecosystem; Maven's order accepts any string and sorts sensibly. */
  private static final VersionScheme RELEASE_ORDER = VersionSchemes.require("maven");

  private static final Actor SYSTEM = new Actor(0, "craft", Role.ADMIN);

  private final Jdbi jdbi;

  public TriageStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  record Target(
      long findingId,
      long releaseId,
      String vulnerabilityId,
      String version,
      String packageKey,
      String advisoryModified) {}

  /** Records a decision for the finding's (vulnerability, package) in the given scope. */
  public TriageDecision decide(Actor actor, long productId, long findingId, TriageInput in) {
    for (String bound : List.of(in.rangeFrom(), in.rangeTo())) {
      if (!bound.isEmpty() && !RELEASE_ORDER.isValid(bound)) {
        throw new InvalidInputException("range: " + bound + " is not a comparable version");
      }
    }
    return jdbi.inTransaction(
        h -> {
          ProductStore.requireVisible(h, actor, productId);
          return decide(h, actor, productId, findingId, in);
        });
  }

  /**
   * Records a decision within the caller's transaction (the product's visibility already checked):
   * the decision row, its history entry and the audit entry.
   */
  static TriageDecision decide(
      Handle h, Actor actor, long productId, long findingId, TriageInput in) {
    Target t = target(h, productId, findingId);
    TriageDecision d =
        h.createQuery(
                """
                INSERT INTO triage_decision (product_id, vulnerability_id, package_key, scope,
                  scope_key, release_id, range_from, range_to, versions, state, justification,
                  response, detail, assignee, component_version, advisory_modified, updated_by)
                VALUES (:p, :vuln, :key, :scope, :scopeKey, :release, :from, :to, :versions,
                  :state, :justification, :response, :detail, :assignee, :version, :modified,
                  :by)
                ON CONFLICT (product_id, vulnerability_id, package_key, scope_key) DO UPDATE SET
                  state = excluded.state, justification = excluded.justification,
                  response = excluded.response, detail = excluded.detail,
                  assignee = excluded.assignee, component_version = excluded.component_version,
                  advisory_modified = excluded.advisory_modified,
                  updated_by = excluded.updated_by, updated_at = now()
                RETURNING *
                """)
            .bind("p", productId)
            .bind("vuln", t.vulnerabilityId())
            .bind("key", t.packageKey())
            .bind("scope", in.scope())
            .bind("scopeKey", in.scopeKey(t.releaseId()))
            .bind("release", in.scope().equals("release") ? t.releaseId() : null)
            .bind("from", in.rangeFrom())
            .bind("to", in.rangeTo())
            .bind("versions", String.join(" ", in.versions()))
            .bind("state", in.state())
            .bind("justification", in.justification())
            .bind("response", String.join(" ", in.response()))
            .bind("detail", in.detail())
            .bind("assignee", in.assignee())
            .bind("version", t.version())
            .bind("modified", t.advisoryModified())
            .bind("by", actor.username())
            .mapTo(TriageDecision.class)
            .one();
    if (d.scope().equals("range")) {
      refreshRanges(h, productId);
    }
    history(h, d, "decided", in.comment(), actor.username());
    Map<String, Object> audit = new LinkedHashMap<>();
    audit.put("findingId", findingId);
    audit.put("decision", d);
    audit.put("comment", in.comment());
    AuditLog.append(h, actor, "triage.decide", "triage_decision", Long.toString(d.id()), audit);
    return d;
  }

  static Target target(Handle h, long productId, long findingId) {
    return h.createQuery(
            """
            SELECT f.id AS finding_id, f.release_id, f.vulnerability_id, f.version,
              coalesce(c.package_key, f.package_key) AS package_key,
              coalesce((SELECT a.modified FROM advisory a WHERE a.id = f.vulnerability_id), '')
                AS advisory_modified
            FROM finding_all f JOIN release r ON r.id = f.release_id
              LEFT JOIN sbom_component c ON c.sbom_id = f.sbom_id AND c.ordinal = f.component_ordinal
            WHERE f.id = :f AND f.pack_base = finding_pack_base(:f) AND r.product_id = :p
            """)
        .bind("f", findingId)
        .bind("p", productId)
        .map(
            (rs, ctx) ->
                new Target(
                    rs.getLong("finding_id"),
                    rs.getLong("release_id"),
                    rs.getString("vulnerability_id"),
                    rs.getString("version"),
                    rs.getString("package_key") == null ? "" : rs.getString("package_key"),
                    rs.getString("advisory_modified")))
        .findOne()
        .orElseThrow(() -> new NotFoundException("finding", findingId));
  }

  static void history(Handle h, TriageDecision d, String event, String comment, String actor) {
    h.createUpdate(
            """
            INSERT INTO triage_history (decision_id, event, state, justification, response, detail,
              assignee, comment, actor)
            VALUES (:d, :event, :state, :justification, :response, :detail, :assignee, :comment,
              :actor)
            """)
        .bind("d", d.id())
        .bind("event", event)
        .bind("state", d.state())
        .bind("justification", d.justification())
        .bind("response", d.response())
        .bind("detail", d.detail())
        .bind("assignee", d.assignee())
        .bind("comment", comment)
        .bind("actor", actor)
        .execute();
  }

  /**
   * Every change of every scope's decision on the finding's (vulnerability, package), oldest first.
   */
  public List<TriageHistoryRow> history(Actor actor, long productId, long findingId) {
    return jdbi.withHandle(
        h -> {
          ProductStore.requireVisible(h, actor, productId);
          Target t = target(h, productId, findingId);
          return h.createQuery(
                  """
                  SELECT th.id, th.decision_id, d.scope_key, th.event, th.state, th.justification,
                    th.response, th.detail, th.assignee, th.comment, th.actor, th.at
                  FROM triage_history th JOIN triage_decision d ON d.id = th.decision_id
                  WHERE d.product_id = :p AND d.vulnerability_id = :v AND d.package_key = :k
                  ORDER BY th.at, th.id
                  """)
              .bind("p", productId)
              .bind("v", t.vulnerabilityId())
              .bind("k", t.packageKey())
              .mapTo(TriageHistoryRow.class)
              .list();
        });
  }

  /**
   * Recomputes which releases the product's range decisions cover: after a range decision is
   * written and whenever a release is created or renamed, so that new releases are covered.
   */
  static void refreshRanges(Handle h, long productId) {
    List<TriageDecision> ranges =
        h.createQuery("SELECT * FROM triage_decision WHERE product_id = :p AND scope = 'range'")
            .bind("p", productId)
            .mapTo(TriageDecision.class)
            .list();
    if (ranges.isEmpty()) {
      return;
    }
    Map<Long, String> releases = new LinkedHashMap<>();
    h.createQuery("SELECT id, version FROM release WHERE product_id = :p")
        .bind("p", productId)
        .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2)))
        .forEach(e -> releases.put(e.getKey(), e.getValue()));
    for (TriageDecision d : ranges) {
      h.createUpdate("DELETE FROM triage_decision_release WHERE decision_id = :d")
          .bind("d", d.id())
          .execute();
      for (var r : releases.entrySet()) {
        if (covers(d, r.getValue())) {
          h.createUpdate(
                  "INSERT INTO triage_decision_release (decision_id, release_id) VALUES (:d, :r)")
              .bind("d", d.id())
              .bind("r", r.getKey())
              .execute();
        }
      }
    }
  }

  static boolean covers(TriageDecision d, String version) {
    if (!d.versions().isEmpty()) {
      return List.of(d.versions().split(" ")).contains(version);
    }
    try {
      return (d.rangeFrom().isEmpty() || RELEASE_ORDER.compare(d.rangeFrom(), version) <= 0)
          && (d.rangeTo().isEmpty() || RELEASE_ORDER.compare(version, d.rangeTo()) <= 0);
    } catch (InvalidVersionException e) {
      return false;
    }
  }

  /**
   * The vulnerabilities among {@code ids} that have a decision to look at. An SBOM upload records
   * tens of thousands of vulnerabilities (71,692 in the upload benchmark), which cost more to send
   * as one array than the portfolio's decisions cost to read.
   */
  private static List<String> decidedAmong(Handle h, java.util.Collection<String> ids) {
    Set<String> given = ids instanceof Set<String> set ? set : new java.util.HashSet<>(ids);
    return h.createQuery(
            "SELECT DISTINCT vulnerability_id FROM triage_decision WHERE state <> 'in_triage'")
        .mapTo(String.class)
        .filter(given::contains)
        .list();
  }

  /**
   * Re-opens decisions whose ground changed: a finding recorded after the decision shows another
   * component version (a new SBOM), or the advisory's {@code modified} moved. The state goes back
   * to {@code in_triage}, responses and justification are cleared (the history keeps them). Only
   * decisions on {@code vulnerabilityIds} (those just recorded or re-matched) are looked at, so the
   * cost follows the change, not the number of decisions in the portfolio.
   */
  static void reopenStale(Handle h, java.util.Collection<String> vulnerabilityIds) {
    if (vulnerabilityIds.isEmpty()) {
      return;
    }
    List<String> wanted =
        vulnerabilityIds.size() <= 1_000
            ? List.copyOf(vulnerabilityIds)
            : decidedAmong(h, vulnerabilityIds);
    if (wanted.isEmpty()) {
      return;
    }
    record Stale(long id, @Nullable String newVersion, String modified) {}
    List<Stale> stale =
        h.createQuery(
                """
                SELECT d.id,
                  (SELECT f.version FROM finding_all f JOIN release r ON r.id = f.release_id
                     JOIN sbom s ON s.id = f.sbom_id AND s.replaced_at IS NULL
                     JOIN sbom_component c ON c.sbom_id = f.sbom_id AND c.ordinal = f.component_ordinal
                   WHERE r.product_id = d.product_id AND f.vulnerability_id = d.vulnerability_id
                     AND f.pack_ids && ARRAY[d.vulnerability_id]
                     AND c.package_key = d.package_key AND f.first_seen_at > d.updated_at
                     AND f.version <> d.component_version AND %s
                   LIMIT 1) AS new_version,
                  coalesce(a.modified, d.advisory_modified) AS modified
                FROM triage_decision d LEFT JOIN advisory a ON a.id = d.vulnerability_id
                WHERE d.state <> 'in_triage' AND d.vulnerability_id = ANY(:vulns)
                """
                    .formatted(TriageQueries.IN_SCOPE))
            .bindArray("vulns", String.class, wanted)
            .map((rs, ctx) -> new Stale(rs.getLong(1), rs.getString(2), rs.getString(3)))
            .list();
    for (Stale s : stale) {
      TriageDecision d =
          h.createQuery("SELECT * FROM triage_decision WHERE id = :id")
              .bind("id", s.id())
              .mapTo(TriageDecision.class)
              .one();
      String why;
      if (s.newVersion() != null) {
        why = "component version changed from " + d.componentVersion() + " to " + s.newVersion();
      } else if (!s.modified().equals(d.advisoryModified())) {
        why = "advisory modified changed from " + d.advisoryModified() + " to " + s.modified();
      } else {
        continue;
      }
      TriageDecision reopened =
          h.createQuery(
                  """
                  UPDATE triage_decision SET state = 'in_triage', justification = '', response = '',
                    component_version = :version, advisory_modified = :modified, updated_by = :by,
                    updated_at = now()
                  WHERE id = :id RETURNING *
                  """)
              .bind("version", s.newVersion() == null ? d.componentVersion() : s.newVersion())
              .bind("modified", s.modified())
              .bind("by", SYSTEM.username())
              .bind("id", d.id())
              .mapTo(TriageDecision.class)
              .one();
      history(h, reopened, "reopened", why, SYSTEM.username());
      AuditLog.append(
          h,
          SYSTEM,
          "triage.reopen",
          "triage_decision",
          Long.toString(d.id()),
          Map.of("reason", why, "previousState", d.state()));
    }
  }
}
