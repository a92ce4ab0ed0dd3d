package dev.craft.core;

/** An Art. 14 case is open until the manufacturer closes it; closed cases raise no escalations. */
public enum CaseStatus implements WireEnum {
  OPEN,
  CLOSED;

  public static CaseStatus fromWire(String value) {
    return WireEnum.parse(CaseStatus.class, "status", value);
  }
}
