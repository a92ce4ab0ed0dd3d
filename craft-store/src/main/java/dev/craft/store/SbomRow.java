package dev.craft.store;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code sbom} without the original bytes and the inventory, which are loaded on demand.
 */
public record SbomRow(
    long id,
    long releaseId,
    String format,
    String specVersion,
    String encoding,
    String sha256,
    long sizeBytes,
    int componentCount,
    String uploadedBy,
    Instant uploadedAt,
    @Nullable Instant replacedAt) {}
