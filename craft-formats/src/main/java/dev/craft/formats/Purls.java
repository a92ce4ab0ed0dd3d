package dev.craft.formats;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import java.util.Optional;

/** Canonical package URLs through packageurl-java. */
final class Purls {
  private Purls() {}

  /**
   * The canonical form, or empty when the text is not a valid purl. A purl with characters beyond
   * ASCII, written or percent-encoded, is kept as written: packageurl-java 1.5.0 decodes an encoded
   * byte as a character of its own and encodes it back sign-extended ({@code caf%C3%A9} became
   * {@code caf%FFFFFFC3%FFFFFF83%FFFFFFC2%FFFFFFA9}).
   */
  static Optional<String> canonical(String purl) {
    if (purl.isBlank()) {
      return Optional.empty();
    }
    String text = purl.trim();
    try {
      PackageURL parsed = new PackageURL(text);
      return Optional.of(beyondAscii(text) ? text : parsed.canonicalize());
    } catch (MalformedPackageURLException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static boolean beyondAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 0x80) {
        return true;
      }
      if (c == '%' && i + 1 < text.length() && Character.digit(text.charAt(i + 1), 16) >= 8) {
        return true;
      }
    }
    return false;
  }
}
