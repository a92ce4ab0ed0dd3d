package dev.craft.core;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a case's SRP values for one stage: the fields the SRP requires there, the content Art. 14
 * requires, the length limits and the allowed choices.
 */
public final class StageCheck {
  private StageCheck() {}

  /**
   * @param values SRP field key → value; multi-choice values comma-separated; absent or blank means
   *     missing
   */
  public static StageReadiness check(
      Art14Kind kind, SubmissionStage stage, Map<String, String> values) {
    List<FieldIssue> issues = new ArrayList<>();
    Set<String> reported = new LinkedHashSet<>();
    for (SrpField f : SrpFields.of(kind)) {
      String v = values.getOrDefault(f.key(), "").strip();
      if (v.isEmpty()) {
        if (f.requiredAt(stage)) {
          issues.add(issue(f, true, f.label() + " is required by the SRP at the " + stage.label()));
          reported.add(f.key());
        } else if (f.at(stage) == SrpRequirement.REQUIRED_IF_AVAILABLE) {
          issues.add(
              issue(f, false, f.label() + " is required by the SRP if the information is known"));
          reported.add(f.key());
        }
        continue;
      }
      if (f.maxLength() > 0 && v.length() > f.maxLength()) {
        issues.add(
            issue(
                f,
                true,
                f.label()
                    + " has "
                    + v.length()
                    + " characters; the SRP accepts at most "
                    + f.maxLength()));
      }
      if (f.format() == SrpFormat.CHOICE && !f.options().contains(v)) {
        issues.add(
            issue(f, true, f.label() + " must be one of " + f.options() + ", got '" + v + "'"));
      }
    }
    for (LawItem item : LawContent.of(kind, stage)) {
      boolean present = item.fields().stream().anyMatch(k -> !values.getOrDefault(k, "").isBlank());
      if (present || item.fields().stream().anyMatch(reported::contains)) {
        continue;
      }
      SrpField f = SrpFields.get(kind, item.fields().getFirst());
      issues.add(
          new FieldIssue(
              f.key(),
              f.number(),
              f.label(),
              !item.conditional(),
              item.basis() + " asks for " + item.text() + " (SRP field " + f.number() + ")"));
    }
    return new StageReadiness(stage, issues);
  }

  private static FieldIssue issue(SrpField f, boolean blocking, String message) {
    return new FieldIssue(
        f.key(), f.number(), f.label(), blocking, message + " (SRP field " + f.number() + ")");
  }
}
