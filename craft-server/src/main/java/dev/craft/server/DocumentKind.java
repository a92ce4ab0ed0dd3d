package dev.craft.server;

import dev.craft.core.NotFoundException;

/** The documents CRAFT generates from live records, by their URL segment. */
enum DocumentKind {
  USER_INFORMATION(
      "user-information", "Information and instructions to the user", "Annex II, Art. 13(18)"),
  DECLARATION_OF_CONFORMITY(
      "declaration-of-conformity", "EU declaration of conformity", "Annex V, Art. 28"),
  SIMPLIFIED_DECLARATION(
      "simplified-declaration", "Simplified EU declaration of conformity", "Annex VI, Art. 13(20)"),
  TECHNICAL_DOCUMENTATION(
      "technical-documentation", "Technical documentation", "Annex VII, Art. 31");

  private final String slug;
  private final String title;
  private final String basis;

  DocumentKind(String slug, String title, String basis) {
    this.slug = slug;
    this.title = title;
    this.basis = basis;
  }

  String slug() {
    return slug;
  }

  String title() {
    return title;
  }

  String basis() {
    return basis;
  }

  static DocumentKind of(String slug) {
    for (DocumentKind k : values()) {
      if (k.slug.equals(slug)) {
        return k;
      }
    }
    throw new NotFoundException("document", slug);
  }
}
