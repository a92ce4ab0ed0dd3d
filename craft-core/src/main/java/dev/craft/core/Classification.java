package dev.craft.core;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A product's class and what decides its conformity route (Art. 7, 8, 27 and 32).
 *
 * @param productClass the class of its core functionality (Art. 7(1): a product is important or
 *     critical when its core functionality is that of a category of Annex III or IV)
 * @param annexCategory the id of the Annex III/IV category (see {@link AnnexCategory#id()}); null
 *     for the default class
 * @param coreFunctionality the product's core functionality, in the officer's words
 * @param standards whether harmonised standards, common specifications or certification schemes
 *     were applied in full, in part or not at all (Art. 27, 32(2))
 * @param standardsReferences the references of the standards, specifications or schemes applied
 *     (Annex V point 6, Annex VII point 5); the parts applied when applied in part
 * @param euccRequired a delegated act under Art. 8(1) requires a European cybersecurity certificate
 *     (critical products only)
 * @param fossPublicDocs free and open-source software whose technical documentation is public (Art.
 *     32(5))
 * @param chosenModule the procedure the manufacturer carries out, one the route allows; null while
 *     not chosen yet
 * @param notifiedBody name and number of the notified body, and the certificate (Annex V point 7),
 *     empty for module A
 */
public record Classification(
    ProductClass productClass,
    @Nullable String annexCategory,
    String coreFunctionality,
    StandardsApplied standards,
    String standardsReferences,
    boolean euccRequired,
    boolean fossPublicDocs,
    @Nullable ConformityModule chosenModule,
    String notifiedBody) {
  public Classification {
    Objects.requireNonNull(productClass, "productClass");
    Objects.requireNonNull(standards, "standards");
    coreFunctionality = Text.required("coreFunctionality", coreFunctionality, 2_000);
    standardsReferences = Text.optional("standardsReferences", standardsReferences, 10_000);
    notifiedBody = Text.optional("notifiedBody", notifiedBody, 1_000);
    if (annexCategory != null && annexCategory.isBlank()) {
      annexCategory = null;
    }
    if (productClass == ProductClass.DEFAULT) {
      if (annexCategory != null) {
        throw new InvalidInputException(
            "annexCategory: a product of the default class has no Annex III/IV category");
      }
    } else {
      if (annexCategory == null) {
        throw new InvalidInputException(
            "annexCategory: class "
                + productClass.id()
                + " needs the Annex III/IV category of its core functionality (Art. 7(1), 8(1))");
      }
      String id = annexCategory;
      AnnexCategory category =
          AnnexCategories.all().stream()
              .filter(c -> c.id().equals(id))
              .findFirst()
              .orElseThrow(
                  () -> new InvalidInputException("annexCategory: unknown category '" + id + "'"));
      if (category.productClass() != productClass) {
        throw new InvalidInputException(
            "annexCategory: "
                + category.basis()
                + " belongs to class "
                + category.productClass().id()
                + ", not "
                + productClass.id());
      }
    }
    if (standards != StandardsApplied.NONE && standardsReferences.isEmpty()) {
      throw new InvalidInputException(
          "standardsReferences: name the standards, specifications or schemes applied (Annex VII"
              + " point 5)");
    }
    ConformityRoute allowed = route(productClass, standards, euccRequired, fossPublicDocs);
    if (chosenModule != null && !allowed.modules().contains(chosenModule)) {
      throw new InvalidInputException(
          "chosenModule: "
              + chosenModule.id()
              + " is not allowed; "
              + allowed.basis()
              + " allows "
              + String.join(", ", allowed.modules().stream().map(ConformityModule::id).toList()));
    }
  }

  /** The procedures Art. 32 allows for this classification. */
  public ConformityRoute route() {
    return route(productClass, standards, euccRequired, fossPublicDocs);
  }

  public Optional<ConformityModule> module() {
    return Optional.ofNullable(chosenModule);
  }

  public Optional<AnnexCategory> category() {
    return AnnexCategories.all().stream().filter(c -> c.id().equals(annexCategory)).findFirst();
  }

  private static ConformityRoute route(
      ProductClass c, StandardsApplied s, boolean eucc, boolean foss) {
    return ConformityRules.route(c, s, eucc, foss);
  }
}
