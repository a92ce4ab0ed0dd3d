package dev.craft.server;

import dev.craft.core.Actor;
import dev.craft.core.Classification;
import dev.craft.core.ConformityModule;
import dev.craft.core.DocumentationFacts;
import dev.craft.core.EssentialRequirement;
import dev.craft.core.EssentialRequirements;
import dev.craft.core.Product;
import dev.craft.core.ProductClass;
import dev.craft.core.Release;
import dev.craft.core.RequirementAssessment;
import dev.craft.core.RiskAssessmentDraft;
import dev.craft.core.ScopeExemption;
import dev.craft.core.ScopeFacts;
import dev.craft.core.ScopeRules;
import dev.craft.core.StandardsApplied;
import dev.craft.core.SubstantialModification;
import dev.craft.core.SupportPlan;
import dev.craft.store.ComplianceStore;
import dev.craft.store.DocumentationStore;
import dev.craft.store.ProductStore;
import dev.craft.store.ReleaseStore;
import dev.craft.store.RiskAssessmentStore;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Compliance records for the demo's Nordlicht Home Gateway, complete enough that its documents
 * render: a router-like smart-home hub is Annex III class I, point 12 ("Routers, modems intended
 * for the connection to the internet, and switches") with harmonised standards applied in full.
 * Loaded once, when the gateway exists and has no scope decision yet.
 */
final class ComplianceDemoData {
  private static final String GATEWAY = "Nordlicht Home Gateway";

  private final ProductStore products;
  private final ReleaseStore releases;
  private final ComplianceStore compliance;
  private final DocumentationStore documentation;
  private final RiskAssessmentStore riskAssessments;

  ComplianceDemoData(
      ProductStore products,
      ReleaseStore releases,
      ComplianceStore compliance,
      DocumentationStore documentation,
      RiskAssessmentStore riskAssessments) {
    this.products = products;
    this.releases = releases;
    this.compliance = compliance;
    this.documentation = documentation;
    this.riskAssessments = riskAssessments;
  }

  void loadIfMissing() {
    Actor s = Actor.SYSTEM;
    Product gateway =
        products.list(s, true, 1000, 0).stream()
            .filter(p -> p.name().equals(GATEWAY))
            .findFirst()
            .orElse(null);
    if (gateway == null || compliance.findScope(s, gateway.id()).isPresent()) {
      return;
    }
    long id = gateway.id();
    var scope =
        new ScopeFacts(
            true,
            ScopeExemption.NONE,
            false,
            true,
            LocalDate.of(2025, 10, 1),
            false,
            "Hardware with firmware sold to consumers; connects to the home network, Zigbee and"
                + " Thread devices and the Nordlicht cloud. No exclusion of Art. 2(2)-(7) applies.");
    compliance.saveScope(
        s,
        id,
        scope,
        ScopeRules.decide(scope, gateway.manufacturerRole(), LocalDate.now()).inScope());
    compliance.saveClassification(
        s,
        id,
        new Classification(
            ProductClass.IMPORTANT_I,
            "III-I-12",
            "Routing between the home network, Zigbee/Thread devices and the internet",
            StandardsApplied.FULL,
            "EN 18031-1:2024 (common security requirements for internet-connected radio"
                + " equipment), applied in full",
            false,
            false,
            ConformityModule.A,
            ""));
    compliance.saveSupportPlan(
        s,
        id,
        new SupportPlan(
            LocalDate.of(2025, 10, 1),
            LocalDate.of(2032, 12, 31),
            96,
            "Customers keep home gateways 7-8 years (support-call data 2018-2025); comparable hubs"
                + " get 5-7 years; the Zigbee and Thread stacks are maintained until 2033.",
            ""));
    documentation.save(s, id, facts());
    Release latest =
        releases.list(s, id).stream()
            .filter(r -> r.version().equals("4.1.0"))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("demo release 4.1.0 is missing"));
    riskAssessments.create(s, id, latest.id(), riskAssessment(latest));
  }

  private static DocumentationFacts facts() {
    return new DocumentationFacts(
        "Nordlicht Home Systems GmbH",
        "Hafenstrasse 12\n20457 Hamburg\nGermany",
        "support@nordlicht.example",
        "",
        "https://nordlicht.example/gateway/declaration",
        "https://nordlicht.example/security/cvd-policy",
        "Runs in private homes behind the customer's internet router; local web UI over HTTPS;"
            + " signed firmware; per-device credentials; encrypted cloud link (TLS 1.3).",
        "Security updates over the air for the whole support period, free of charge.",
        "https://nordlicht.example/gateway/secure-use",
        "",
        "",
        "https://nordlicht.example/gateway/photos",
        "Nordlicht OS (Linux 6.6) with a Zigbee and a Thread coordinator; services run in separate"
            + " sandboxes; architecture in design document GW-ARCH-7.",
        "PSIRT triages reports within 2 working days; updates signed with an offline key and"
            + " delivered by A/B partition OTA with rollback protection.",
        "Factory provisioning of per-device keys in a secure element; production test GW-PT-3;"
            + " fleet telemetry monitors update success.",
        "Penetration test report PT-2026-09 (external lab); fuzzing of the Zigbee stack;"
            + " EN 18031-1 test report TR-4471.",
        "Carl Compliance",
        "Head of Product Compliance",
        "Hamburg",
        "");
  }

  private static RiskAssessmentDraft riskAssessment(Release release) {
    Set<String> notApplicable = Set.of("I-2-m");
    List<RequirementAssessment> items = new ArrayList<>();
    for (EssentialRequirement e : EssentialRequirements.all()) {
      items.add(
          notApplicable.contains(e.id())
              ? new RequirementAssessment(
                  e.id(),
                  false,
                  "",
                  "The gateway stores no user data beyond the device pairing list; a factory reset"
                      + " covers it (see I-2-b).",
                  List.of())
              : new RequirementAssessment(
                  e.id(),
                  true,
                  "Met as described in design document GW-ARCH-7, section " + e.id() + ".",
                  "",
                  List.of(
                      "release:" + release.id(), "https://nordlicht.example/evidence/" + e.id())));
    }
    return new RiskAssessmentDraft(
        "Central control of lighting, heating and door sensors in private homes.",
        "Installed by consumers on their home network; managed from the Companion App.",
        "Exposure of the local web UI to the internet by port forwarding; default credentials left"
            + " unchanged on older firmware; use as a general-purpose router.",
        "Private homes; behind a consumer internet router; always on.",
        "Pairing keys of connected devices, Wi-Fi credentials, door-sensor states, cloud tokens.",
        "Remote exploitation of the web UI; malicious firmware; Zigbee key sniffing at pairing;"
            + " denial of service against the cloud link.",
        items,
        SubstantialModification.NOT_SUBSTANTIAL,
        "4.1.0 adds Thread 1.3 support; intended purpose and Annex I properties are unchanged.");
  }
}
