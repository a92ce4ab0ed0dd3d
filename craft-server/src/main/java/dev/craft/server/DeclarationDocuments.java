package dev.craft.server;

import dev.craft.core.Classification;
import dev.craft.core.DocumentationFacts;
import dev.craft.core.Recorded;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Annex V (EU declaration of conformity, Art. 28) and Annex VI (simplified, Art. 13(20)). */
final class DeclarationDocuments {
  private DeclarationDocuments() {}

  static ComplianceDocument full(Dossier d) {
    DocumentationFacts f = d.facts();
    Classification c = classification(d);
    String docs = d.compliancePath("documentation");
    String classify = d.compliancePath("classification");
    String name = f.manufacturerName();
    var items =
        List.of(
            DocItem.of(
                "Annex V, point 1",
                "Name and type and any additional information enabling the unique identification"
                    + " of the product with digital elements",
                DossierText.identification(d),
                d.productPath()),
            DocItem.of(
                "Annex V, point 2",
                "Name and address of the manufacturer or its authorised representative",
                DossierText.manufacturer(f),
                docs + "#manufacturerName"),
            DocItem.of(
                "Annex V, point 3",
                "A statement that the EU declaration of conformity is issued under the sole"
                    + " responsibility of the provider",
                name.isEmpty()
                    ? ""
                    : "This EU declaration of conformity is issued under the sole responsibility of "
                        + name
                        + ".",
                docs + "#manufacturerName"),
            DocItem.of(
                "Annex V, point 4",
                "Object of the declaration (identification of the product with digital elements"
                    + " allowing traceability)",
                DossierText.object(d),
                d.productPath()),
            DocItem.of(
                "Annex V, point 5",
                "A statement that the object of the declaration described above is in conformity"
                    + " with the relevant Union harmonisation legislation",
                c == null || c.module().isEmpty()
                    ? ""
                    : "The object of the declaration described above is in conformity with"
                        + " Regulation (EU) 2024/2847.",
                classify),
            DocItem.of(
                "Annex V, point 6",
                "References to any relevant harmonised standards used or any other common"
                    + " specification or cybersecurity certification in relation to which"
                    + " conformity is declared",
                c == null ? "" : DossierText.standards(c),
                classify),
            DocItem.of(
                "Annex V, point 7",
                "Where applicable, the name and number of the notified body, a description of the"
                    + " conformity assessment procedure performed and identification of the"
                    + " certificate issued",
                c == null ? "" : DossierText.procedure(c),
                classify));
    var signature =
        List.of(
            DocItem.of(
                "Annex V, point 8",
                "Additional information",
                f.additionalInformation().isEmpty() ? "none" : f.additionalInformation(),
                docs + "#additionalInformation"),
            DocItem.of("Annex V, point 8", "Signed for and on behalf of", name, docs),
            DocItem.of(
                "Annex V, point 8",
                "Place and date of issue",
                f.placeOfIssue().isEmpty() ? "" : f.placeOfIssue() + ", " + d.today(),
                docs + "#placeOfIssue"),
            DocItem.of(
                "Annex V, point 8",
                "Name, function",
                f.signatoryName().isEmpty() || f.signatoryFunction().isEmpty()
                    ? ""
                    : f.signatoryName() + ", " + f.signatoryFunction(),
                docs + "#signatoryName"),
            new DocItem("Annex V, point 8", "Signature", "", DocItem.Status.PRESENT, ""));
    return document(
        d,
        DocumentKind.DECLARATION_OF_CONFORMITY,
        List.of(),
        List.of(new DocSection("Declaration", items), new DocSection("Signature", signature)));
  }

  /** Annex VI: its exact sentence, and the exact address of the full declaration (Art. 13(20)). */
  static ComplianceDocument simplified(Dossier d) {
    DocumentationFacts f = d.facts();
    String docs = d.compliancePath("documentation");
    String type = d.release() == null ? "" : d.product().name() + " " + d.releaseVersion();
    String sentence =
        "Hereby, "
            + or(f.manufacturerName())
            + " declares that the product with digital elements type "
            + or(type)
            + " is in compliance with Regulation (EU) 2024/2847.";
    String address =
        "The full text of the EU declaration of conformity is available at the following internet"
            + " address: "
            + or(f.declarationUrl());
    var items =
        List.of(
            DocItem.of("Annex VI", "Name of manufacturer", f.manufacturerName(), docs),
            DocItem.of(
                "Annex VI",
                "Designation of type of product with digital element",
                type,
                d.productPath()),
            DocItem.of(
                "Annex VI, Art. 13(20)",
                "The exact internet address at which the full EU declaration of conformity can be"
                    + " accessed",
                f.declarationUrl(),
                docs + "#declarationUrl"));
    return document(
        d,
        DocumentKind.SIMPLIFIED_DECLARATION,
        List.of(sentence, address),
        List.of(new DocSection("Items", items)));
  }

  static ComplianceDocument document(
      Dossier d, DocumentKind kind, List<String> statements, List<DocSection> sections) {
    return new ComplianceDocument(
        kind.slug(),
        kind.title(),
        kind.basis(),
        d.product().name(),
        d.releaseVersion(),
        Instant.now(),
        statements,
        sections);
  }

  static @Nullable Classification classification(Dossier d) {
    Recorded<Classification> c = d.classification();
    return c == null ? null : c.value();
  }

  private static String or(String value) {
    return value.isEmpty() ? "…" : value;
  }
}
