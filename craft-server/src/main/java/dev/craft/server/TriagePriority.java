package dev.craft.server;

import java.util.Locale;

/**
 * The triage priority of a finding (docs/triage.md): known exploitation first, then severity, then
 * the likelihood of exploitation.
 *
 * <ul>
 *   <li>critical: in CISA KEV, or CVSS ≥ 9.0
 *   <li>high: CVSS ≥ 7.0, or EPSS ≥ 0.1 (a 10 % chance of exploitation within 30 days)
 *   <li>medium: CVSS ≥ 4.0, or no CVSS score at all (unknown is not low)
 *   <li>low: anything else
 * </ul>
 *
 * <p>Product context: for a product of important class II or critical (Annex III Class II, Annex
 * IV), whose compromise the regulation ranks as more serious, the priority is one level higher.
 */
enum TriagePriority {
  CRITICAL,
  HIGH,
  MEDIUM,
  LOW;

  static TriagePriority of(boolean kev, double cvss, double epss, String productClass) {
    TriagePriority base = of(kev, cvss, epss);
    boolean raised = productClass.equals("important-2") || productClass.equals("critical");
    return raised && base != CRITICAL ? values()[base.ordinal() - 1] : base;
  }

  static TriagePriority of(boolean kev, double cvss, double epss) {
    if (kev || cvss >= 9.0) {
      return CRITICAL;
    }
    if (cvss >= 7.0 || epss >= 0.1) {
      return HIGH;
    }
    if (cvss >= 4.0 || cvss <= 0) {
      return MEDIUM;
    }
    return LOW;
  }

  String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
