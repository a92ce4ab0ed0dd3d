package dev.craft.store;

/** Counts for the dashboard, over the products the viewer may see. */
public record PortfolioSummary(
    long products, long releases, long releasedReleases, long releasedWithSbom, long components) {}
