package dev.craft.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.craft.core.AffectedProduct;
import dev.craft.core.Art14Kind;
import dev.craft.core.CaseDraft;
import dev.craft.core.CaseStatus;
import dev.craft.core.Dissemination;
import dev.craft.core.EnterpriseSize;
import dev.craft.core.Evidence;
import dev.craft.core.InvalidInputException;
import dev.craft.core.MemberState;
import dev.craft.core.PecGround;
import dev.craft.core.RoutingFacts;
import dev.craft.core.SeverityCriterion;
import dev.craft.core.Signal;
import dev.craft.core.SubmissionDraft;
import dev.craft.core.SubmissionStage;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Reads case JSON bodies. A create needs the required fields; an update starts from the current
 * case, so fields absent from the body keep their value (an explicit null clears an optional one).
 */
final class CaseJson {
  private static final int MAX_ITEMS = 200;

  private CaseJson() {}

  static CaseDraft create(ObjectNode b) {
    String kind = Body.text(b, "kind");
    if (kind == null) {
      throw new InvalidInputException("kind: required (vulnerability or incident)");
    }
    Instant awareAt = instant(b, "awareAt");
    if (awareAt == null) {
      throw new InvalidInputException(
          "awareAt: required, the moment the manufacturer became aware (T0), e.g."
              + " 2026-10-01T09:00:00Z");
    }
    if (!b.has("title")) {
      throw new InvalidInputException("title: required (SRP field 2, at most 255 characters)");
    }
    if (!b.has("determination")) {
      throw new InvalidInputException(
          "determination: required, why this is an actively exploited vulnerability (Art. 3(42))"
              + " or a severe incident (Art. 14(5))");
    }
    return merge(null, b, Art14Kind.parse(kind), awareAt);
  }

  /** The current draft with the body's fields applied. */
  static CaseDraft update(CaseDraft c, ObjectNode b) {
    if (b.has("kind") && !c.kind().id().equals(Body.text(b, "kind"))) {
      throw new InvalidInputException("kind: cannot change; open a new case instead");
    }
    return merge(c, b, c.kind(), c.awareAt());
  }

  /** {@code c} null: a new case, whose absent fields take their defaults. */
  private static CaseDraft merge(
      @Nullable CaseDraft c, ObjectNode b, Art14Kind kind, Instant awareAt) {
    Base base = c == null ? Base.DEFAULT : Base.of(c);
    JsonNode source = b.get("source");
    String sourceType = base.sourceType();
    String sourceRef = base.sourceRef();
    if (source != null && !source.isNull()) {
      if (!source.isObject()) {
        throw new InvalidInputException("source: must be an object {type, ref}");
      }
      sourceType = orEmpty(Body.text((ObjectNode) source, "type"));
      sourceRef = orEmpty(Body.text((ObjectNode) source, "ref"));
    }
    return new CaseDraft(
        kind,
        b.has("status") ? CaseStatus.fromWire(orEmpty(Body.text(b, "status"))) : base.status(),
        b.has("title") ? orEmpty(Body.text(b, "title")) : base.title(),
        b.has("summary") ? orEmpty(Body.text(b, "summary")) : base.summary(),
        b.has("awareAt") ? required(instant(b, "awareAt"), "awareAt") : awareAt,
        b.has("zone") ? zone(Body.text(b, "zone")) : base.zone(),
        b.has("determination") ? orEmpty(Body.text(b, "determination")) : base.determination(),
        b.has("evidence") ? list(b, "evidence", CaseJson::evidence) : base.evidence(),
        b.has("signals") ? list(b, "signals", CaseJson::signal) : base.signals(),
        b.has("severityCriteria")
            ? list(
                b, "severityCriteria", n -> SeverityCriterion.fromWire(text(n, "severityCriteria")))
            : base.severityCriteria(),
        b.has("products") ? list(b, "products", CaseJson::product) : base.products(),
        b.has("memberStates")
            ? list(
                b, "memberStates", n -> MemberState.parse("memberStates", text(n, "memberStates")))
            : base.memberStates(),
        b.has("manufacturer") ? orEmpty(Body.text(b, "manufacturer")) : base.manufacturer(),
        b.has("enterpriseSize")
            ? EnterpriseSize.fromWire(orEmpty(Body.text(b, "enterpriseSize")))
            : base.enterpriseSize(),
        b.has("routing") ? routing(b.get("routing")) : base.routing(),
        b.has("measureAvailableAt") ? instant(b, "measureAvailableAt") : base.measureAvailableAt(),
        b.has("occurredAt") ? instant(b, "occurredAt") : base.occurredAt(),
        b.has("content") ? content(base.content(), b.get("content")) : base.content(),
        dissemination(base.dissemination(), b),
        sourceType,
        sourceRef);
  }

