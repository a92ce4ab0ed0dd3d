package dev.craft.server;

import dev.craft.core.InvalidInputException;
import dev.craft.core.VexProduct;
import dev.craft.core.VexStatement;
import dev.craft.engine.PackageNames;
import dev.craft.store.TriageImport.Planned;
import dev.craft.store.TriageInput;
import dev.craft.store.VexFinding;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Matches VEX statements to a product's findings (docs/vex.md, "Import"): by vulnerability id or
 * alias, and by component (purl ignoring qualifiers, else bom-ref, else name and version) or by the
 * product itself (then every finding of the vulnerability). The scope is the release the statement
 * names (a version or a {@code vers:} range of the product), or the chosen release, else the
 * product.
 */
final class VexMatcher {
  /** A release of the product and how documents may name it (its SBOM's primary component). */
  record ReleaseIdentity(long id, String version, String purl, String cpe) {}

  /**
   * The product an import is for.
   *
   * @param chosenRelease the release the upload is restricted to, or 0
   */
  record Target(String productName, List<ReleaseIdentity> releases, long chosenRelease) {
    Target {
      releases = List.copyOf(releases);
    }
  }

  /** One planned decision and the statement it comes from. */
  record Match(int statement, VexFinding finding, Planned planned) {}

  /** A statement that gave no decision, and why. */
  record Unmatched(int statement, VexStatement source, String reason) {}

  record Result(List<Match> matches, List<Unmatched> unmatched) {
    Result {
      matches = List.copyOf(matches);
      unmatched = List.copyOf(unmatched);
    }
  }

  private VexMatcher() {}

  static Result match(
      List<VexStatement> statements, List<VexFinding> findings, Target target, String comment) {
    List<Match> matches = new ArrayList<>();
    List<Unmatched> unmatched = new ArrayList<>();
    for (int i = 0; i < statements.size(); i++) {
      VexStatement s = statements.get(i);
      try {
        matches.addAll(matchOne(i, s, findings, target, comment));
      } catch (InvalidInputException e) {
        unmatched.add(new Unmatched(i, s, e.getMessage()));
      }
    }
    return new Result(matches, unmatched);
  }

  private static List<Match> matchOne(
      int index, VexStatement s, List<VexFinding> findings, Target target, String comment) {
    Set<String> ids = new HashSet<>();
    ids.add(s.vulnerability().toUpperCase(Locale.ROOT));
    s.aliases().forEach(a -> ids.add(a.toUpperCase(Locale.ROOT)));
    List<VexFinding> candidates =
        findings.stream()
            .filter(f -> f.ids().stream().anyMatch(id -> ids.contains(id.toUpperCase(Locale.ROOT))))
            .toList();
    if (candidates.isEmpty()) {
      throw new InvalidInputException("no finding of " + s.vulnerability() + " (or its aliases)");
    }
    VexProduct component = VexProduct.NONE;
    VexProduct product = VexProduct.NONE;
    VexProduct named = withVersionFromName(s.product(), target);
    if (!s.subcomponent().isNone()) {
      component = s.subcomponent();
      product = identifies(named, target) ? named : VexProduct.NONE;
    } else if (!named.isNone()) {
      VexProduct p = named;
      if (candidates.stream().anyMatch(f -> componentMatches(p, f))) {
        component = p;
      } else if (identifies(p, target)) {
        product = p;
      } else {
        throw new InvalidInputException(
            p.label()
                + " is neither "
                + target.productName()
                + " nor a component with a finding of "
                + s.vulnerability());
      }
    }
    Optional<Set<Long>> releases = releases(product, target);
    String scope = releases.isPresent() ? "release" : "product";
    VexProduct c = component;
    List<VexFinding> hits =
        candidates.stream()
            .filter(f -> releases.isEmpty() || releases.get().contains(f.releaseId()))
            .filter(f -> c.isNone() || componentMatches(c, f))
            .toList();
    if (hits.isEmpty()) {
      throw new InvalidInputException(
          "no finding of "
              + s.vulnerability()
              + (c.isNone() ? "" : " in " + c.label())
              + (releases.isPresent() ? " in the release(s) the statement names" : ""));
    }
    VexTriage.Analysis a = VexTriage.analysis(s);
    TriageInput input =
        new TriageInput(
            a.state(),
            a.justification(),
            a.response(),
            a.detail(),
            "",
            comment,
            scope,
            "",
            "",
            List.of());
    // One decision per (release when release-scoped, vulnerability, package).
    Map<String, Match> unique = new LinkedHashMap<>();
    for (VexFinding f : hits) {
      String key =
          (scope.equals("release") ? f.releaseId() + " " : "")
              + f.vulnerabilityId()
              + " "
              + f.packageKey();
      unique.putIfAbsent(key, new Match(index, f, new Planned(f.findingId(), input)));
    }
    return List.copyOf(unique.values());
  }

