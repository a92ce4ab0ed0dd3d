package dev.craft.server;

import dev.craft.core.CaseDeadline;
import dev.craft.core.CaseDraft;
import dev.craft.core.FieldIssue;
import dev.craft.core.PecGround;
import dev.craft.core.SrpField;
import dev.craft.core.SrpFields;
import dev.craft.core.SrpValues;
import dev.craft.core.StageReadiness;
import dev.craft.core.Submission;
import java.util.ArrayList;
import java.util.List;

/**
 * A case as a printable report: sections of label/value lines, in the order a reader needs them.
 * The PDF export renders it; keeping it separate keeps the PDF code about layout only.
 */
final class CaseReport {
  record Line(String label, String value) {}

  record Section(String title, List<Line> lines) {
    Section {
      lines = List.copyOf(lines);
    }
  }

  private CaseReport() {}

  static String title(CaseDetails d) {
    return "Art. 14 case " + d.id() + ": " + d.reportingCase().title();
  }

  static List<Section> sections(CaseDetails d) {
    CaseDraft f = d.reportingCase().facts();
    List<Section> out = new ArrayList<>();
    List<Line> facts = new ArrayList<>();
    facts.add(new Line("Kind", f.kind().id() + " (" + f.kind().duty() + ")"));
    facts.add(new Line("Status", f.status().wireName()));
    facts.add(new Line("Became aware (T0)", SrpValues.time(f.awareAt()) + ", zone " + f.zone()));
    facts.add(new Line("Decided by", d.reportingCase().decidedBy()));
    facts.add(new Line("Determination", f.determination()));
    f.evidence()
        .forEach(
            e ->
                facts.add(
                    new Line(
                        "Evidence",
                        e.description()
                            + (e.reference().isEmpty() ? "" : " [" + e.reference() + "]"))));
    f.signals()
        .forEach(
            s ->
                facts.add(
                    new Line("Signal (not the determination)", s.source() + ": " + s.value())));
    f.severityCriteria()
        .forEach(s -> facts.add(new Line("Severity criterion", s.basis() + " " + s.wireName())));
    facts.add(
        new Line(
            "Coordinator",
            d.route()
                .map(
                    r ->
                        r.state().countryName()
                            + ": "
                            + r.csirt().name()
                            + (r.csirt().verified() ? "" : " (unverified)")
                            + " - "
                            + r.basis())
                .orElse("not determined: enter the main establishment or the Art. 14(7) cascade")));
    if (f.enterpriseSize().earlyWarningFineExempt()) {
      facts.add(new Line("Micro/small enterprise", dev.craft.core.EnterpriseSize.CARVE_OUT));
    }
    out.add(new Section("Case", facts));

    List<Line> clocks = new ArrayList<>();
    for (CaseDeadline x : d.deadlines()) {
      String due = x.due() == null ? x.note() : SrpValues.time(x.due());
      String state = x.state().wireName().replace('_', ' ');
      String sent =
          x.submittedAt() == null
              ? ""
              : ", submitted " + SrpValues.time(x.submittedAt()) + (x.late() ? " (late)" : "");
      clocks.add(new Line(x.label() + " - " + x.basis(), due + " - " + state + sent));
    }
    out.add(new Section("Deadlines", clocks));

    List<Line> missing = new ArrayList<>();
    for (StageReadiness r : d.readiness()) {
      if (r.issues().isEmpty()) {
        missing.add(new Line(r.stage().label(), "complete"));
      }
      for (FieldIssue i : r.issues()) {
        missing.add(
            new Line(r.stage().label(), (i.blocking() ? "MISSING: " : "advice: ") + i.message()));
      }
    }
    out.add(new Section("What each stage still needs", missing));

    List<Line> dissemination = new ArrayList<>();
    dissemination.add(
        new Line("Sensitivity (SRP 15)", f.content().getOrDefault("sensitivity", "not stated")));
    for (PecGround g : f.dissemination().pecGrounds()) {
      dissemination.add(new Line("Exceptional circumstance " + g.basis(), g.text()));
    }
    dissemination.add(
        new Line(
            "Delay of dissemination requested (Art. 16(2))",
            f.dissemination().delayRequested() ? "yes" : "no"));
    out.add(new Section("Sensitivity and dissemination", dissemination));

    List<Line> srp = new ArrayList<>();
    for (SrpField field : SrpFields.of(f.kind())) {
      String v = d.srpValues().getOrDefault(field.key(), "");
      srp.add(new Line(field.number() + " " + field.label(), v.isEmpty() ? "-" : v));
    }
    out.add(new Section("Single reporting platform fields", srp));

    List<Line> subs = new ArrayList<>();
    for (Submission s : d.submissions()) {
      subs.add(
          new Line(
              s.stage().label(),
              SrpValues.time(s.submittedAt())
                  + " by "
                  + s.submittedBy()
                  + (s.reference().isEmpty() ? "" : ", ref " + s.reference())));
    }
    if (subs.isEmpty()) {
      subs.add(new Line("Submissions", "none yet"));
    }
    out.add(new Section("Submissions", subs));
    return out;
  }
}
