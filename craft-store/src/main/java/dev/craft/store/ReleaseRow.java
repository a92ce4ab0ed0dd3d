package dev.craft.store;

import dev.craft.core.Release;
import dev.craft.core.ReleaseStatus;
import dev.craft.core.WireEnum;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A row of {@code release}. */
public record ReleaseRow(
    long id,
    long productId,
    String version,
    @Nullable LocalDate releaseDate,
    @Nullable LocalDate placedOnMarket,
    String status,
    Instant createdAt,
    Instant updatedAt) {

  public Release toRelease() {
    return new Release(
        id,
        productId,
        version,
        releaseDate,
        placedOnMarket,
        WireEnum.parse(ReleaseStatus.class, "status", status),
        createdAt,
        updatedAt);
  }
}
