package dev.craft.server;

import dev.craft.core.InvalidInputException;
import dev.craft.core.VexJustification;
import dev.craft.core.VexProduct;
import dev.craft.core.VexResponse;
import dev.craft.core.VexStatement;
import dev.craft.core.VexStatus;
import dev.craft.store.VexFinding;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The mapping between a VEX statement and a triage analysis (CycloneDX vocabulary), both ways, as
 * the tables in docs/vex.md say. Exact for every triage state, so a decision exported and imported
 * again comes back the same.
 */
final class VexTriage {
  /** Longest detail a triage decision keeps ({@code TriageInput}'s text limit). */
  static final int MAX_DETAIL = 10_000;

  private VexTriage() {}

  /** A triage analysis: state, justification, responses and detail. */
  record Analysis(String state, String justification, List<String> response, String detail) {
    Analysis {
      response = List.copyOf(response);
    }
  }

  /**
   * The analysis a statement says. Throws {@link InvalidInputException} when triage cannot record
   * it (a {@code not_affected} without justification: CRAFT requires one).
   */
  static Analysis analysis(VexStatement s) {
    String justification =
        s.justification() == VexJustification.NONE
            ? ""
            : s.justification().toCycloneDx().wireName();
    String state =
        switch (s.status()) {
          case NOT_AFFECTED ->
              s.stateDetail().equals("false_positive") ? "false_positive" : "not_affected";
          case AFFECTED -> "exploitable";
          case FIXED ->
              s.stateDetail().equals("resolved_with_pedigree")
                  ? "resolved_with_pedigree"
                  : "resolved";
          case UNDER_INVESTIGATION -> "in_triage";
        };
    if (state.equals("not_affected") && justification.isEmpty()) {
      throw new InvalidInputException(
          "not_affected without a justification: CRAFT's triage requires one");
    }
    List<String> responses = new ArrayList<>();
    for (VexResponse r : s.responses()) {
      String code = r.toCycloneDx().wireName();
      if (!responses.contains(code)) {
        responses.add(code);
      }
    }
    boolean notAffected = s.status() == VexStatus.NOT_AFFECTED;
    String main = notAffected ? s.impact() : s.notes();
    String other = notAffected ? s.notes() : s.impact();
    String detail = main.isBlank() ? other.strip() : main.strip();
    if (!s.action().isBlank() && !s.action().strip().equals(detail)) {
      detail =
          detail.isEmpty()
              ? "Action: " + s.action().strip()
              : detail + "\n\nAction: " + s.action().strip();
    }
    if (detail.length() > MAX_DETAIL) {
      detail = detail.substring(0, MAX_DETAIL - 1) + "…";
    }
    return new Analysis(state, justification, responses, detail);
  }

  /**
   * The statement a finding's effective analysis says (no decision: {@code under_investigation}).
   */
  static VexStatement statement(VexFinding f, VexProduct product) {
    String state = f.effectiveState();
    VexStatus status =
        switch (state) {
          case "not_affected", "false_positive" -> VexStatus.NOT_AFFECTED;
          case "exploitable" -> VexStatus.AFFECTED;
          case "resolved", "resolved_with_pedigree" -> VexStatus.FIXED;
          default -> VexStatus.UNDER_INVESTIGATION;
        };
    String detail = f.detail() == null ? "" : f.detail();
    String justification = f.justification() == null ? "" : f.justification();
    List<VexResponse> responses =
        f.responses().stream().map(r -> VexResponse.valueOf(r.toUpperCase(Locale.ROOT))).toList();
    VexProduct component = new VexProduct("", f.name(), f.version(), f.purl(), "");
    return new VexStatement(
        f.vulnerabilityId(),
        f.ids().subList(1, f.ids().size()),
        product,
        component,
        status,
        state.equals("false_positive") || state.equals("resolved_with_pedigree") ? state : "",
        justification.isEmpty()
            ? VexJustification.NONE
            : VexJustification.valueOf(justification.toUpperCase(Locale.ROOT)),
        status == VexStatus.NOT_AFFECTED ? detail : "",
        "",
        responses,
        status == VexStatus.NOT_AFFECTED ? "" : detail,
        "",
        "");
  }
}
