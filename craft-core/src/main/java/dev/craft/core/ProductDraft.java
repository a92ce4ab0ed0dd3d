package dev.craft.core;

import org.jspecify.annotations.Nullable;

/** The editable fields of a product, validated: what a create or an edit submits. */
public record ProductDraft(
    String name,
    String description,
    ManufacturerRole manufacturerRole,
    ProductType type,
    String intendedPurpose,
    String website,
    String securityContact) {

  public ProductDraft {
    name = Text.required("name", name, 200);
    description = Text.optional("description", description, 10_000);
    intendedPurpose = Text.optional("intendedPurpose", intendedPurpose, 10_000);
    website = Text.optionalUrl("website", website);
    securityContact = Text.optional("securityContact", securityContact, 500);
  }

  /**
   * Builds a draft from loosely typed input (JSON, a form), naming the field of the first problem.
   */
  public static ProductDraft of(
      @Nullable String name,
      @Nullable String description,
      @Nullable String manufacturerRole,
      @Nullable String type,
      @Nullable String intendedPurpose,
      @Nullable String website,
      @Nullable String securityContact) {
    return new ProductDraft(
        name == null ? "" : name,
        description == null ? "" : description,
        WireEnum.parse(
            ManufacturerRole.class,
            "manufacturerRole",
            manufacturerRole == null || manufacturerRole.isBlank()
                ? "manufacturer"
                : manufacturerRole.strip()),
        WireEnum.parse(
            ProductType.class, "type", type == null || type.isBlank() ? "software" : type.strip()),
        intendedPurpose == null ? "" : intendedPurpose,
        website == null ? "" : website,
        securityContact == null ? "" : securityContact);
  }
}
