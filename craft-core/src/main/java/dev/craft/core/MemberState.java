package dev.craft.core;

import java.util.Locale;

/**
 * The 27 Member States of the European Union, by ISO 3166-1 alpha-2 code. Greece is {@code GR}
 * (ISO); the EU's own abbreviation {@code EL} is accepted when parsing.
 */
public enum MemberState {
  AT("Austria"),
  BE("Belgium"),
  BG("Bulgaria"),
  HR("Croatia"),
  CY("Cyprus"),
  CZ("Czechia"),
  DK("Denmark"),
  EE("Estonia"),
  FI("Finland"),
  FR("France"),
  DE("Germany"),
  GR("Greece"),
  HU("Hungary"),
  IE("Ireland"),
  IT("Italy"),
  LV("Latvia"),
  LT("Lithuania"),
  LU("Luxembourg"),
  MT("Malta"),
  NL("Netherlands"),
  PL("Poland"),
  PT("Portugal"),
  RO("Romania"),
  SK("Slovakia"),
  SI("Slovenia"),
  ES("Spain"),
  SE("Sweden");

  private final String countryName;

  MemberState(String countryName) {
    this.countryName = countryName;
  }

  public String countryName() {
    return countryName;
  }

  /** The ISO code, as used in JSON. */
  public String code() {
    return name();
  }

  public static MemberState parse(String field, String text) {
    String code = text.strip().toUpperCase(Locale.ROOT);
    if (code.equals("EL")) {
      return GR;
    }
    for (MemberState s : values()) {
      if (s.name().equals(code)) {
        return s;
      }
    }
    throw new InvalidInputException(
        field + ": '" + text + "' is not an EU Member State code (e.g. DE, FR, NL)");
  }
}
