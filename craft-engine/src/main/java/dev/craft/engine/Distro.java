package dev.craft.engine;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The distribution a distro package comes from, as a family ({@code debian}, {@code ubuntu}, {@code
 * alpine}, {@code redhat}…) and a release ({@code 12}, {@code 22.04}, {@code 3.18}; empty when not
 * known). OSV names it in the ecosystem ({@code Debian:12}, {@code Ubuntu:22.04:LTS}, {@code
 * Alpine:v3.18}, {@code Red Hat:enterprise_linux:9::appstream}); a purl in its namespace and {@code
 * distro} qualifier ({@code pkg:deb/debian/curl@7.88.1-10?distro=debian-12} or {@code
 * distro=bookworm}). The same package name in two distributions, or in two releases of one, is a
 * different package with its own version history, so an advisory for one never decides another.
 */
public record Distro(String family, String release) {
  private static final Pattern NUMBER = Pattern.compile("(\\d{1,6})(?:\\.(\\d{1,6}))?");

  /** A SUSE release: {@code 15 SP5}, {@code 15-sp5}, {@code 15.5}, {@code 15}. */
  private static final Pattern SUSE_RELEASE =
      Pattern.compile("(\\d{1,4})(?:[ ._-]?sp(\\d{1,3})|\\.(\\d{1,3}))?");

  /** Families whose releases are brought to one spelling, so that two that differ are two. */
  private static final java.util.Set<String> CANONICAL =
      java.util.Set.of(
          "debian", "redhat", "rocky", "almalinux", "ubuntu", "alpine", "suse", "opensuse");

  private static final Pattern DIGITS_AND_DOTS = Pattern.compile("\\d{1,9}(?:\\.\\d{1,9})*");

  /** OSV ecosystem base names (before the first colon) → family. */
  private static final Map<String, String> OSV_FAMILIES =
      Map.ofEntries(
          Map.entry("debian", "debian"),
          Map.entry("ubuntu", "ubuntu"),
          Map.entry("alpine", "alpine"),
          Map.entry("red hat", "redhat"),
          Map.entry("redhat", "redhat"),
          Map.entry("rocky linux", "rocky"),
          Map.entry("almalinux", "almalinux"),
          Map.entry("opensuse", "opensuse"),
          Map.entry("suse", "suse"),
          Map.entry("mageia", "mageia"),
          Map.entry("openeuler", "openeuler"),
          Map.entry("azure linux", "azurelinux"),
          Map.entry("mariner", "azurelinux"),
          Map.entry("wolfi", "wolfi"),
          Map.entry("chainguard", "chainguard"),
          Map.entry("alpaquita", "alpaquita"),
          Map.entry("bellsoft hardened containers", "alpaquita"));

  /** Purl namespaces (vendor) → family; the purl spec and SBOM tools use these spellings. */
  private static final Map<String, String> PURL_FAMILIES =
      Map.ofEntries(
          Map.entry("debian", "debian"),
          Map.entry("ubuntu", "ubuntu"),
          Map.entry("alpine", "alpine"),
          Map.entry("redhat", "redhat"),
          Map.entry("rhel", "redhat"),
          Map.entry("rocky", "rocky"),
          Map.entry("rockylinux", "rocky"),
          Map.entry("almalinux", "almalinux"),
          Map.entry("alma", "almalinux"),
          Map.entry("opensuse", "opensuse"),
          Map.entry("opensuse-leap", "opensuse"),
          Map.entry("opensuse-leap-micro", "opensuse"),
          Map.entry("opensuse-tumbleweed", "opensuse"),
          Map.entry("suse", "suse"),
          Map.entry("sles", "suse"),
          Map.entry("sles_sap", "suse"),
          Map.entry("sled", "suse"),
          Map.entry("sle-micro", "suse"),
          Map.entry("sl-micro", "suse"),
          Map.entry("mageia", "mageia"),
          Map.entry("openeuler", "openeuler"),
          Map.entry("azurelinux", "azurelinux"),
          Map.entry("mariner", "azurelinux"),
          Map.entry("cbl-mariner", "azurelinux"),
          Map.entry("wolfi", "wolfi"),
          Map.entry("chainguard", "chainguard"),
          Map.entry("alpaquita", "alpaquita"));

  /** Release code names that SBOM tools write in the {@code distro} qualifier. */
  private static final Map<String, String> CODE_NAMES =
      Map.ofEntries(
          Map.entry("jessie", "8"),
          Map.entry("stretch", "9"),
          Map.entry("buster", "10"),
          Map.entry("bullseye", "11"),
          Map.entry("bookworm", "12"),
          Map.entry("trixie", "13"),
          Map.entry("forky", "14"),
          Map.entry("xenial", "16.04"),
          Map.entry("bionic", "18.04"),
          Map.entry("focal", "20.04"),
          Map.entry("jammy", "22.04"),
          Map.entry("noble", "24.04"),
          Map.entry("oracular", "24.10"),
          Map.entry("plucky", "25.04"),
          Map.entry("questing", "25.10"));

