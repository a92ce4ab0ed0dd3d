package dev.craft.server;

import dev.craft.core.Classification;
import dev.craft.core.ConformityModule;
import dev.craft.core.DocumentationFacts;
import dev.craft.core.EssentialRequirement;
import dev.craft.core.EssentialRequirements;
import dev.craft.core.InvalidInputException;
import dev.craft.core.RequirementAssessment;
import dev.craft.core.RiskAssessmentDraft;
import dev.craft.core.ScopeFacts;
import dev.craft.core.SupportPlan;
import io.javalin.http.Context;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The web forms of the compliance pages: a record's values as form fields (to fill a form in) and
 * the risk-assessment form's per-requirement fields back into records. A form that fails validation
 * is shown again with what the person typed.
 */
final class ComplianceForms {
  /** The documentation form's fields, in annex order, with the item each one fills. */
  static final Map<String, String> DOCUMENTATION_LABELS = documentationLabels();

  private ComplianceForms() {}

  private static Map<String, String> documentationLabels() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(
        "manufacturerName",
        "Manufacturer's name, registered trade name or trademark (Annex II 1, Annex V 2)");
    m.put("manufacturerAddress", "Postal address (Annex II 1, Annex V 2)");
    m.put("manufacturerEmail", "Email address or other digital contact (Annex II 1)");
    m.put(
        "authorisedRepresentative",
        "Authorised representative, name and address, if mandated (Annex V 2, Art. 18)");
    m.put(
        "declarationUrl",
        "Internet address of the full EU declaration of conformity (Annex II 6, Annex VI, Art. 13(20))");
    m.put(
        "cvdPolicyUrl",
        "Coordinated vulnerability disclosure policy (Annex II 2, Annex I Part II (5))");
    m.put(
        "securityProperties",
        "Security environment, essential functionalities and security properties (Annex II 4)");
    m.put("supportType", "Type of technical security support offered (Annex II 7)");
    m.put(
        "secureUseInstructions",
        "Instructions for secure use, updates and decommissioning, or their address (Annex II 8(a)-(e))");
    m.put("integratorInformation", "Information for integrators (Annex II 8(f))");
    m.put("sbomLocation", "Where users can access the SBOM, if you make it available (Annex II 9)");
    m.put("illustrations", "Photographs or illustrations of a hardware product (Annex VII 1(c))");
    m.put("designDescription", "Design, development and system architecture (Annex VII 2(a))");
    m.put(
        "vulnerabilityHandling",
        "Vulnerability handling and secure distribution of updates (Annex VII 2(b))");
    m.put(
        "productionMonitoring",
        "Production and monitoring processes and their validation (Annex VII 2(c))");
    m.put("testReports", "Reports of the tests carried out to verify conformity (Annex VII 6)");
    m.put("signatoryName", "Name of the signatory (Annex V 8)");
    m.put("signatoryFunction", "Function of the signatory (Annex V 8)");
    m.put("placeOfIssue", "Place of issue (Annex V 8)");
    m.put("additionalInformation", "Additional information (Annex V 8)");
    return java.util.Collections.unmodifiableMap(m);
  }

  /** What the person submitted, field by field. */
  static Map<String, String> submitted(Context ctx) {
    Map<String, String> v = new HashMap<>();
    ctx.formParamMap().forEach((k, list) -> v.put(k, list.isEmpty() ? "" : list.getFirst()));
    return v;
  }

  static Map<String, String> of(ScopeFacts s) {
    Map<String, String> v = new HashMap<>();
    v.put("dataConnection", Boolean.toString(s.dataConnection()));
    v.put("exemption", s.exemption().wireName());
    v.put("freeOpenSource", Boolean.toString(s.freeOpenSource()));
    v.put("commercialActivity", Boolean.toString(s.commercialActivity()));
    v.put("placedOnMarket", s.placedOnMarket() == null ? "" : s.placedOnMarket().toString());
    v.put("substantiallyModified", Boolean.toString(s.substantiallyModified()));
    v.put("rationale", s.rationale());
    return v;
  }

  static Map<String, String> of(Classification c) {
    Map<String, String> v = new HashMap<>();
    v.put("productClass", c.productClass().id());
    v.put("annexCategory", c.annexCategory() == null ? "" : c.annexCategory());
    v.put("coreFunctionality", c.coreFunctionality());
    v.put("standards", c.standards().id());
    v.put("standardsReferences", c.standardsReferences());
    v.put("euccRequired", Boolean.toString(c.euccRequired()));
    v.put("fossPublicDocs", Boolean.toString(c.fossPublicDocs()));
    v.put("chosenModule", c.module().map(ConformityModule::id).orElse(""));
    v.put("notifiedBody", c.notifiedBody());
    return v;
  }

  static Map<String, String> of(SupportPlan s) {
    Map<String, String> v = new HashMap<>();
    v.put("start", s.start().toString());
    v.put("end", s.end().toString());
    v.put("expectedUseMonths", Integer.toString(s.expectedUseMonths()));
    v.put("factors", s.factors());
    v.put("shortPeriodJustification", s.shortPeriodJustification());
    return v;
  }

  static Map<String, String> of(DocumentationFacts f) {
    Map<String, String> v = new HashMap<>();
    for (RecordComponent c : DocumentationFacts.class.getRecordComponents()) {
      try {
        v.put(c.getName(), (String) c.getAccessor().invoke(f));
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("cannot read " + c.getName(), e);
      }
    }
    return v;
  }

  static Map<String, String> of(RiskAssessmentDraft d) {
    Map<String, String> v = new HashMap<>();
    v.put("intendedPurpose", d.intendedPurpose());
    v.put("foreseeableUse", d.foreseeableUse());
    v.put("foreseeableMisuse", d.foreseeableMisuse());
    v.put("operationalEnvironment", d.operationalEnvironment());
    v.put("assets", d.assets());
    v.put("threats", d.threats());
    v.put("substantialModification", d.substantialModification().wireName());
    v.put("substantialModificationRationale", d.substantialModificationRationale());
    for (RequirementAssessment r : d.requirements()) {
      v.put("applicable_" + r.requirementId(), r.applicable() ? "yes" : "no");
      v.put("howMet_" + r.requirementId(), r.howMet());
      v.put("justification_" + r.requirementId(), r.justification());
      v.put("evidence_" + r.requirementId(), String.join("\n", r.evidence()));
    }
    return v;
  }

  /**
   * The requirement decisions of the risk-assessment form: {@code applicable_<id>} is "yes", "no"
   * or empty (not assessed yet); evidence is one link per line.
   */
  static List<RequirementAssessment> requirements(Map<String, String> v) {
    List<RequirementAssessment> out = new ArrayList<>();
    for (EssentialRequirement e : EssentialRequirements.all()) {
      String applicable = v.getOrDefault("applicable_" + e.id(), "");
      if (applicable.isBlank()) {
        continue;
      }
      if (!applicable.equals("yes") && !applicable.equals("no")) {
        throw new InvalidInputException("applicable_" + e.id() + ": expected yes or no");
      }
      List<String> evidence =
          v.getOrDefault("evidence_" + e.id(), "")
              .lines()
              .map(String::strip)
              .filter(l -> !l.isEmpty())
              .toList();
      out.add(
          new RequirementAssessment(
              e.id(),
              applicable.equals("yes"),
              v.getOrDefault("howMet_" + e.id(), ""),
              v.getOrDefault("justification_" + e.id(), ""),
              evidence));
    }
    return out;
  }
}
