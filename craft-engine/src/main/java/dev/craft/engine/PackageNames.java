package dev.craft.engine;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import dev.craft.core.Ecosystem;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Maps OSV packages and purls to one {@link PackageKey}: purl type ↔ OSV ecosystem, and each
 * ecosystem's own name rules (PyPI per PEP 503, crates.io case- and {@code -}/{@code _}-blind,
 * Maven {@code group:artifact}, npm {@code @scope/name}, Go module paths).
 */
public final class PackageNames {
  private static final Pattern PEP503 = Pattern.compile("[-_.]+");

  /** OSV ecosystems that CRAFT has no comparator for, but whose purl type is known. */
  private static final Map<String, String> OTHER_OSV =
      Map.of(
          "github actions", "github",
          "hackage", "hackage",
          "cran", "cran",
          "swifturl", "swift",
          "conancenter", "conan",
          "bitnami", "bitnami",
          "opam", "opam",
          "julia", "julia");

  private PackageNames() {}

  /** A purl's key and version (the purl's own version, empty if it has none). */
  public record PurlCoordinates(PackageKey key, String version) {}

  /** The key of an OSV {@code affected[].package}, empty if the entry names no package. */
  public static Optional<PackageKey> ofOsv(String osvEcosystem, String name) {
    if (osvEcosystem.isBlank() || name.isBlank()) {
      return Optional.empty();
    }
    String eco = ecosystemKey(osvEcosystem);
    return Optional.of(new PackageKey(eco, normalise(eco, name.strip())));
  }

  /** The purl type for an OSV ecosystem name ({@code PyPI} → {@code pypi}, {@code Go} → …). */
  public static String ecosystemKey(String osvEcosystem) {
    var known = Ecosystem.find(osvEcosystem);
    if (known.isPresent()) {
      return known.get().purlType();
    }
    int colon = osvEcosystem.indexOf(':');
    String base =
        (colon >= 0 ? osvEcosystem.substring(0, colon) : osvEcosystem)
            .strip()
            .toLowerCase(Locale.ROOT);
    return OTHER_OSV.getOrDefault(base, base);
  }

  /** The key and version of a purl; empty if the text is not a valid purl. */
  public static Optional<PurlCoordinates> ofPurl(String purl) {
    if (purl.isBlank()) {
      return Optional.empty();
    }
    PackageURL p;
    try {
      p = new PackageURL(purl.strip());
    } catch (MalformedPackageURLException | RuntimeException e) {
      return Optional.empty();
    }
    String type = p.getType().toLowerCase(Locale.ROOT);
    String eco = Ecosystem.find(type).map(Ecosystem::purlType).orElse(type);
    String namespace = p.getNamespace() == null ? "" : p.getNamespace();
    String name =
        switch (eco) {
          case "maven" -> namespace.isEmpty() ? p.getName() : namespace + ":" + p.getName();
          default -> namespace.isEmpty() ? p.getName() : namespace + "/" + p.getName();
        };
    String version = p.getVersion() == null ? "" : p.getVersion();
    return Optional.of(new PurlCoordinates(new PackageKey(eco, normalise(eco, name)), version));
  }

  /** The name as compared within one ecosystem (identified by purl type). */
  static String normalise(String ecosystem, String name) {
    return switch (ecosystem) {
      case "pypi" -> PEP503.matcher(name).replaceAll("-").toLowerCase(Locale.ROOT);
      case "cargo" -> name.toLowerCase(Locale.ROOT).replace('_', '-');
      // Case-sensitive registries: Maven coordinates, RubyGems, RPM names.
      case "maven", "gem", "rpm" -> name;
      default -> name.toLowerCase(Locale.ROOT);
    };
  }
}
