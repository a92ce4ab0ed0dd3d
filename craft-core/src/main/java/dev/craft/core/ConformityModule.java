package dev.craft.core;

/** The conformity assessment procedures of Art. 32 and Annex VIII. */
public enum ConformityModule {
  /** Internal control (module A), Annex VIII Part I. */
  A("A", "internal control (module A), Annex VIII"),
  /** EU-type examination (module B) followed by conformity to type (module C), Annex VIII. */
  B_C(
      "B+C",
      "EU-type examination (module B) followed by conformity to EU-type based on internal"
          + " production control (module C), Annex VIII"),
  /** Full quality assurance (module H), Annex VIII Part IV. */
  H("H", "full quality assurance (module H), Annex VIII"),
  /**
   * A European cybersecurity certification scheme under Regulation (EU) 2019/881, Art. 27(9). The
   * id "EUCC" names the family; the scheme that applies depends on the product.
   */
  EUCC("EUCC", "a European cybersecurity certification scheme pursuant to Art. 27(9)");

  private final String id;
  private final String description;

  ConformityModule(String id, String description) {
    this.id = id;
    this.description = description;
  }

  public String id() {
    return id;
  }

  public String description() {
    return description;
  }
}
