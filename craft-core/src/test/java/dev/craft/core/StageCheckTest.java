package dev.craft.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StageCheckTest {
  /** The fields the SRP glossary marks "Required" at each stage, per kind. */
  @ParameterizedTest(name = "{0} {1}: {2}")
  @CsvSource({
    "VULNERABILITY, EARLY_WARNING, 1 2 3 4 5 6 7 v26",
    "VULNERABILITY, NOTIFICATION, 1 2 3 4 5 6 7 v21 v26",
    "VULNERABILITY, FINAL_REPORT, 1 2 3 4 5 6 7 16 17 v21 v22 v23 v24 v25 v26",
    "INCIDENT, EARLY_WARNING, 1 2 3 4 5 6 7 i31 i37",
    "INCIDENT, NOTIFICATION, 1 2 3 4 5 6 7 i31 i32 i37 i38 i39",
    "INCIDENT, FINAL_REPORT, 1 2 3 4 5 6 7 16 17 i31 i32 i33 i34 i35 i36 i37 i39",
  })
  void anEmptyFormIsMissingExactlyTheSrpRequiredFields(
      Art14Kind kind, SubmissionStage stage, String numbers) {
    var required =
        SrpFields.of(kind).stream().filter(f -> f.requiredAt(stage)).map(SrpField::number).toList();
    assertThat(required).containsExactly(numbers.split(" "));
    var issues = StageCheck.check(kind, stage, Map.of()).blocking();
    assertThat(issues).extracting(FieldIssue::number).containsAll(List.of(numbers.split(" ")));
  }

  @Test
  void theLimitsAreTheGlossarysAndOverlongTextBlocks() {
    Map<String, Integer> limits = new HashMap<>();
    SrpFields.of(Art14Kind.VULNERABILITY).forEach(f -> limits.put(f.number(), f.maxLength()));
    assertThat(limits)
        .containsEntry("2", 255)
        .containsEntry("3", 4000)
        .containsEntry("15", 255)
        .containsEntry("16", 2000)
        .containsEntry("v27", 100)
        .containsEntry("v30", 800);
    var r =
        StageCheck.check(
            Art14Kind.VULNERABILITY,
            SubmissionStage.EARLY_WARNING,
            Map.of("maliciousActor", "x".repeat(101)));
    assertThat(r.blocking())
        .anySatisfy(i -> assertThat(i.message()).contains("101 characters").contains("v27"));
  }

  @Test
  void theLawsConditionalContentIsAdviceAndItsUnconditionalContentBlocks() {
    var r = StageCheck.check(Art14Kind.INCIDENT, SubmissionStage.NOTIFICATION, Map.of());
    assertThat(r.warnings())
        .anySatisfy(i -> assertThat(i.message()).startsWith("Art. 14(4)(b)").contains("sensitive"));
    assertThat(r.blocking()).anySatisfy(i -> assertThat(i.field()).isEqualTo("initialAssessment"));
    var fin = StageCheck.check(Art14Kind.VULNERABILITY, SubmissionStage.FINAL_REPORT, Map.of());
    assertThat(fin.warnings())
        .anySatisfy(i -> assertThat(i.number()).isEqualTo("v27")); // "where available"
  }

  @Test
  void aChoiceOutsideItsOptionsBlocks() {
    var r =
        StageCheck.check(
            Art14Kind.INCIDENT,
            SubmissionStage.EARLY_WARNING,
            Map.of("maliciousSuspected", "maybe"));
    assertThat(r.blocking())
        .anySatisfy(i -> assertThat(i.message()).contains("[yes, no, unknown]"));
  }
}
