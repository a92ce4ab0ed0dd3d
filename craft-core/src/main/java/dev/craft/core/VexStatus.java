package dev.craft.core;

/**
 * The four VEX statuses that CycloneDX, OpenVEX and CSAF share (CISA "Minimum Requirements for
 * VEX"). Finer source states (CycloneDX {@code false_positive}, CSAF {@code first_affected}…) are
 * kept in {@link VexStatement#stateDetail()}.
 */
public enum VexStatus implements WireEnum {
  NOT_AFFECTED,
  AFFECTED,
  FIXED,
  UNDER_INVESTIGATION
}