  static SubmissionDraft submission(ObjectNode b) {
    String stage = Body.text(b, "stage");
    if (stage == null) {
      throw new InvalidInputException(
          "stage: required (early_warning, notification, intermediate, final_report)");
    }
    return new SubmissionDraft(
        SubmissionStage.fromWire(stage),
        required(instant(b, "submittedAt"), "submittedAt"),
        orEmpty(Body.text(b, "submittedBy")),
        orEmpty(Body.text(b, "reference")),
        orEmpty(Body.text(b, "note")),
        Body.number(b, "requestId"));
  }

  static @Nullable Instant instant(ObjectNode b, String field) {
    String text = Body.text(b, field);
    return text == null || text.isBlank() ? null : parseInstant(field, text);
  }

  static Instant parseInstant(String field, String text) {
    try {
      return java.time.OffsetDateTime.parse(text.strip()).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(
          field
              + ": '"
              + text
              + "' is not an ISO-8601 date-time with offset, e.g. 2026-10-01T09:00:00Z");
    }
  }

  static Instant required(@Nullable Instant at, String field) {
    if (at == null) {
      throw new InvalidInputException(field + ": required (ISO-8601, e.g. 2026-10-01T09:00:00Z)");
    }
    return at;
  }

  static ZoneId zone(@Nullable String text) {
    if (text == null || text.isBlank()) {
      return java.time.ZoneOffset.UTC;
    }
    try {
      return ZoneId.of(text.strip());
    } catch (DateTimeException e) {
      throw new InvalidInputException(
          "zone: '" + text + "' is not a time zone id (e.g. UTC, Europe/Berlin)");
    }
  }

  /** The values a merge starts from. */
  private record Base(
      CaseStatus status,
      String title,
      String summary,
      ZoneId zone,
      String determination,
      List<Evidence> evidence,
      List<Signal> signals,
      List<SeverityCriterion> severityCriteria,
      List<AffectedProduct> products,
      List<MemberState> memberStates,
      String manufacturer,
      EnterpriseSize enterpriseSize,
      RoutingFacts routing,
      @Nullable Instant measureAvailableAt,
      @Nullable Instant occurredAt,
      Map<String, String> content,
      Dissemination dissemination,
      String sourceType,
      String sourceRef) {
    static final Base DEFAULT =
        new Base(
            CaseStatus.OPEN,
            "",
            "",
            java.time.ZoneOffset.UTC,
            "",
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            "",
            EnterpriseSize.UNKNOWN,
            RoutingFacts.NONE,
            null,
            null,
            Map.of(),
            Dissemination.NONE,
            "manual",
            "");

    static Base of(CaseDraft c) {
      return new Base(
          c.status(),
          c.title(),
          c.summary(),
          c.zone(),
          c.determination(),
          c.evidence(),
          c.signals(),
          c.severityCriteria(),
          c.products(),
          c.memberStates(),
          c.manufacturer(),
          c.enterpriseSize(),
          c.routing(),
          c.measureAvailableAt(),
          c.occurredAt(),
          c.content(),
          c.dissemination(),
          c.sourceType(),
          c.sourceRef());
    }
  }

  private static Dissemination dissemination(Dissemination current, ObjectNode b) {
    List<PecGround> grounds =
        b.has("pecGrounds")
            ? list(b, "pecGrounds", n -> PecGround.fromWire(text(n, "pecGrounds")))
            : current.pecGrounds();
    boolean delay = current.delayRequested();
    JsonNode d = b.get("delayRequested");
    if (d != null && !d.isNull()) {
      if (!d.isBoolean()) {
        throw new InvalidInputException("delayRequested: must be true or false");
      }
      delay = d.booleanValue();
    }
    return new Dissemination(grounds, delay);
  }

