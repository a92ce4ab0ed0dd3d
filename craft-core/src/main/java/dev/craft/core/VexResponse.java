package dev.craft.core;

/**
 * What the vendor does or advises: the union of CycloneDX {@code analysis.response} and CSAF {@code
 * remediations[].category}. OpenVEX has only the free-text action statement.
 */
public enum VexResponse implements WireEnum {
  CAN_NOT_FIX(true),
  WILL_NOT_FIX(true),
  UPDATE(true),
  ROLLBACK(true),
  WORKAROUND_AVAILABLE(true),
  MITIGATION(false),
  NO_FIX_PLANNED(false),
  NONE_AVAILABLE(false),
  VENDOR_FIX(false),
  WORKAROUND(false);

  private final boolean cycloneDx;

  VexResponse(boolean cycloneDx) {
    this.cycloneDx = cycloneDx;
  }

  public boolean isCycloneDx() {
    return cycloneDx;
  }

  /** The nearest CycloneDX response (docs/vex.md). */
  public VexResponse toCycloneDx() {
    return switch (this) {
      case MITIGATION, WORKAROUND -> WORKAROUND_AVAILABLE;
      case NO_FIX_PLANNED -> WILL_NOT_FIX;
      case NONE_AVAILABLE -> CAN_NOT_FIX;
      case VENDOR_FIX -> UPDATE;
      default -> this;
    };
  }

  /** The nearest CSAF remediation category (docs/vex.md). */
  public VexResponse toCsaf() {
    return switch (this) {
      case CAN_NOT_FIX -> NONE_AVAILABLE;
      case WILL_NOT_FIX -> NO_FIX_PLANNED;
      case UPDATE, ROLLBACK -> VENDOR_FIX;
      case WORKAROUND_AVAILABLE -> WORKAROUND;
      default -> this;
    };
  }
}
