package dev.craft.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.craft.core.AffectedProduct;
import dev.craft.core.Art14Kind;
import dev.craft.core.CaseDraft;
import dev.craft.core.CaseStatus;
import dev.craft.core.Dissemination;
import dev.craft.core.EnterpriseSize;
import dev.craft.core.Evidence;
import dev.craft.core.MemberState;
import dev.craft.core.PecGround;
import dev.craft.core.ReportingCase;
import dev.craft.core.RoutingFacts;
import dev.craft.core.SeverityCriterion;
import dev.craft.core.Signal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A row of {@code art14_case}; JSONB columns are selected as text. */
public record CaseRow(
    long id,
    String kind,
    String status,
    String title,
    String summary,
    Instant awareAt,
    String zone,
    String determination,
    String decidedBy,
    String evidence,
    String signals,
    String[] severityCriteria,
    String[] memberStates,
    String manufacturer,
    String enterpriseSize,
    String routing,
    @Nullable Instant measureAvailableAt,
    @Nullable Instant occurredAt,
    String content,
    String[] pecGrounds,
    boolean delayRequested,
    String sourceType,
    String sourceRef,
    long createdBy,
    Instant createdAt,
    Instant updatedAt) {

  /** The column list, with JSONB as text, for every SELECT and RETURNING of a case. */
  static final String COLUMNS =
      """
      c.id, c.kind, c.status, c.title, c.summary, c.aware_at, c.zone, c.determination, c.decided_by,
      c.evidence::text AS evidence, c.signals::text AS signals, c.severity_criteria, c.member_states,
      c.manufacturer, c.enterprise_size, c.routing::text AS routing, c.measure_available_at,
      c.occurred_at, c.content::text AS content, c.pec_grounds, c.delay_requested, c.source_type,
      c.source_ref, c.created_by, c.created_at, c.updated_at
      """;

  ReportingCase toCase(List<AffectedProduct> products) {
    var draft =
        new CaseDraft(
            Art14Kind.parse(kind),
            CaseStatus.fromWire(status),
            title,
            summary,
            awareAt,
            ZoneId.of(zone),
            determination,
            read(evidence, new TypeReference<List<Evidence>>() {}),
            read(signals, new TypeReference<List<Signal>>() {}),
            Arrays.stream(severityCriteria).map(SeverityCriterion::fromWire).toList(),
            products,
            Arrays.stream(memberStates).map(s -> MemberState.parse("memberStates", s)).toList(),
            manufacturer,
            EnterpriseSize.fromWire(enterpriseSize),
            read(routing, new TypeReference<RoutingFacts>() {}),
            measureAvailableAt,
            occurredAt,
            read(content, new TypeReference<Map<String, String>>() {}),
            new Dissemination(
                Arrays.stream(pecGrounds).map(PecGround::fromWire).toList(), delayRequested),
            sourceType,
            sourceRef);
    return new ReportingCase(id, draft, decidedBy, createdAt, updatedAt);
  }

  private static <T> T read(String json, TypeReference<T> type) {
    try {
      return CraftJson.mapper().readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new StoreException("art14_case: unreadable JSON column: " + e.getOriginalMessage(), e);
    }
  }
}
