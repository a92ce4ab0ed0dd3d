package dev.craft.core;

/**
 * The manufacturer's size under Commission Recommendation 2003/361/EC, which decides whether the
 * Art. 64(10)(a) carve-out applies.
 */
public enum EnterpriseSize implements WireEnum {
  MICRO,
  SMALL,
  MEDIUM,
  LARGE,
  UNKNOWN;

  /**
   * Art. 64(10)(a): micro and small enterprises are exempt from administrative fines for missing
   * the 24-hour early-warning deadline of Art. 14(2)(a) or 14(4)(a). The duty to report stays.
   */
  public boolean earlyWarningFineExempt() {
    return this == MICRO || this == SMALL;
  }

  public static final String CARVE_OUT =
      "Art. 64(10)(a): as a micro or small enterprise, no administrative fine applies for missing"
          + " the 24-hour early-warning deadline; the duty to submit the early warning remains.";

  public static EnterpriseSize fromWire(String value) {
    return WireEnum.parse(EnterpriseSize.class, "enterpriseSize", value);
  }
}
