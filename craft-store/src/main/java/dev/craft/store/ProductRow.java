package dev.craft.store;

import dev.craft.core.ManufacturerRole;
import dev.craft.core.Product;
import dev.craft.core.ProductType;
import dev.craft.core.WireEnum;
import java.time.Instant;

/** A row of {@code product}. */
public record ProductRow(
    long id,
    String name,
    String description,
    String manufacturerRole,
    String type,
    String intendedPurpose,
    String website,
    String securityContact,
    boolean archived,
    Instant createdAt,
    Instant updatedAt) {

  public Product toProduct() {
    return new Product(
        id,
        name,
        description,
        WireEnum.parse(ManufacturerRole.class, "manufacturerRole", manufacturerRole),
        WireEnum.parse(ProductType.class, "type", type),
        intendedPurpose,
        website,
        securityContact,
        archived,
        createdAt,
        updatedAt);
  }
}
