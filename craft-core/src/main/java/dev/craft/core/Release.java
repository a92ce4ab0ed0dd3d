package dev.craft.core;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** One version of a product. */
public record Release(
    long id,
    long productId,
    String version,
    @Nullable LocalDate releaseDate,
    @Nullable LocalDate placedOnMarket,
    ReleaseStatus status,
    Instant createdAt,
    Instant updatedAt) {}
