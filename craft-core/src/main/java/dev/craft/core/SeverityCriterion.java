package dev.craft.core;

/** The criteria of Art. 14(5) that make an incident having an impact on security "severe". */
public enum SeverityCriterion implements WireEnum {
  /**
   * Art. 14(5)(a): negatively affects, or can affect, the ability of the product to protect the
   * availability, authenticity, integrity or confidentiality of sensitive or important data or
   * functions.
   */
  AAIC_OF_SENSITIVE_DATA_OR_FUNCTIONS("Art. 14(5)(a)"),
  /**
   * Art. 14(5)(b): has led or can lead to the introduction or execution of malicious code in the
   * product or in the network and information systems of a user.
   */
  MALICIOUS_CODE("Art. 14(5)(b)");

  private final String basis;

  SeverityCriterion(String basis) {
    this.basis = basis;
  }

  public String basis() {
    return basis;
  }

  public static SeverityCriterion fromWire(String value) {
    return WireEnum.parse(SeverityCriterion.class, "severityCriteria", value);
  }
}
