package dev.craft.formats;

import com.fasterxml.jackson.databind.JsonNode;
import dev.craft.core.Party;
import java.util.List;

/** Helpers to tell whether a list of people was mapped without loss. */
final class Parties {
  private Parties() {}

  /** Whether CycloneDX {@code organizationalContact}s carry nothing beyond name and e-mail. */
  static boolean lossless(JsonNode contacts, List<Party> parties) {
    if (!contacts.isArray()) {
      return contacts.isMissingNode();
    }
    return CycloneDxTrees.contacts(parties).equals(contacts);
  }
}
