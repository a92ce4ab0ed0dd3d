package dev.craft.formats;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import java.util.Optional;

/** Canonical package URLs through packageurl-java. */
final class Purls {
  private Purls() {}

  /** The canonical form, or empty when the text is not a valid purl. */
  static Optional<String> canonical(String purl) {
    if (purl.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new PackageURL(purl.trim()).canonicalize());
    } catch (MalformedPackageURLException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
