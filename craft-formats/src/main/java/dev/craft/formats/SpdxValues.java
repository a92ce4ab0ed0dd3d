package dev.craft.formats;

import dev.craft.core.Party;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** SPDX 2 value conventions: agents, checksum algorithm names, NOASSERTION/NONE. */
final class SpdxValues {
  private static final Pattern AGENT =
      Pattern.compile("(Person|Organization|Tool):\\s*(.*?)\\s*(?:\\(([^()]*)\\))?\\s*");
  private static final Map<String, String> TO_CDX =
      Map.ofEntries(
          Map.entry("SHA1", "SHA-1"),
          Map.entry("SHA256", "SHA-256"),
          Map.entry("SHA384", "SHA-384"),
          Map.entry("SHA512", "SHA-512"),
          Map.entry("SHA3-256", "SHA3-256"),
          Map.entry("SHA3-384", "SHA3-384"),
          Map.entry("SHA3-512", "SHA3-512"),
          Map.entry("BLAKE2b-256", "BLAKE2b-256"),
          Map.entry("BLAKE2b-384", "BLAKE2b-384"),
          Map.entry("BLAKE2b-512", "BLAKE2b-512"),
          Map.entry("BLAKE3", "BLAKE3"),
          Map.entry("MD5", "MD5"));

  private SpdxValues() {}

  static boolean absent(String value) {
    return value.isEmpty() || "NOASSERTION".equals(value);
  }

  /** Parses {@code Organization: name (email)} or {@code Person: …}; empty for NOASSERTION. */
  static Party agent(String value) {
    if (absent(value)) {
      return Party.NONE;
    }
    Matcher m = AGENT.matcher(value);
    if (!m.matches()) {
      return Party.named(value);
    }
    String email = m.group(3) == null ? "" : m.group(3).trim();
    return new Party(m.group(2), email, "");
  }

  static String agentType(String value) {
    int colon = value.indexOf(':');
    return colon > 0 ? value.substring(0, colon) : "";
  }

  static String organization(Party p) {
    return "Organization: " + p.name() + (p.email().isEmpty() ? "" : " (" + p.email() + ")");
  }

  static String person(Party p) {
    return "Person: " + p.name() + (p.email().isEmpty() ? "" : " (" + p.email() + ")");
  }

  static String hashToCdx(String spdx) {
    return TO_CDX.getOrDefault(spdx, spdx);
  }

  static String hashFromCdx(String cdx) {
    for (var e : TO_CDX.entrySet()) {
      if (e.getValue().equals(cdx)) {
        return e.getKey();
      }
    }
    return cdx;
  }

  /** {@code OPERATING_SYSTEM} → {@code operating-system}. */
  static String purposeToType(String purpose) {
    return purpose.toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
