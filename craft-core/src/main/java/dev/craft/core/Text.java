package dev.craft.core;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Validation of free text fields: trimmed, length-bounded, no control characters. */
public final class Text {
  private Text() {}

  /** A required text of at most {@code max} characters, trimmed. */
  public static String required(String field, @Nullable String value, int max) {
    String text = optional(field, value, max);
    if (text.isEmpty()) {
      throw new InvalidInputException(field + ": must not be empty");
    }
    return text;
  }

  /** An optional text (empty when absent) of at most {@code max} characters, trimmed. */
  public static String optional(String field, @Nullable String value, int max) {
    if (value == null) {
      return "";
    }
    String text = value.strip();
    if (text.length() > max) {
      throw new InvalidInputException(
          field + ": at most " + max + " characters allowed, got " + text.length());
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
        throw new InvalidInputException(field + ": contains a control character");
      }
    }
    return text;
  }

  /** An optional http(s) URL or mailto: address; empty when absent. */
  public static String optionalUrl(String field, @Nullable String value) {
    String text = optional(field, value, 2000);
    if (text.isEmpty()) {
      return text;
    }
    try {
      URI uri = new URI(text);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      boolean web = (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null;
      if (!web && !scheme.equals("mailto")) {
        throw new InvalidInputException(field + ": must be an http(s) URL or a mailto: address");
      }
      return text;
    } catch (URISyntaxException e) {
      throw new InvalidInputException(field + ": not a valid URL (" + e.getReason() + ")");
    }
  }
}