  private static Map<String, String> content(Map<String, String> current, JsonNode node) {
    if (node.isNull()) {
      return Map.of();
    }
    if (!node.isObject() || node.size() > MAX_ITEMS) {
      throw new InvalidInputException("content: must be an object of SRP field key to text");
    }
    // Merged field by field, so a form that sends one stage's fields keeps the others.
    Map<String, String> merged = new LinkedHashMap<>(current);
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      JsonNode v = e.getValue();
      if (v.isNull()) {
        merged.remove(e.getKey());
      } else if (v.isTextual()) {
        merged.put(e.getKey(), v.textValue());
      } else {
        throw new InvalidInputException("content." + e.getKey() + ": must be a string");
      }
    }
    return merged;
  }

  private static RoutingFacts routing(JsonNode n) {
    if (n.isNull()) {
      return RoutingFacts.NONE;
    }
    if (!n.isObject()) {
      throw new InvalidInputException("routing: must be an object");
    }
    ObjectNode o = (ObjectNode) n;
    return new RoutingFacts(
        state(o, "decisionsTakenIn"),
        state(o, "mostEmployeesIn"),
        state(o, "authorisedRepresentativeIn"),
        state(o, "importerIn"),
        state(o, "distributorIn"),
        state(o, "mostUsersIn"));
  }

  private static @Nullable MemberState state(ObjectNode o, String field) {
    String v = Body.text(o, field);
    return v == null || v.isBlank() ? null : MemberState.parse("routing." + field, v);
  }

  private static Evidence evidence(JsonNode n) {
    if (!n.isObject()) {
      throw new InvalidInputException("evidence: items must be objects {description, reference}");
    }
    return new Evidence(
        orEmpty(Body.text((ObjectNode) n, "description")),
        orEmpty(Body.text((ObjectNode) n, "reference")));
  }

  private static Signal signal(JsonNode n) {
    if (!n.isObject()) {
      throw new InvalidInputException("signals: items must be objects {source, value}");
    }
    return new Signal(
        orEmpty(Body.text((ObjectNode) n, "source")), orEmpty(Body.text((ObjectNode) n, "value")));
  }

  private static AffectedProduct product(JsonNode n) {
    if (!n.isObject()) {
      throw new InvalidInputException("products: items must be objects {productId, releaseIds}");
    }
    Long id = Body.number((ObjectNode) n, "productId");
    if (id == null) {
      throw new InvalidInputException("products.productId: required");
    }
    List<AffectedProduct.AffectedRelease> releases = new ArrayList<>();
    JsonNode r = n.get("releaseIds");
    if (r != null && !r.isNull()) {
      if (!r.isArray() || r.size() > MAX_ITEMS) {
        throw new InvalidInputException("products.releaseIds: must be an array of release ids");
      }
      for (JsonNode x : r) {
        if (!x.canConvertToLong() || !x.isIntegralNumber()) {
          throw new InvalidInputException("products.releaseIds: must be whole numbers");
        }
        releases.add(new AffectedProduct.AffectedRelease(x.longValue(), ""));
      }
    }
    return new AffectedProduct(id, "", releases);
  }

  private static <T> List<T> list(ObjectNode b, String field, Function<JsonNode, T> item) {
    JsonNode n = b.get(field);
    if (n == null || n.isNull()) {
      return List.of();
    }
    if (!n.isArray()) {
      throw new InvalidInputException(field + ": must be an array");
    }
    if (n.size() > MAX_ITEMS) {
      throw new InvalidInputException(field + ": at most " + MAX_ITEMS + " items");
    }
    List<T> out = new ArrayList<>();
    n.forEach(x -> out.add(item.apply(x)));
    return out;
  }

  private static String text(JsonNode n, String field) {
    if (!n.isTextual()) {
      throw new InvalidInputException(field + ": items must be strings");
    }
    return n.textValue();
  }

  private static String orEmpty(@Nullable String s) {
    return s == null ? "" : s;
  }
}
