package dev.craft.server;

import dev.craft.core.Classification;
import dev.craft.core.DocumentationFacts;
import dev.craft.core.Product;
import dev.craft.core.Release;
import java.util.ArrayList;
import java.util.List;

/** Sentences several documents share, built from a {@link Dossier}. */
final class DossierText {
  private DossierText() {}

  /** Annex II point 1, Annex V point 2: name and postal address, "" when either is missing. */
  static String manufacturer(DocumentationFacts f) {
    if (f.manufacturerName().isEmpty() || f.manufacturerAddress().isEmpty()) {
      return "";
    }
    String text = f.manufacturerName() + ", " + f.manufacturerAddress().replace("\n", ", ");
    if (!f.authorisedRepresentative().isEmpty()) {
      text += "; authorised representative: " + f.authorisedRepresentative();
    }
    return text;
  }

  /** Name, type and version: what identifies the product uniquely (Annex II 3, Annex V 1). */
  static String identification(Dossier d) {
    Release r = d.release();
    if (r == null) {
      return "";
    }
    Product p = d.product();
    return p.name() + ", " + p.type().wireName().replace('_', ' ') + ", version " + r.version();
  }

  /** Annex V point 4: identification allowing traceability. */
  static String object(Dossier d) {
    Release r = d.release();
    if (r == null) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    parts.add(identification(d));
    if (!d.product().description().isEmpty()) {
      parts.add(d.product().description());
    }
    if (r.releaseDate() != null) {
      parts.add("released " + r.releaseDate());
    }
    if (r.placedOnMarket() != null) {
      parts.add("placed on the market " + r.placedOnMarket());
    }
    if (!d.product().website().isEmpty()) {
      parts.add(d.product().website());
    }
    return String.join("; ", parts);
  }

  /** Annex V point 6, Annex VII point 5. */
  static String standards(Classification c) {
    return switch (c.standards()) {
      case FULL -> "applied in full: " + c.standardsReferences();
      case PARTIAL -> "applied in part: " + c.standardsReferences();
      case NONE ->
          "none applied; the solutions adopted to meet the essential requirements are described"
              + " in the risk assessment (Annex VII points 3 and 5)";
    };
  }

  /** Annex V point 7: the procedure performed and, where applicable, the notified body. */
  static String procedure(Classification c) {
    return c.module()
        .map(
            m ->
                switch (m) {
                  case A -> m.description() + "; no notified body is involved";
                  case EUCC ->
                      c.notifiedBody().isEmpty()
                          ? ""
                          : m.description() + "; certificate: " + c.notifiedBody();
                  default ->
                      c.notifiedBody().isEmpty()
                          ? ""
                          : m.description()
                              + "; notified body and certificate: "
                              + c.notifiedBody();
                })
        .orElse("");
  }

  static String releases(Dossier d) {
    return String.join(
        "\n",
        d.releases().stream()
            .map(
                r ->
                    r.version()
                        + " ("
                        + r.status().wireName()
                        + (r.placedOnMarket() == null
                            ? ""
                            : ", placed on the market " + r.placedOnMarket())
                        + ")")
            .toList());
  }
}
