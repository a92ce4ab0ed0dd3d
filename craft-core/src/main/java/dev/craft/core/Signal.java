package dev.craft.core;

import java.util.Set;

/**
 * An exploitation signal seen by the team (CISA KEV, ENISA's EU KEV, EUVD, FIRST EPSS, …). Signals
 * are kept with the case as context; they are not the determination, which needs reliable evidence
 * of exploitation (Art. 3(42)).
 *
 * @param source kev, eu_kev, euvd, epss or other
 * @param value what the signal said, e.g. "listed 2026-10-01" or "EPSS 0.93"
 */
public record Signal(String source, String value) {
  static final Set<String> SOURCES = Set.of("kev", "eu_kev", "euvd", "epss", "other");

  public Signal {
    source = Text.required("signals.source", source, 20);
    if (!SOURCES.contains(source)) {
      throw new InvalidInputException(
          "signals.source: unknown value '"
              + source
              + "' (allowed: kev, eu_kev, euvd, epss, other)");
    }
    value = Text.required("signals.value", value, 500);
  }
}
