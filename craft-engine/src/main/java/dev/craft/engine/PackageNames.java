package dev.craft.engine;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import dev.craft.core.Ecosystem;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

  /** Ecosystems whose purls name a distribution in the namespace rather than in the name. */
  private static final Set<String> DISTRO_TYPES = Set.of("deb", "rpm", "apk");

  /** Most parent paths tried for a Go package path (module paths are a few segments deep). */
  private static final int MAX_GO_PARENTS = 8;

  /** A purl's key and version (the purl's own version, empty if it has none). */
  public record PurlCoordinates(PackageKey key, String version) {}

  /** How a component is looked up: by its own name, its source package, or its Go module. */
  public enum Via {
    /** The purl's own package. */
    PURL,
    /** A distro binary package's source package ({@code upstream} qualifier). */
    UPSTREAM,
    /** A module path enclosing a Go package path; tried only when the path itself is unknown. */
    MODULE
  }

  /**
   * One key under which a component is looked up, with the version compared under it.
   *
   * @param distro for deb/rpm/apk purls the distribution named by namespace and {@code distro}
   *     qualifier; empty otherwise
   */
  public record Lookup(PackageKey key, String version, Via via, Optional<Distro> distro) {}

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
    return parse(purl).map(p -> coordinates(p));
  }

  /**
   * Every key a component is looked up under, its own first: for a distro package also its source
   * package (OSV's Debian and Alpine data name source packages), for a Go package path its
   * enclosing paths, longest first (OSV's Go data names modules). Empty if the text is not a valid
   * purl.
   */
  public static List<Lookup> lookups(String purl, String fallbackVersion) {
    var parsed = parse(purl);
    if (parsed.isEmpty()) {
      return List.of();
    }
    PackageURL p = parsed.get();
    PurlCoordinates own = coordinates(p);
    String version = own.version().isEmpty() ? withEpoch(p, fallbackVersion) : own.version();
    String eco = own.key().ecosystem();
    var out = new ArrayList<Lookup>();
    if (DISTRO_TYPES.contains(eco)) {
      Map<String, String> q = p.getQualifiers() == null ? Map.of() : p.getQualifiers();
      var distro =
          Optional.of(
              Distro.ofPurl(
                  p.getNamespace() == null ? "" : p.getNamespace(), q.getOrDefault("distro", "")));
      out.add(new Lookup(own.key(), version, Via.PURL, distro));
      upstream(eco, q.getOrDefault("upstream", ""), version)
          .filter(u -> !u.key().equals(own.key()))
          .ifPresent(u -> out.add(new Lookup(u.key(), u.version(), Via.UPSTREAM, distro)));
      return out;
    }
    out.add(new Lookup(own.key(), version, Via.PURL, Optional.empty()));
    if (eco.equals("golang")) {
      String path = own.key().name();
      for (int i = 0, cut = path.lastIndexOf('/');
          cut > 0 && i < MAX_GO_PARENTS;
          i++, cut = path.lastIndexOf('/', cut - 1)) {
        out.add(
            new Lookup(
                new PackageKey(eco, path.substring(0, cut)),
                version,
                Via.MODULE,
                Optional.empty()));
      }
    }
    return out;
  }

  /**
   * The source package of an {@code upstream} qualifier: {@code openssl}, {@code openssl@3.0.11-1}
   * (Debian, with the source version when it differs from the binary's) or {@code
   * openssl-3.0.7-18.el9.src.rpm} (RPM: name-version-release of the source RPM).
   */
  private static Optional<PurlCoordinates> upstream(String eco, String text, String version) {
    String t = text.strip();
    if (t.isEmpty()) {
      return Optional.empty();
    }
    String v = version;
    int at = t.indexOf('@');
    if (at >= 0) {
      v = t.substring(at + 1);
      t = t.substring(0, at);
    }
    if (eco.equals("rpm") && t.endsWith(".src.rpm")) {
      String nvr = t.substring(0, t.length() - ".src.rpm".length());
      int release = nvr.lastIndexOf('-');
      int ver = release > 0 ? nvr.lastIndexOf('-', release - 1) : -1;
      if (ver <= 0) {
        return Optional.empty();
      }
      t = nvr.substring(0, ver);
      // The source RPM's version-release is the binary's unless the purl says otherwise.
    }
    return t.isEmpty()
        ? Optional.empty()
        : Optional.of(new PurlCoordinates(new PackageKey(eco, normalise(eco, t)), v));
  }

  private static Optional<PackageURL> parse(String purl) {
    if (purl.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new PackageURL(purl.strip()));
    } catch (MalformedPackageURLException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static PurlCoordinates coordinates(PackageURL p) {
    String type = p.getType().toLowerCase(Locale.ROOT);
    String eco = Ecosystem.find(type).map(Ecosystem::purlType).orElse(type);
    String namespace = p.getNamespace() == null ? "" : p.getNamespace();
    String name =
        switch (eco) {
          case "maven" -> namespace.isEmpty() ? p.getName() : namespace + ":" + p.getName();
          // The namespace of a distro purl is the vendor (debian, alpine, redhat), which OSV names
          // in the ecosystem, not in the package name; the matcher compares it as the distribution.
          case "deb", "rpm", "apk" -> p.getName();
          default -> namespace.isEmpty() ? p.getName() : namespace + "/" + p.getName();
        };
    String version = p.getVersion() == null ? "" : withEpoch(p, utf8(p.getVersion()));
    return new PurlCoordinates(new PackageKey(eco, normalise(eco, utf8(name))), version);
  }

  /**
   * A purl component as percent-decoding it should have read: packageurl-java 1.5.0 turns each
   * encoded byte into the character of that code ({@code caf%C3%A9} into {@code cafÃ©}), while the
   * purl spec encodes UTF-8. Text that is not UTF-8 read that way is left as it is.
   */
  static String utf8(String decoded) {
    boolean high = false;
    for (int i = 0; i < decoded.length(); i++) {
      char c = decoded.charAt(i);
      if (c > 0xFF) {
        return decoded;
      }
      high |= c >= 0x80;
    }
    if (!high) {
      return decoded;
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(decoded.getBytes(StandardCharsets.ISO_8859_1)))
          .toString();
    } catch (CharacterCodingException e) {
      return decoded;
    }
  }

  /**
   * An RPM version with the epoch of the purl's {@code epoch} qualifier, where the purl spec's rpm
   * type puts it ({@code pkg:rpm/redhat/foo@1.6-1.el9?epoch=1}) and OSV's data writes it in the
   * version ({@code 1:1.6-1.el9}): without it, 1:1.6 would be compared as 0:1.6, below every fix of
   * epoch 1. A version that names its own epoch keeps it.
   */
  private static String withEpoch(PackageURL p, String version) {
    if (!p.getType().equalsIgnoreCase("rpm") || version.isEmpty() || version.indexOf(':') >= 0) {
      return version;
    }
    String epoch = p.getQualifiers() == null ? null : p.getQualifiers().get("epoch");
    return epoch == null || epoch.isBlank() ? version : epoch.strip() + ":" + version;
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
