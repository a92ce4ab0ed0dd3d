package dev.craft.server;

import dev.craft.core.DocumentationFacts;
import dev.craft.core.ProductType;
import dev.craft.core.RiskAssessment;
import dev.craft.core.SupportPlan;
import java.util.List;

/** Annex II: the information and instructions that accompany the product (Art. 13(18)). */
final class UserInformationDocument {
  private UserInformationDocument() {}

  static ComplianceDocument build(Dossier d) {
    DocumentationFacts f = d.facts();
    String docs = d.compliancePath("documentation");
    RiskAssessment ra = d.riskAssessment();
    SupportPlan support = d.support() == null ? null : d.support().value();
    String contact =
        f.manufacturerEmail().isEmpty() || DossierText.manufacturer(f).isEmpty()
            ? ""
            : DossierText.manufacturer(f)
                + "; "
                + f.manufacturerEmail()
                + (d.product().website().isEmpty() ? "" : "; " + d.product().website());
    boolean integrated = d.product().type() == ProductType.LIBRARY;
    var items =
        List.of(
            DocItem.of(
                "Annex II, point 1",
                "Name, registered trade name or registered trademark of the manufacturer, postal"
                    + " address, email address or other digital contact, and website",
                contact,
                docs + "#manufacturerName"),
            DocItem.of(
                "Annex II, point 2",
                "Single point of contact where information about vulnerabilities can be reported"
                    + " and received",
                d.product().securityContact(),
                d.productPath()),
            DocItem.of(
                "Annex II, point 2",
                "Where the manufacturer's policy on coordinated vulnerability disclosure can be"
                    + " found",
                f.cvdPolicyUrl(),
                docs + "#cvdPolicyUrl"),
            DocItem.of(
                "Annex II, point 3",
                "Name and type and any additional information enabling the unique identification"
                    + " of the product",
                DossierText.identification(d),
                d.productPath()),
            DocItem.of(
                "Annex II, point 4",
                "Intended purpose",
                d.product().intendedPurpose(),
                d.productPath()),
            DocItem.of(
                "Annex II, point 4",
                "Security environment provided by the manufacturer, essential functionalities and"
                    + " security properties",
                f.securityProperties(),
                docs + "#securityProperties"),
            DocItem.of(
                "Annex II, point 5",
                "Known or foreseeable circumstances, in intended use or reasonably foreseeable"
                    + " misuse, which may lead to significant cybersecurity risks",
                ra == null ? "" : ra.content().foreseeableMisuse(),
                d.riskAssessmentPath()),
            DocItem.of(
                "Annex II, point 6",
                "Internet address at which the EU declaration of conformity can be accessed",
                f.declarationUrl(),
                docs + "#declarationUrl"),
            DocItem.of(
                "Annex II, point 7",
                "Type of technical security support offered",
                f.supportType(),
                docs + "#supportType"),
            DocItem.of(
                "Annex II, point 7; Art. 13(19)",
                "End-date of the support period (at least month and year)",
                support == null ? "" : support.period().endMonthYear(),
                d.compliancePath("support-period")),
            DocItem.of(
                "Annex II, point 8(a)–(e)",
                "Instructions on secure use, the effect of changes on data security, installing"
                    + " security updates, secure decommissioning and turning off automatic"
                    + " updates",
                f.secureUseInstructions(),
                docs + "#secureUseInstructions"),
            DocItem.of(
                "Annex II, point 8(f)",
                "Information for integrators (Annex I and Annex VII)",
                integrated || !f.integratorInformation().isEmpty()
                    ? f.integratorInformation()
                    : "not applicable: the product is not intended for integration into other"
                        + " products",
                docs + "#integratorInformation"),
            DocItem.of(
                "Annex II, point 9",
                "Where the software bill of materials can be accessed, if made available to users",
                f.sbomLocation().isEmpty()
                    ? "the manufacturer does not make the software bill of materials available to"
                        + " users"
                    : f.sbomLocation(),
                docs + "#sbomLocation"));
    return DeclarationDocuments.document(
        d, DocumentKind.USER_INFORMATION, List.of(), List.of(new DocSection("Information", items)));
  }
}
