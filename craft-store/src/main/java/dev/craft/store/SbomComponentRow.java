package dev.craft.store;

/** A row of {@code sbom_component}: the searchable columns of one inventory component. */
public record SbomComponentRow(
    int ordinal,
    String ref,
    String type,
    String grp,
    String name,
    String version,
    String purl,
    boolean direct) {}
