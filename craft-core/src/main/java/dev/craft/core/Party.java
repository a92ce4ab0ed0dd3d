package dev.craft.core;

import java.util.Objects;

/**
 * A person or organisation named by an SBOM (supplier, manufacturer, author, document creator).
 * Absent parts are empty strings.
 */
public record Party(String name, String email, String url) {
  /** No party named. */
  public static final Party NONE = new Party("", "", "");

  public Party {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(url, "url");
  }

  public static Party named(String name) {
    return new Party(name, "", "");
  }

  public boolean isEmpty() {
    return name.isEmpty() && email.isEmpty() && url.isEmpty();
  }

  /** Whether the party can be reached: TR-03183-2 asks for an e-mail address or else a URL. */
  public boolean hasContact() {
    return !email.isEmpty() || !url.isEmpty();
  }
}
