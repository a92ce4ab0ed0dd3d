package dev.craft.core;

import java.util.Objects;

/**
 * One product category of Annex III or IV, with the Regulation's wording.
 *
 * @param annex "III" or "IV"
 * @param productClass {@link ProductClass#IMPORTANT_I}, {@link ProductClass#IMPORTANT_II} or {@link
 *     ProductClass#CRITICAL}
 * @param number the item number within its class (Annex III) or annex (Annex IV)
 * @param text the category as worded in the Regulation
 */
public record AnnexCategory(String annex, ProductClass productClass, int number, String text) {
  public AnnexCategory {
    Objects.requireNonNull(annex, "annex");
    Objects.requireNonNull(productClass, "productClass");
    Objects.requireNonNull(text, "text");
    if (productClass == ProductClass.DEFAULT) {
      throw new IllegalArgumentException("the default class has no annex category");
    }
    if (number < 1) {
      throw new IllegalArgumentException("item numbers start at 1: " + number);
    }
  }

  /** A stable id, e.g. "III-I-3" for password managers or "IV-2" for smart meter gateways. */
  public String id() {
    return switch (productClass) {
      case IMPORTANT_I -> "III-I-" + number;
      case IMPORTANT_II -> "III-II-" + number;
      default -> "IV-" + number;
    };
  }

  /** Where the category is listed, e.g. "Annex III, class I, point 3". */
  public String basis() {
    return switch (productClass) {
      case IMPORTANT_I -> "Annex III, class I, point " + number;
      case IMPORTANT_II -> "Annex III, class II, point " + number;
      default -> "Annex IV, point " + number;
    };
  }
}
