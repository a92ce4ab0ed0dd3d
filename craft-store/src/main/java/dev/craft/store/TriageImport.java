package dev.craft.store;

import dev.craft.core.Actor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Many triage decisions at once (a VEX import): all or nothing in one transaction, each written
 * through the same path as a single decision (history, audit), a decision that would not change
 * anything left alone.
 */
public final class TriageImport {
  private final Jdbi jdbi;

  public TriageImport(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** A decision to record on one finding (its vulnerability and package, in the input's scope). */
  public record Planned(long findingId, TriageInput input) {
    public Planned {
      Objects.requireNonNull(input, "input");
    }
  }

  /**
   * What became of a planned decision.
   *
   * @param changed false when the scope's decision already said the same (nothing written)
   * @param scopeKey the decision's scope ({@code release:<id>} or {@code product})
   */
  public record Outcome(
      Planned planned, String vulnerabilityId, String scopeKey, boolean changed) {}

  /**
   * Applies every planned decision in one transaction; the import itself is audited as {@code
   * triage.import} with {@code summary}.
   */
  public List<Outcome> apply(
      Actor actor, long productId, List<Planned> plans, Map<String, Object> summary) {
    return jdbi.inTransaction(
        h -> {
          ProductStore.requireVisible(h, actor, productId);
          List<Outcome> out = new ArrayList<>();
          int changed = 0;
          for (Planned p : plans) {
            TriageStore.Target t = TriageStore.target(h, productId, p.findingId());
            String scopeKey = p.input().scopeKey(t.releaseId());
            Optional<TriageDecision> current =
                h.createQuery(
                        """
                        SELECT * FROM triage_decision WHERE product_id = :p
                          AND vulnerability_id = :v AND package_key = :k AND scope_key = :s
                        """)
                    .bind("p", productId)
                    .bind("v", t.vulnerabilityId())
                    .bind("k", t.packageKey())
                    .bind("s", scopeKey)
                    .mapTo(TriageDecision.class)
                    .findOne();
            boolean same =
                current.isPresent()
                    ? sameAnalysis(current.get(), p.input())
                    : isDefault(p.input()) && !covered(h, productId, p.findingId());
            if (!same) {
              TriageStore.decide(h, actor, productId, p.findingId(), p.input());
              changed++;
            }
            out.add(new Outcome(p, t.vulnerabilityId(), scopeKey, !same));
          }
          Map<String, Object> audit = new LinkedHashMap<>(summary);
          audit.put("planned", plans.size());
          audit.put("changed", changed);
          AuditLog.append(h, actor, "triage.import", "product", Long.toString(productId), audit);
          return out;
        });
  }

  /** {@code in_triage} with nothing else: what a finding without any decision already says. */
  private static boolean isDefault(TriageInput in) {
    return in.state().equals("in_triage")
        && in.justification().isEmpty()
        && in.response().isEmpty()
        && in.detail().isEmpty();
  }

  /** Whether any decision (of any scope) covers the finding. */
  private static boolean covered(Handle h, long productId, long findingId) {
    return h.createQuery(
                """
            SELECT count(*) FROM finding_all f
              LEFT JOIN sbom_component c
                ON c.sbom_id = f.sbom_id AND c.ordinal = f.component_ordinal
              JOIN triage_decision d ON d.product_id = :p
                AND d.vulnerability_id = f.vulnerability_id
                AND d.package_key = coalesce(c.package_key, f.package_key) AND %s
            WHERE f.id = :f AND f.pack_base = finding_pack_base(:f)
            """
                    .formatted(TriageQueries.IN_SCOPE))
            .bind("p", productId)
            .bind("f", findingId)
            .mapTo(Long.class)
            .one()
        > 0;
  }

  static boolean sameAnalysis(TriageDecision d, TriageInput in) {
    return d.state().equals(in.state())
        && d.justification().equals(in.justification())
        && d.response().equals(String.join(" ", in.response()))
        && d.detail().equals(in.detail());
  }
}
