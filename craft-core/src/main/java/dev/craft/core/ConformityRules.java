package dev.craft.core;

import static dev.craft.core.ConformityModule.A;
import static dev.craft.core.ConformityModule.B_C;
import static dev.craft.core.ConformityModule.EUCC;
import static dev.craft.core.ConformityModule.H;

import java.util.List;

/**
 * Which conformity assessment procedures Art. 32 allows for a product, checked against the text of
 * Regulation (EU) 2024/2847.
 */
public final class ConformityRules {
  /** Art. 32(1)(a)–(d); (d) "where available and applicable". */
  private static final List<ConformityModule> ANY = List.of(A, B_C, H, EUCC);

  /** Art. 32(2)(a)–(b): a certification scheme is not among them. */
  private static final List<ConformityModule> THIRD_PARTY = List.of(B_C, H);

  /** Art. 32(3)(a)–(c); (c) at assurance level at least "substantial". */
  private static final List<ConformityModule> CLASS_II = List.of(B_C, H, EUCC);

  private ConformityRules() {}

  /**
   * @param standards for class I: whether harmonised standards, common specifications or an EUCC
   *     scheme at level at least "substantial" were applied in full (Art. 32(2)); ignored otherwise
   * @param euccRequired for critical products: a delegated act under Art. 8(1) requires a European
   *     cybersecurity certificate and the scheme is available
   * @param fossWithPublicDocs the product is free and open-source software and its technical
   *     documentation is public when placed on the market (Art. 32(5))
   */
  public static ConformityRoute route(
      ProductClass productClass,
      StandardsApplied standards,
      boolean euccRequired,
      boolean fossWithPublicDocs) {
    if (euccRequired && productClass != ProductClass.CRITICAL) {
      throw new InvalidInputException(
          "a certification requirement under Art. 8(1) exists only for critical products"
              + " (Annex IV), not for class "
              + productClass.id());
    }
    boolean annexIII =
        productClass == ProductClass.IMPORTANT_I || productClass == ProductClass.IMPORTANT_II;
    if (annexIII && fossWithPublicDocs) {
      // Art. 32(5) covers Annex III only: critical (Annex IV) FOSS keeps Art. 32(4).
      return new ConformityRoute(
          ANY,
          "Art. 32(5)",
          "free and open-source software in Annex III whose technical documentation is"
              + " public at placing on the market may use any procedure of Art. 32(1)");
    }
    return switch (productClass) {
      case DEFAULT ->
          new ConformityRoute(
              ANY, "Art. 32(1)", "a default product may use any procedure of Art. 32(1)");
      case IMPORTANT_I ->
          standards == StandardsApplied.FULL
              ? new ConformityRoute(
                  ANY,
                  "Art. 32(1), 32(2)",
                  "harmonised standards, common specifications or a certification scheme at"
                      + " level 'substantial' were applied in full, so Art. 32(2) does not"
                      + " restrict the choice")
              : new ConformityRoute(
                  THIRD_PARTY,
                  "Art. 32(2)",
                  "standards, common specifications or certification schemes were applied only"
                      + " in part, not at all, or do not exist: module B+C or H");
      case IMPORTANT_II ->
          new ConformityRoute(
              CLASS_II, "Art. 32(3)", "class II: module B+C, H, or a scheme at 'substantial'");
      case CRITICAL ->
          euccRequired
              ? new ConformityRoute(
                  List.of(EUCC),
                  "Art. 32(4)(a), Art. 8(1)",
                  "a delegated act under Art. 8(1) requires a European cybersecurity"
                      + " certificate at level at least 'substantial'")
              : new ConformityRoute(
                  CLASS_II,
                  "Art. 32(4)(b), Art. 32(3)",
                  "no delegated act under Art. 8(1) applies, so the procedures of Art. 32(3)");
    };
  }
}
