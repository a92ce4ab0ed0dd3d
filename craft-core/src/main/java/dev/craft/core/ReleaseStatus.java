package dev.craft.core;

/** Lifecycle of one release (version) of a product. */
public enum ReleaseStatus implements WireEnum {
  PLANNED,
  IN_DEVELOPMENT,
  RELEASED,
  SUPERSEDED,
  WITHDRAWN,
  END_OF_SUPPORT
}
