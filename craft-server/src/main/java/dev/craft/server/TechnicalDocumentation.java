package dev.craft.server;

import dev.craft.core.Classification;
import dev.craft.core.ConformityRoute;
import dev.craft.core.DocumentationFacts;
import dev.craft.core.EssentialRequirement;
import dev.craft.core.EssentialRequirements;
import dev.craft.core.ProductType;
import dev.craft.core.RequirementAssessment;
import dev.craft.core.RiskAssessment;
import dev.craft.core.ScopeDecision;
import dev.craft.core.ScopeRules;
import dev.craft.core.SupportPlan;
import dev.craft.store.SbomRow;
import java.util.ArrayList;
import java.util.List;

/** Annex VII: the technical documentation (Art. 31), from what CRAFT records today. */
final class TechnicalDocumentation {
  private TechnicalDocumentation() {}

  static ComplianceDocument build(
      Dossier d, ComplianceDocument userInformation, ComplianceDocument declaration) {
    DocumentationFacts f = d.facts();
    String docs = d.compliancePath("documentation");
    List<DocSection> sections = new ArrayList<>();
    sections.add(scopeAndRoute(d));
    boolean hardware = d.product().type() == ProductType.HARDWARE;
    sections.add(
        new DocSection(
            "1. General description",
            List.of(
                DocItem.of(
                    "Annex VII, point 1(a)",
                    "Intended purpose",
                    d.product().intendedPurpose(),
                    d.productPath()),
                DocItem.of(
                    "Annex VII, point 1(b)",
                    "Versions of software affecting compliance with essential cybersecurity"
                        + " requirements",
                    DossierText.releases(d),
                    d.productPath()),
                DocItem.of(
                    "Annex VII, point 1(c)",
                    "Photographs or illustrations of a hardware product",
                    hardware ? f.illustrations() : "not applicable: not a hardware product",
                    docs + "#illustrations"),
                DocItem.of(
                    "Annex VII, point 1(d)",
                    "User information and instructions as set out in Annex II",
                    reference(userInformation),
                    "/products/" + d.product().id() + "/compliance"))));
    sections.add(
        new DocSection(
            "2. Design, development, production and vulnerability handling",
            List.of(
                DocItem.of(
                    "Annex VII, point 2(a)",
                    "Design and development, system architecture",
                    f.designDescription(),
                    docs + "#designDescription"),
                DocItem.of(
                    "Annex VII, point 2(b)",
                    "Vulnerability handling processes and secure distribution of updates",
                    f.vulnerabilityHandling(),
                    docs + "#vulnerabilityHandling"),
                DocItem.of(
                    "Annex VII, point 2(b)",
                    "Coordinated vulnerability disclosure policy",
                    f.cvdPolicyUrl(),
                    docs + "#cvdPolicyUrl"),
                DocItem.of(
                    "Annex VII, point 2(b)",
                    "Contact address for the reporting of vulnerabilities",
                    d.product().securityContact(),
                    d.productPath()),
                DocItem.of(
                    "Annex VII, point 2(b); Annex I, Part II, point (1)",
                    "Software bill of materials",
                    sbom(d),
                    d.releasePath()),
                DocItem.notRecorded(
                    "Annex I, Part I, point (2)(a)",
                    "Known exploitable vulnerabilities at release"),
                DocItem.of(
                    "Annex VII, point 2(c)",
                    "Production and monitoring processes and their validation",
                    f.productionMonitoring(),
                    docs + "#productionMonitoring"))));
    sections.add(riskAssessment(d));
    SupportPlan s = d.support() == null ? null : d.support().value();
    sections.add(
        new DocSection(
            "4. Support period",
            List.of(
                DocItem.of(
                    "Annex VII, point 4; Art. 13(8)",
                    "Information taken into account to determine the support period",
                    s == null
                        ? ""
                        : "from "
                            + s.start()
                            + " to "
                            + s.end()
                            + " (end "
                            + s.period().endMonthYear()
                            + "); expected use "
                            + s.expectedUseMonths()
                            + " months; "
                            + s.factors()
                            + (s.shortPeriodJustification().isEmpty()
                                ? ""
                                : "; shorter than five years because "
                                    + s.shortPeriodJustification()),
                    d.compliancePath("support-period")))));
    Classification c = DeclarationDocuments.classification(d);
    sections.add(
        new DocSection(
            "5.–8. Standards, tests, declaration, SBOM",
            List.of(
                DocItem.of(
                    "Annex VII, point 5",
                    "Harmonised standards, common specifications or certification schemes applied"
                        + " in full or in part",
                    c == null ? "" : DossierText.standards(c),
                    d.compliancePath("classification")),
                DocItem.of(
                    "Annex VII, point 6",
                    "Reports of the tests carried out to verify conformity",
                    f.testReports(),
                    docs + "#testReports"),
                DocItem.of(
                    "Annex VII, point 7",
                    "A copy of the EU declaration of conformity",
                    reference(declaration),
                    "/products/" + d.product().id() + "/compliance"),
                DocItem.of(
                    "Annex VII, point 8",
                    "The software bill of materials, further to a reasoned request",
                    d.sbom() == null
                        ? ""
                        : "available; included in the package for a market surveillance authority",
                    d.releasePath()))));
    return DeclarationDocuments.document(
        d, DocumentKind.TECHNICAL_DOCUMENTATION, List.of(), sections);
  }

