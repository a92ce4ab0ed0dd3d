package dev.craft.core;

/**
 * Why a product with digital elements falls outside the Regulation although it has a data
 * connection (Art. 2(2)–(7)), or that none of these applies.
 */
public enum ScopeExemption implements WireEnum {
  NONE("", "no exemption applies"),
  /** Art. 2(2)(a). */
  MEDICAL_DEVICE("Art. 2(2)(a)", "a medical device to which Regulation (EU) 2017/745 applies"),
  /** Art. 2(2)(b). */
  IN_VITRO_DIAGNOSTIC(
      "Art. 2(2)(b)", "an in vitro diagnostic medical device under Regulation (EU) 2017/746"),
  /** Art. 2(2)(c). */
  MOTOR_VEHICLE("Art. 2(2)(c)", "a motor vehicle product under Regulation (EU) 2019/2144"),
  /** Art. 2(3). */
  CIVIL_AVIATION("Art. 2(3)", "certified in accordance with Regulation (EU) 2018/1139"),
  /** Art. 2(4). */
  MARINE_EQUIPMENT("Art. 2(4)", "equipment within the scope of Directive 2014/90/EU"),
  /** Art. 2(5): only once a delegated act limits or excludes the Regulation for those rules. */
  SECTORAL_RULES(
      "Art. 2(5)",
      "covered by other Union rules for which a delegated act limits or excludes this Regulation"),
  /** Art. 2(6). */
  SPARE_PART(
      "Art. 2(6)",
      "a spare part made available to replace an identical component, manufactured to the same"
          + " specifications"),
  /** Art. 2(7). */
  NATIONAL_SECURITY(
      "Art. 2(7)",
      "developed or modified exclusively for national security or defence purposes, or"
          + " specifically designed to process classified information");

  private final String basis;
  private final String description;

  ScopeExemption(String basis, String description) {
    this.basis = basis;
    this.description = description;
  }

  public String basis() {
    return basis;
  }

  public String description() {
    return description;
  }
}
