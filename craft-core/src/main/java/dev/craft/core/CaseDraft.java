package dev.craft.core;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The facts of an Art. 14 case as entered, validated: the determination with its evidence, T0, the
 * scope, the routing facts and the SRP content. A vulnerability needs at least one piece of
 * reliable evidence (signals alone are not a determination); an incident needs at least one Art.
 * 14(5) criterion, which is what makes it severe.
 *
 * @param content SRP free-text and choice fields by key (see {@link SrpFields}); fields held
 *     elsewhere in the case (title, summary, T0, …) are refused here
 * @param sourceType where the case came from: manual, finding or cvd_report
 * @param sourceRef the id of the finding or report; empty for manual cases
 */
public record CaseDraft(
    Art14Kind kind,
    CaseStatus status,
    String title,
    String summary,
    Instant awareAt,
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

  /** A stored text can be longer than the SRP accepts (the stage check says so), not unbounded. */
  static final int MAX_CONTENT = 20_000;

  static final List<String> SOURCE_TYPES = List.of("manual", "finding", "cvd_report");

  /** Keys the case holds in its own fields, so they cannot be set through {@code content}. */
  public static final List<String> DERIVED_FIELDS =
      List.of(
          "notificationType",
          "title",
          "summary",
          "manufacturerName",
          "memberStates",
          "awareAt",
          "measureAvailableAt",
          "occurredAt",
          "pecGrounds");

  public CaseDraft {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(awareAt, "awareAt");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(enterpriseSize, "enterpriseSize");
    Objects.requireNonNull(routing, "routing");
    Objects.requireNonNull(dissemination, "dissemination");
    title = Text.required("title", title, 255);
    summary = Text.optional("summary", summary, MAX_CONTENT);
    determination = Text.required("determination", determination, MAX_CONTENT);
    manufacturer = Text.optional("manufacturer", manufacturer, 255);
    evidence = List.copyOf(evidence);
    signals = List.copyOf(signals);
    severityCriteria = List.copyOf(severityCriteria.stream().distinct().toList());
    products = List.copyOf(products);
    memberStates =
        List.copyOf(
            memberStates.stream()
                .distinct()
                .sorted(Comparator.comparing(MemberState::code))
                .toList());
    sourceType = Text.optional("source.type", sourceType, 20);
    if (sourceType.isEmpty()) {
      sourceType = "manual";
    }
    if (!SOURCE_TYPES.contains(sourceType)) {
      throw new InvalidInputException(
          "source.type: unknown value '" + sourceType + "' (allowed: " + SOURCE_TYPES + ")");
    }
    sourceRef = Text.optional("source.ref", sourceRef, 200);
    if (kind == Art14Kind.VULNERABILITY && evidence.isEmpty()) {
      throw new InvalidInputException(
          "evidence: an actively exploited vulnerability needs reliable evidence that a malicious"
              + " actor has exploited it (Art. 3(42)); signals such as KEV or EPSS are not enough");
    }
    if (kind == Art14Kind.INCIDENT && severityCriteria.isEmpty()) {
      throw new InvalidInputException(
          "severityCriteria: an incident is severe, and reportable under Art. 14(3), only when it"
              + " meets Art. 14(5)(a) or (b)");
    }
    if (kind == Art14Kind.VULNERABILITY && !severityCriteria.isEmpty()) {
      throw new InvalidInputException(
          "severityCriteria: the Art. 14(5) criteria apply to incidents, not vulnerabilities");
    }
    if (kind == Art14Kind.INCIDENT && measureAvailableAt != null) {
      throw new InvalidInputException(
          "measureAvailableAt: applies to vulnerabilities (Art. 14(2)(c)); an incident's final"
              + " report runs from the notification");
    }
    if (kind == Art14Kind.VULNERABILITY && occurredAt != null) {
      throw new InvalidInputException("occurredAt: applies to incidents (SRP field i38)");
    }
    if (kind == Art14Kind.INCIDENT && !dissemination.pecGrounds().isEmpty()) {
      throw new InvalidInputException(
          "pecGrounds: Art. 16(2) circumstances are indicated in a vulnerability notification");
    }
    content = validContent(kind, content);
  }

  private static Map<String, String> validContent(Art14Kind kind, Map<String, String> content) {
    Map<String, String> clean = new LinkedHashMap<>();
    List<String> keys = new ArrayList<>(content.keySet());
    keys.sort(null);
    for (String key : keys) {
      if (DERIVED_FIELDS.contains(key)) {
        throw new InvalidInputException(
            "content." + key + ": set this through the case's own field, not content");
      }
      SrpField field = SrpFields.get(kind, key);
      String value = Text.optional("content." + key, content.get(key), MAX_CONTENT);
      if (value.isEmpty()) {
        continue;
      }
      if (field.format() == SrpFormat.CHOICE && !field.options().contains(value)) {
        throw new InvalidInputException(
            "content." + key + ": must be one of " + field.options() + ", got '" + value + "'");
      }
      clean.put(key, value);
    }
    return Map.copyOf(clean);
  }

  /** The clock facts of this case, without the notification submission (the store adds it). */
  public Art14Case clockCase() {
    Art14Case c = Art14Case.of(kind, awareAt).withZone(zone);
    return measureAvailableAt == null ? c : c.withMeasureAvailableAt(measureAvailableAt);
  }
}
