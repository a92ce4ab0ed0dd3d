package dev.craft.core;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The package ecosystems CRAFT can order versions for, named by purl type, with the names OSV uses
 * as aliases. OSV names may carry a release after a colon ({@code Debian:12}, {@code Alpine:v3.20},
 * {@code Red Hat:enterprise_linux:9::appstream}); the release does not change the version rules, so
 * lookup ignores it.
 */
public enum Ecosystem {
  MAVEN("maven", List.of()),
  NPM("npm", List.of()),
  PYPI("pypi", List.of()),
  GOLANG("golang", List.of("go")),
  CARGO("cargo", List.of("crates.io")),
  NUGET("nuget", List.of()),
  GEM("gem", List.of("rubygems")),
  COMPOSER("composer", List.of("packagist")),
  PUB("pub", List.of()),
  HEX("hex", List.of()),
  DEB("deb", List.of("debian", "ubuntu")),
  RPM(
      "rpm",
      List.of(
          "red hat",
          "redhat",
          "rocky linux",
          "almalinux",
          "opensuse",
          "suse",
          "mageia",
          "openeuler",
          "azure linux",
          "mariner")),
  APK("apk", List.of("alpine", "alpaquita", "bellsoft hardened containers", "wolfi", "chainguard")),
  SEMVER("semver", List.of());

  private final String purlType;
  private final List<String> aliases;

  Ecosystem(String purlType, List<String> aliases) {
    this.purlType = purlType;
    this.aliases = aliases;
  }

  public String purlType() {
    return purlType;
  }

  /** Finds an ecosystem by purl type or OSV name, ignoring case and any {@code :release}. */
  public static Optional<Ecosystem> find(String name) {
    int colon = name.indexOf(':');
    String key = (colon >= 0 ? name.substring(0, colon) : name).strip().toLowerCase(Locale.ROOT);
    for (Ecosystem e : values()) {
      if (e.purlType.equals(key) || e.aliases.contains(key)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  /**
   * One scheme per ecosystem, shared: schemes hold no state, and the matcher keeps a component's
   * parsed version per scheme instance, so a new instance per advisory range (116,000 in an SBOM
   * upload's candidates) had the version parsed again for every candidate.
   */
  private static final Map<Ecosystem, VersionScheme> SCHEMES = new EnumMap<>(Ecosystem.class);

  static {
    for (Ecosystem e : values()) {
      SCHEMES.put(e, e.newScheme());
    }
  }

  /** The version rules of this ecosystem. */
  public VersionScheme versionScheme() {
    return SCHEMES.get(this);
  }

  private VersionScheme newScheme() {
    return switch (this) {
      case MAVEN -> new MavenVersionScheme();
      case NPM -> SemverVersionScheme.npm();
      case PYPI -> new Pep440VersionScheme();
      case GOLANG -> SemverVersionScheme.go();
      case CARGO -> SemverVersionScheme.cargo();
      case HEX, SEMVER -> SemverVersionScheme.strict(purlType);
      case NUGET -> new NugetVersionScheme();
      case GEM -> new RubyGemsVersionScheme();
      case COMPOSER -> new ComposerVersionScheme();
      case PUB -> SemverVersionScheme.pub();
      case DEB -> new DebianVersionScheme();
      case RPM -> new RpmVersionScheme();
      case APK -> new ApkVersionScheme();
    };
  }
}
