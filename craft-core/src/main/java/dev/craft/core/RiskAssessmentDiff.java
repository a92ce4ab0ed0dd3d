package dev.craft.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * What changed between two revisions of a risk assessment, field by field.
 *
 * @param from the older revision number
 * @param to the newer revision number
 * @param changes every field whose value differs, with both values ("" when absent)
 */
public record RiskAssessmentDiff(int from, int to, List<Change> changes) {
  public RiskAssessmentDiff {
    changes = List.copyOf(changes);
  }

  /** One changed field, e.g. {@code threats} or {@code requirements[I-2-d].howMet}. */
  public record Change(String field, String before, String after) {
    public Change {
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(before, "before");
      Objects.requireNonNull(after, "after");
    }
  }

  public static RiskAssessmentDiff between(RiskAssessment older, RiskAssessment newer) {
    RiskAssessmentDraft a = older.content();
    RiskAssessmentDraft b = newer.content();
    List<Change> changes = new ArrayList<>();
    add(changes, "intendedPurpose", a.intendedPurpose(), b.intendedPurpose());
    add(changes, "foreseeableUse", a.foreseeableUse(), b.foreseeableUse());
    add(changes, "foreseeableMisuse", a.foreseeableMisuse(), b.foreseeableMisuse());
    add(changes, "operationalEnvironment", a.operationalEnvironment(), b.operationalEnvironment());
    add(changes, "assets", a.assets(), b.assets());
    add(changes, "threats", a.threats(), b.threats());
    add(
        changes,
        "substantialModification",
        a.substantialModification().wireName(),
        b.substantialModification().wireName());
    add(
        changes,
        "substantialModificationRationale",
        a.substantialModificationRationale(),
        b.substantialModificationRationale());
    Map<String, RequirementAssessment> before = byId(a);
    Map<String, RequirementAssessment> after = byId(b);
    for (EssentialRequirement e : EssentialRequirements.all()) {
      @Nullable RequirementAssessment x = before.get(e.id());
      @Nullable RequirementAssessment y = after.get(e.id());
      String f = "requirements[" + e.id() + "]";
      add(changes, f + ".applicable", applicable(x), applicable(y));
      add(changes, f + ".howMet", x == null ? "" : x.howMet(), y == null ? "" : y.howMet());
      add(
          changes,
          f + ".justification",
          x == null ? "" : x.justification(),
          y == null ? "" : y.justification());
      add(
          changes,
          f + ".evidence",
          x == null ? "" : String.join("\n", x.evidence()),
          y == null ? "" : String.join("\n", y.evidence()));
    }
    return new RiskAssessmentDiff(older.revision(), newer.revision(), changes);
  }

  private static String applicable(@Nullable RequirementAssessment r) {
    return r == null ? "" : Boolean.toString(r.applicable());
  }

  private static Map<String, RequirementAssessment> byId(RiskAssessmentDraft d) {
    return d.requirements().stream()
        .collect(Collectors.toMap(RequirementAssessment::requirementId, Function.identity()));
  }

  private static void add(List<Change> changes, String field, String before, String after) {
    if (!before.equals(after)) {
      changes.add(new Change(field, before, after));
    }
  }
}
