package dev.craft.store;

import org.jspecify.annotations.Nullable;

/** One affected product of a case joined with one of its affected releases (if any). */
public record CaseScopeRow(
    long caseId,
    long productId,
    String productName,
    @Nullable Long releaseId,
    @Nullable String version) {}