  /**
   * The releases a statement's product names, or empty for "every release" (no version, and no
   * release chosen).
   */
  private static Optional<Set<Long>> releases(VexProduct product, Target target) {
    String version = product.isNone() ? "" : versionOf(product);
    if (version.isEmpty()) {
      return target.chosenRelease() == 0
          ? Optional.empty()
          : Optional.of(Set.of(target.chosenRelease()));
    }
    Set<Long> named = new HashSet<>();
    if (VersRange.isRange(version)) {
      VersRange range = VersRange.parse(version);
      target.releases().stream()
          .filter(r -> range.contains(r.version()))
          .forEach(r -> named.add(r.id()));
    } else {
      target.releases().stream()
          .filter(r -> r.version().equals(version))
          .forEach(r -> named.add(r.id()));
    }
    if (named.isEmpty()) {
      throw new InvalidInputException("no release " + version + " of " + target.productName());
    }
    if (target.chosenRelease() != 0) {
      if (!named.contains(target.chosenRelease())) {
        throw new InvalidInputException(
            "the statement is about "
                + target.productName()
                + " "
                + version
                + ", not the chosen release");
      }
      return Optional.of(Set.of(target.chosenRelease()));
    }
    return Optional.of(named);
  }

  /**
   * "Gateway 4.1.0" as name and version, as OpenVEX documents (CRAFT's among them) name a product
   * version that has no purl.
   */
  static VexProduct withVersionFromName(VexProduct p, Target target) {
    String prefix = target.productName() + " ";
    if (p.version().isEmpty()
        && p.name().regionMatches(true, 0, prefix, 0, prefix.length())
        && p.name().length() > prefix.length()) {
      return new VexProduct(
          p.ref(),
          target.productName(),
          p.name().substring(prefix.length()).strip(),
          p.purl(),
          p.cpe());
    }
    return p;
  }

  /** The version a product reference names: its version, else its purl's, else its CPE's. */
  static String versionOf(VexProduct p) {
    if (!p.version().isEmpty()) {
      return p.version();
    }
    if (!p.purl().isEmpty()) {
      return PackageNames.ofPurl(p.purl()).map(PackageNames.PurlCoordinates::version).orElse("");
    }
    if (!p.cpe().isEmpty()) {
      String[] parts = p.cpe().split(":");
      int at = p.cpe().startsWith("cpe:2.3:") ? 5 : 4;
      String v = parts.length > at ? parts[at] : "";
      return v.equals("*") || v.equals("-") ? "" : v;
    }
    return "";
  }

  /** Whether a document's product reference means the target product. */
  static boolean identifies(VexProduct p, Target target) {
    if (p.isNone()) {
      return false;
    }
    String name = target.productName();
    if (p.name().equalsIgnoreCase(name) || fragment(p.ref()).equalsIgnoreCase(slug(name))) {
      return true;
    }
    for (ReleaseIdentity r : target.releases()) {
      if (!p.purl().isEmpty() && !r.purl().isEmpty()) {
        var a = PackageNames.ofPurl(p.purl());
        var b = PackageNames.ofPurl(r.purl());
        if (a.isPresent() && b.isPresent() && a.get().key().equals(b.get().key())) {
          return true;
        }
      }
      if (!p.cpe().isEmpty()
          && !r.cpe().isEmpty()
          && cpeProduct(p.cpe()).equals(cpeProduct(r.cpe()))) {
        return true;
      }
    }
    return false;
  }

  /** Whether a document's component reference means the finding's component. */
  static boolean componentMatches(VexProduct c, VexFinding f) {
    String ref = fragment(c.ref());
    String purl = !c.purl().isEmpty() ? c.purl() : ref.startsWith("pkg:") ? ref : "";
    if (!purl.isEmpty()) {
      var a = PackageNames.ofPurl(purl);
      var b = PackageNames.ofPurl(f.purl());
      if (a.isPresent() && b.isPresent()) {
        return a.get().key().equals(b.get().key())
            && (a.get().version().isEmpty() || a.get().version().equals(b.get().version()));
      }
      return withoutQualifiers(purl).equals(withoutQualifiers(f.purl()));
    }
    if (!ref.isEmpty() && ref.equals(f.componentRef())) {
      return true;
    }
    return !c.name().isEmpty()
        && (c.name().equalsIgnoreCase(f.name()) || c.name().equalsIgnoreCase(lastSegment(f.name())))
        && (c.version().isEmpty() || c.version().equals(f.version()));
  }

  /** The bom-ref of a CycloneDX BOM-Link ({@code urn:cdx:serial/version#ref}), else the text. */
  private static String fragment(String ref) {
    int hash = ref.indexOf('#');
    return ref.startsWith("urn:cdx:") && hash >= 0 ? ref.substring(hash + 1) : ref;
  }

  private static String withoutQualifiers(String purl) {
    int cut = purl.length();
    for (char ch : new char[] {'?', '#'}) {
      int i = purl.indexOf(ch);
      if (i >= 0 && i < cut) {
        cut = i;
      }
    }
    return purl.substring(0, cut);
  }

  private static String lastSegment(String name) {
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf(':'));
    return slash < 0 ? name : name.substring(slash + 1);
  }

  static String slug(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
  }

  /** {@code vendor:product} of a CPE 2.2 or 2.3 name. */
  private static String cpeProduct(String cpe) {
    String[] parts = cpe.toLowerCase(Locale.ROOT).split(":");
    int at = cpe.startsWith("cpe:2.3:") ? 3 : 2;
    return parts.length > at + 1 ? parts[at] + ":" + parts[at + 1] : cpe;
  }
}