  private static DocSection scopeAndRoute(Dossier d) {
    String scope = "";
    if (d.scope() != null) {
      ScopeDecision decision =
          ScopeRules.decide(d.scope().value(), d.product().manufacturerRole(), d.today());
      scope =
          (decision.inScope() ? "in scope" : "out of scope")
              + ": "
              + String.join("; ", decision.reasons());
    }
    Classification c = DeclarationDocuments.classification(d);
    String route = "";
    String klass = "";
    if (c != null) {
      ConformityRoute r = c.route();
      klass =
          c.productClass().id()
              + c.category().map(k -> " (" + k.basis() + ": " + k.text() + ")").orElse("")
              + "; core functionality: "
              + c.coreFunctionality();
      route =
          r.basis()
              + ": "
              + String.join(", ", r.modules().stream().map(m -> m.id()).toList())
              + " ("
              + r.reason()
              + ")"
              + c.module().map(m -> "; chosen: " + m.description()).orElse("; none chosen yet");
    }
    return new DocSection(
        "Scope, classification and conformity route",
        List.of(
            DocItem.of("Art. 2, 69", "Scope decision", scope, d.compliancePath("scope")),
            DocItem.of(
                "Art. 7, 8; Annex III, IV",
                "Class of the core functionality",
                klass,
                d.compliancePath("classification")),
            DocItem.of(
                "Art. 32",
                "Conformity assessment procedure",
                route,
                d.compliancePath("classification"))));
  }

  private static DocSection riskAssessment(Dossier d) {
    RiskAssessment ra = d.riskAssessment();
    String path = d.riskAssessmentPath();
    List<DocItem> items = new ArrayList<>();
    items.add(
        DocItem.of(
            "Annex VII, point 3; Art. 13(3)",
            "Cybersecurity risk assessment: intended purpose, foreseeable use, operational"
                + " environment, assets, threats",
            ra == null
                ? ""
                : "revision "
                    + ra.revision()
                    + " by "
                    + ra.author()
                    + ". Purpose: "
                    + ra.content().intendedPurpose()
                    + ". Foreseeable use: "
                    + ra.content().foreseeableUse()
                    + ". Environment: "
                    + ra.content().operationalEnvironment()
                    + ". Assets: "
                    + ra.content().assets()
                    + ". Threats: "
                    + ra.content().threats(),
            path));
    for (EssentialRequirement e : EssentialRequirements.all()) {
      RequirementAssessment a =
          ra == null
              ? null
              : ra.content().requirements().stream()
                  .filter(x -> x.requirementId().equals(e.id()))
                  .findFirst()
                  .orElse(null);
      String value = "";
      if (a != null) {
        value =
            a.applicable()
                ? "applicable; met by: " + a.howMet()
                : "not applicable: " + a.justification();
        if (!a.evidence().isEmpty()) {
          value += "; evidence: " + String.join(", ", a.evidence());
        }
      }
      items.add(DocItem.of(e.basis(), e.text(), value, path));
    }
    return new DocSection("3. Cybersecurity risk assessment (Art. 13(2)–(4))", items);
  }

  /** What CRAFT keeps of the release's SBOM: the original document, byte for byte. */
  private static String sbom(Dossier d) {
    SbomRow b = d.sbom();
    if (b == null) {
      return "";
    }
    return b.format()
        + " "
        + b.specVersion()
        + " ("
        + b.encoding()
        + "), "
        + b.componentCount()
        + " components, SHA-256 "
        + b.sha256()
        + ", uploaded by "
        + b.uploadedBy()
        + " at "
        + b.uploadedAt();
  }

  private static String reference(ComplianceDocument doc) {
    long missing = doc.items().stream().filter(i -> i.status() == DocItem.Status.MISSING).count();
    return missing > 0 ? "" : doc.title() + " (" + doc.basis() + "), generated by CRAFT, attached";
  }
}
