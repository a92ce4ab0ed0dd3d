package dev.craft.engine;

import dev.craft.core.Component;
import dev.craft.core.Dependency;
import dev.craft.core.ExternalReference;
import dev.craft.core.Hash;
import dev.craft.core.License;
import dev.craft.core.Party;
import dev.craft.core.Property;
import dev.craft.core.Sbom;
import dev.craft.core.SbomFormat;
import dev.craft.formats.SpdxLicenses;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * BSI TR-03183-2 v2.1.0. Required (§5.2): format CycloneDX ≥ 1.6 or SPDX ≥ 3.0.1, no vulnerability
 * information (§3.1), SBOM creator (e-mail or URL) and timestamp; per component creator, name,
 * version, filename, direct dependencies with a completeness statement, distribution (concluded)
 * licence, SHA-512 of the deployable form, and the executable / archive / structured properties.
 * "If it exists" (§5.3): SBOM-URI, source URI, URI of the deployable form, other identifiers (CPE,
 * purl), original (declared) licences — reported as warnings, since CRAFT cannot know whether they
 * exist. Licences must be SPDX ids or expressions, or LicenseRefs.
 *
 * <p>CycloneDX fields follow the TR's mapping: {@code bsi:component:*} properties, SHA-512 on the
 * component or on its {@code distribution} external reference, licence {@code acknowledgement}.
 */
final class Tr031832Profile {
  private Tr031832Profile() {}

  static QualityReport check(Sbom sbom) {
    var checks = new Checks(QualityProfiles.TR_03183_2);
    var info = sbom.info();
    checks.require(
        formatAccepted(info.format(), info.specVersion()),
        "",
        "format",
        info.format().id()
            + " "
            + info.specVersion()
            + " is not accepted: use CycloneDX 1.6 or later, or SPDX 3.0.1 or later");
    checks.require(
        info.vulnerabilities() == 0,
        "",
        "vulnerabilities",
        "the SBOM must not contain vulnerability information");
    checks.require(
        info.authors().stream().anyMatch(Party::hasContact) || documentCreatorInProperties(sbom),
        "",
        "creator",
        "the SBOM creator has no e-mail address or URL");
    checks.require(!info.timestamp().isEmpty(), "", "timestamp", "the SBOM has no timestamp");
    checks.recommend(
        !info.serialNumber().isEmpty(), "", "sbom-uri", "no SBOM-URI (required if it exists)");
    Map<String, Component> byRef = sbom.componentsByRef();
    // One map instead of a scan per component: the check must stay linear for 10,000-component
    // SBOMs.
    Map<String, Dependency> depsByRef = new HashMap<>();
    for (Dependency d : sbom.dependencies()) {
      depsByRef.putIfAbsent(d.ref(), d);
    }
    for (Component c : sbom.components()) {
      component(checks, c, byRef, depsByRef);
    }
    return checks.report();
  }

  static boolean formatAccepted(SbomFormat format, String version) {
    return switch (format) {
      case CYCLONEDX -> compare(version, "1.6") >= 0;
      case SPDX -> compare(version, "3.0.1") >= 0;
    };
  }

  private static void component(
      Checks checks, Component c, Map<String, Component> byRef, Map<String, Dependency> depsByRef) {
    String label = Checks.label(c);
    boolean creator =
        c.manufacturer().hasContact()
            || c.authors().stream().anyMatch(Party::hasContact)
            || c.supplier().hasContact();
    checks.require(creator, label, "creator", "no component creator with an e-mail address or URL");
    checks.require(!c.name().isEmpty(), label, "name", "no component name");
    checks.require(!c.version().isEmpty(), label, "version", "no component version");
    checks.require(
        !c.filename().isEmpty(), label, "filename", "no filename (bsi:component:filename)");
    Dependency dep = depsByRef.get(c.ref());
    checks.require(
        dep != null && dep.completenessStated(),
        label,
        "dependencies",
        dep == null
            ? "direct dependencies are not listed"
            : "the completeness of the direct dependencies is not stated");
    if (dep != null) {
      for (String ref : dep.dependsOn()) {
        checks.require(
            byRef.containsKey(ref),
            label,
            "dependencies",
            "dependency '" + ref + "' is not a component of the SBOM");
      }
    }
    checks.require(
        c.licenses().stream().anyMatch(License::isConcluded),
        label,
        "distribution-licence",
        "no distribution licence (a licence with acknowledgement 'concluded')");
    for (License l : c.licenses()) {
      checks.require(
          !l.expression().isEmpty() && SpdxLicenses.isSpdxExpression(l.expression()),
          label,
          "licence-id",
          "licence '"
              + (l.expression().isEmpty() ? l.name() : l.expression())
              + "' is not an SPDX id, expression or LicenseRef");
    }
    checks.require(
        hasSha512(c), label, "hash-sha512", "no SHA-512 hash of the deployable component");
    for (String property : new String[] {"executable", "archive", "structured"}) {
      checks.require(
          hasBsiProperty(c, property),
          label,
          property,
          "no bsi:component:" + property + " property");
    }
    checks.recommend(
        !c.purl().isEmpty() || !c.cpes().isEmpty(),
        label,
        "identifiers",
        "no purl or CPE (required if it exists)");
    checks.recommend(
        hasReference(c, "vcs") || hasReference(c, "source-distribution"),
        label,
        "source-uri",
        "no source code URI (required if it exists)");
    checks.recommend(
        hasReference(c, "distribution") || hasReference(c, "distribution-intake"),
        label,
        "deployable-uri",
        "no URI of the deployable form (required if it exists)");
    checks.recommend(
        c.licenses().stream().anyMatch(License::isDeclared),
        label,
        "original-licence",
        "no original licence (acknowledgement 'declared'; required if it exists)");
  }

  private static boolean hasSha512(Component c) {
    Stream<Hash> all =
        Stream.concat(
            c.hashes().stream(),
            c.externalReferences().stream()
                .filter(r -> r.type().startsWith("distribution"))
                .flatMap(r -> r.hashes().stream()));
    return all.anyMatch(h -> h.algorithm().equals("SHA-512") && h.value().length() == 128);
  }

  private static boolean hasBsiProperty(Component c, String name) {
    if (c.findProperty("bsi:component:" + name).filter(v -> !v.isBlank()).isPresent()) {
      return true;
    }
    // SPDX 3: the purposes of the package (or its distribution artifact) say it.
    return c.properties().stream()
        .filter(
            p ->
                p.name().endsWith("software_additionalPurpose")
                    || p.name().endsWith("software_primaryPurpose"))
        .map(Property::value)
        .anyMatch(v -> v.contains(name));
  }

  private static boolean hasReference(Component c, String type) {
    return c.externalReferences().stream().map(ExternalReference::type).anyMatch(type::equals);
  }

  private static boolean documentCreatorInProperties(Sbom sbom) {
    return sbom.properties().stream()
        .filter(
            p ->
                p.name().equals("craft:cyclonedx:metadata.manufacturer")
                    || p.name().equals("craft:cyclonedx:metadata.supplier")
                    || p.name().equals("craft:cyclonedx:metadata.manufacture"))
        .anyMatch(p -> p.value().contains("\"email\"") || p.value().contains("\"url\""));
  }

  /** Compares dotted numeric versions; a non-numeric part compares as 0. */
  static int compare(String a, String b) {
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      int p = i < x.length ? number(x[i]) : 0;
      int q = i < y.length ? number(y[i]) : 0;
      if (p != q) {
        return Integer.compare(p, q);
      }
    }
    return 0;
  }

  private static int number(String s) {
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
