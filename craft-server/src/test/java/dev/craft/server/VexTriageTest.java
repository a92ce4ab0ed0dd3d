package dev.craft.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.craft.core.InvalidInputException;
import dev.craft.core.VexJustification;
import dev.craft.core.VexProduct;
import dev.craft.core.VexResponse;
import dev.craft.core.VexStatement;
import dev.craft.core.VexStatus;
import dev.craft.store.VexFinding;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The mapping between triage analyses and VEX statements: the table in docs/vex.md, "Import". */
class VexTriageTest {
  static final VexProduct PRODUCT = new VexProduct("", "Gateway", "1.0", "", "");

  static VexFinding finding(
      @Nullable String state, @Nullable String justification, @Nullable String response) {
    return new VexFinding(
        1,
        2,
        "1.0",
        "GHSA-1",
        "CVE-1",
        "pkg:npm/x@1",
        "x",
        "1",
        "x",
        "npm/x",
        state,
        justification,
        response,
        state == null ? null : "why");
  }

  @ParameterizedTest(name = "triage {0} is VEX {1} (detail {2})")
  @CsvSource({
    "in_triage, under_investigation, ''",
    "exploitable, affected, ''",
    "resolved, fixed, ''",
    "resolved_with_pedigree, fixed, resolved_with_pedigree",
    "false_positive, not_affected, false_positive",
    "not_affected, not_affected, ''",
  })
  void everyTriageStateHasItsVexStatusAndComesBack(String state, String status, String detail) {
    String justification = state.equals("not_affected") ? "requires_dependency" : "";
    VexStatement s =
        VexTriage.statement(finding(state, justification, "will_not_fix update"), PRODUCT);
    assertThat(s.status().wireName()).isEqualTo(status);
    assertThat(s.stateDetail()).isEqualTo(detail);
    assertThat(s.vulnerability()).isEqualTo("GHSA-1");
    assertThat(s.aliases()).containsExactly("CVE-1");
    assertThat(s.subcomponent().purl()).isEqualTo("pkg:npm/x@1");
    VexTriage.Analysis back = VexTriage.analysis(s);
    assertThat(back.state()).isEqualTo(state);
    assertThat(back.justification()).isEqualTo(justification);
    assertThat(back.response()).containsExactly("will_not_fix", "update");
    assertThat(back.detail()).isEqualTo("why");
  }

  @Test
  void aFindingWithoutDecisionIsUnderInvestigation() {
    VexStatement s = VexTriage.statement(finding(null, null, null), PRODUCT);
    assertThat(s.status()).isEqualTo(VexStatus.UNDER_INVESTIGATION);
    assertThat(s.justification()).isEqualTo(VexJustification.NONE);
    assertThat(s.responses()).isEmpty();
    assertThat(s.notes()).isEmpty();
  }

  @ParameterizedTest(name = "VEX justification {0} is triage {1}")
  @CsvSource({
    "component_not_present, code_not_present",
    "vulnerable_code_not_present, code_not_present",
    "vulnerable_code_not_in_execute_path, code_not_reachable",
    "vulnerable_code_cannot_be_controlled_by_adversary, requires_environment",
    "inline_mitigations_already_exist, protected_by_mitigating_control",
    "protected_at_perimeter, protected_at_perimeter",
    "requires_configuration, requires_configuration",
  })
  void openVexAndCsafJustificationsBecomeCycloneDxCodes(String vex, String triage) {
    var s =
        VexStatement.of(
            "CVE-1",
            PRODUCT,
            VexStatus.NOT_AFFECTED,
            VexJustification.valueOf(vex.toUpperCase(java.util.Locale.ROOT)));
    assertThat(VexTriage.analysis(s).justification()).isEqualTo(triage);
  }

  @ParameterizedTest(name = "VEX response {0} is triage {1}")
  @CsvSource({
    "vendor_fix, update",
    "workaround, workaround_available",
    "mitigation, workaround_available",
    "no_fix_planned, will_not_fix",
    "none_available, can_not_fix",
    "rollback, rollback",
  })
  void csafRemediationsBecomeCycloneDxResponses(String vex, String triage) {
    var s =
        new VexStatement(
            "CVE-1",
            List.of(),
            PRODUCT,
            VexProduct.NONE,
            VexStatus.AFFECTED,
            "",
            VexJustification.NONE,
            "",
            "",
            List.of(VexResponse.valueOf(vex.toUpperCase(java.util.Locale.ROOT))),
            "",
            "",
            "");
    assertThat(VexTriage.analysis(s).response()).containsExactly(triage);
  }

  @Test
  void notAffectedWithoutJustificationCannotBeRecorded() {
    var s = VexStatement.of("CVE-1", PRODUCT, VexStatus.NOT_AFFECTED, VexJustification.NONE);
    assertThatThrownBy(() -> VexTriage.analysis(s))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("requires one");
  }

  @Test
  void theDetailIsTheImpactOrTheNotesAndTheActionIsAppended() {
    var s =
        new VexStatement(
            "CVE-1",
            List.of(),
            PRODUCT,
            VexProduct.NONE,
            VexStatus.AFFECTED,
            "",
            VexJustification.NONE,
            "",
            "Upgrade to 2.0.",
            List.of(),
            "Reachable from the web UI.",
            "",
            "");
    assertThat(VexTriage.analysis(s).detail())
        .isEqualTo("Reachable from the web UI.\n\nAction: Upgrade to 2.0.");
  }
}