  public Distro {
    family = family.toLowerCase(Locale.ROOT);
  }

  /**
   * The distribution named by an OSV ecosystem; empty for ecosystems that are not distributions.
   */
  static Optional<Distro> ofOsvEcosystem(String ecosystem) {
    int colon = ecosystem.indexOf(':');
    String base = (colon < 0 ? ecosystem : ecosystem.substring(0, colon)).strip();
    String family = OSV_FAMILIES.get(base.toLowerCase(Locale.ROOT));
    if (family == null) {
      return Optional.empty();
    }
    String rest = colon < 0 ? "" : ecosystem.substring(colon + 1);
    return Optional.of(new Distro(family, release(family, rest)));
  }

  /**
   * The distribution of a distro purl from its namespace and {@code distro} qualifier; empty family
   * when the purl has no namespace, {@code ?} + namespace for a vendor OSV does not cover.
   */
  static Distro ofPurl(String namespace, String qualifier) {
    String ns = namespace.strip().toLowerCase(Locale.ROOT);
    String family = ns.isEmpty() ? "" : PURL_FAMILIES.getOrDefault(ns, "?" + ns);
    String q = qualifier.strip().toLowerCase(Locale.ROOT);
    // "debian-12", "alpine-3.18.4", "rhel-9.2", "ubuntu-22.04", "bookworm", "12".
    String coded = CODE_NAMES.get(q);
    return new Distro(family, coded != null ? coded : release(family, q));
  }

  /** How two known releases of one family relate. */
  enum Releases {
    SAME,
    OTHER,
    /** Texts that may name one release in two ways ({@code 22.03} and {@code 22.03-LTS-SP1}). */
    UNDECIDED
  }

  /**
   * How this release relates to {@code other}'s, both known: the same text is the same release; in
   * the families read to one spelling below another text is another release; plain numbers are one
   * release when they agree as far as both go (Azure Linux {@code 3} and {@code 3.0}).
   */
  Releases releaseAgainst(Distro other) {
    if (release.equals(other.release)) {
      return Releases.SAME;
    }
    if (CANONICAL.contains(family)) {
      return Releases.OTHER;
    }
    if (!DIGITS_AND_DOTS.matcher(release).matches()
        || !DIGITS_AND_DOTS.matcher(other.release).matches()) {
      return Releases.UNDECIDED;
    }
    String[] a = release.split("\\.");
    String[] b = other.release.split("\\.");
    for (int i = 0; i < Math.min(a.length, b.length); i++) {
      if (Integer.parseInt(a[i]) != Integer.parseInt(b[i])) {
        return Releases.OTHER;
      }
    }
    return Releases.SAME;
  }

  /**
   * The release as compared: Debian, Red Hat and its rebuilds by major number; Ubuntu and Alpine by
   * major.minor; SUSE by major.service-pack ({@code Linux Enterprise Server 15 SP5} and {@code
   * sles-15.5} are both 15.5); openSUSE by its edition and version without the family's name
   * ({@code Leap 15.5} and {@code opensuse-leap-15.5}; every Tumbleweed snapshot is Tumbleweed);
   * other families by their text without the family's name, spaces or punctuation.
   */
  private static String release(String family, String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    if (t.isEmpty()) {
      return "";
    }
    String coded = CODE_NAMES.get(t);
    if (coded != null) {
      return coded;
    }
    switch (family) {
      case "debian", "redhat", "rocky", "almalinux" -> {
        Matcher m = NUMBER.matcher(t);
        return m.find() ? String.valueOf(Integer.parseInt(m.group(1))) : "";
      }
      case "ubuntu", "alpine" -> {
        Matcher m = NUMBER.matcher(t);
        while (m.find()) {
          if (m.group(2) != null) {
            return Integer.parseInt(m.group(1)) + "." + m.group(2);
          }
        }
        return "";
      }
      case "suse" -> {
        // The last number: a module's name may hold one ("Module for Python 3 15 SP5").
        Matcher m = SUSE_RELEASE.matcher(t);
        String found = "";
        while (m.find()) {
          String minor = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : "0";
          found = Integer.parseInt(m.group(1)) + "." + Integer.parseInt(minor);
        }
        return found;
      }
      case "opensuse" -> {
        String edition = t.replaceFirst("^opensuse[-_ ]?", "");
        return edition.startsWith("tumbleweed")
            ? "tumbleweed"
            : edition.replaceAll("[^a-z0-9.]", "");
      }
      default -> {
        return t.replaceFirst("^" + Pattern.quote(family) + "[-_ ]?", "")
            .replaceAll("[^a-z0-9.]", "");
      }
    }
  }
}
