package dev.craft.core;

import java.util.List;

/**
 * What the manufacturer states about a product for its user information (Annex II), declaration of
 * conformity (Annex V, VI) and technical documentation (Annex VII), beyond what other records
 * already hold. Every field is optional: the completeness report names the empty ones.
 *
 * @param manufacturerName Annex II point 1, Annex V point 2: name, registered trade name or
 *     trademark of the manufacturer
 * @param manufacturerAddress Annex II point 1, Annex V point 2: postal address
 * @param manufacturerEmail Annex II point 1: email address or other digital contact
 * @param authorisedRepresentative Annex V point 2: name and address of the authorised
 *     representative, where one is mandated
 * @param declarationUrl Annex II point 6, Annex VI: the internet address of the full EU declaration
 *     of conformity
 * @param cvdPolicyUrl Annex II point 2, Annex I Part II point (5): where the coordinated
 *     vulnerability disclosure policy can be found
 * @param securityProperties Annex II point 4: the security environment, essential functionalities
 *     and security properties
 * @param supportType Annex II point 7: the type of technical security support offered
 * @param secureUseInstructions Annex II point 8(a)–(e): instructions, or an internet address of
 *     them
 * @param integratorInformation Annex II point 8(f): information for integrators, where the product
 *     is intended for integration
 * @param sbomLocation Annex II point 9: where the SBOM can be accessed, if the manufacturer makes
 *     it available to users
 * @param illustrations Annex VII point 1(c): photographs or illustrations of a hardware product
 *     (internet addresses)
 * @param designDescription Annex VII point 2(a): design, development and system architecture
 * @param vulnerabilityHandling Annex VII point 2(b): the vulnerability handling processes and the
 *     secure distribution of updates
 * @param productionMonitoring Annex VII point 2(c): production and monitoring processes and their
 *     validation
 * @param testReports Annex VII point 6: reports of the tests carried out to verify conformity
 * @param signatoryName Annex V point 8: name of the person who signs
 * @param signatoryFunction Annex V point 8: function of the person who signs
 * @param placeOfIssue Annex V point 8: place of issue
 * @param additionalInformation Annex V point 8: additional information
 */
public record DocumentationFacts(
    String manufacturerName,
    String manufacturerAddress,
    String manufacturerEmail,
    String authorisedRepresentative,
    String declarationUrl,
    String cvdPolicyUrl,
    String securityProperties,
    String supportType,
    String secureUseInstructions,
    String integratorInformation,
    String sbomLocation,
    String illustrations,
    String designDescription,
    String vulnerabilityHandling,
    String productionMonitoring,
    String testReports,
    String signatoryName,
    String signatoryFunction,
    String placeOfIssue,
    String additionalInformation) {
  /** The field names, in the order of the annexes. */
  public static final List<String> FIELDS =
      List.of(
          "manufacturerName",
          "manufacturerAddress",
          "manufacturerEmail",
          "authorisedRepresentative",
          "declarationUrl",
          "cvdPolicyUrl",
          "securityProperties",
          "supportType",
          "secureUseInstructions",
          "integratorInformation",
          "sbomLocation",
          "illustrations",
          "designDescription",
          "vulnerabilityHandling",
          "productionMonitoring",
          "testReports",
          "signatoryName",
          "signatoryFunction",
          "placeOfIssue",
          "additionalInformation");

  public DocumentationFacts {
    manufacturerName = Text.optional("manufacturerName", manufacturerName, 500);
    manufacturerAddress = Text.optional("manufacturerAddress", manufacturerAddress, 2000);
    manufacturerEmail = Text.optional("manufacturerEmail", manufacturerEmail, 500);
    authorisedRepresentative =
        Text.optional("authorisedRepresentative", authorisedRepresentative, 2000);
    declarationUrl = Text.optionalUrl("declarationUrl", declarationUrl);
    cvdPolicyUrl = Text.optionalUrl("cvdPolicyUrl", cvdPolicyUrl);
    securityProperties = Text.optional("securityProperties", securityProperties, 10000);
    supportType = Text.optional("supportType", supportType, 2000);
    secureUseInstructions = Text.optional("secureUseInstructions", secureUseInstructions, 20000);
    integratorInformation = Text.optional("integratorInformation", integratorInformation, 10000);
    sbomLocation = Text.optional("sbomLocation", sbomLocation, 2000);
    illustrations = Text.optional("illustrations", illustrations, 2000);
    designDescription = Text.optional("designDescription", designDescription, 20000);
    vulnerabilityHandling = Text.optional("vulnerabilityHandling", vulnerabilityHandling, 20000);
    productionMonitoring = Text.optional("productionMonitoring", productionMonitoring, 20000);
    testReports = Text.optional("testReports", testReports, 20000);
    signatoryName = Text.optional("signatoryName", signatoryName, 200);
    signatoryFunction = Text.optional("signatoryFunction", signatoryFunction, 200);
    placeOfIssue = Text.optional("placeOfIssue", placeOfIssue, 200);
    additionalInformation = Text.optional("additionalInformation", additionalInformation, 10000);
  }

  /** Nothing recorded yet. */
  public static DocumentationFacts empty() {
    return new DocumentationFacts(
        "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "");
  }
}
