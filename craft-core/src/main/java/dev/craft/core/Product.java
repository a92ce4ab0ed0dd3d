package dev.craft.core;

import java.time.Instant;

/** A product with digital elements as CRAFT keeps it. Absent optional texts are empty strings. */
public record Product(
    long id,
    String name,
    String description,
    ManufacturerRole manufacturerRole,
    ProductType type,
    String intendedPurpose,
    String website,
    String securityContact,
    boolean archived,
    Instant createdAt,
    Instant updatedAt) {}
