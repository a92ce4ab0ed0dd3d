package dev.craft.server;

import java.util.List;

/** Generates the four documents of a {@link Dossier} and reports what they still miss. */
final class Documents {
  private Documents() {}

  static ComplianceDocument build(DocumentKind kind, Dossier d) {
    return switch (kind) {
      case USER_INFORMATION -> UserInformationDocument.build(d);
      case DECLARATION_OF_CONFORMITY -> DeclarationDocuments.full(d);
      case SIMPLIFIED_DECLARATION -> DeclarationDocuments.simplified(d);
      case TECHNICAL_DOCUMENTATION ->
          TechnicalDocumentation.build(
              d, UserInformationDocument.build(d), DeclarationDocuments.full(d));
    };
  }

  /** Every item each annex asks for, per document, with whether it is present. */
  static Completeness completeness(Dossier d) {
    List<Completeness.Report> reports =
        List.of(DocumentKind.values()).stream()
            .map(k -> Completeness.Report.of(build(k, d)))
            .toList();
    return new Completeness(d.product().id(), d.releaseVersion(), reports);
  }
}
