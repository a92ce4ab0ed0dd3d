package dev.craft.engine;

import dev.craft.core.Component;
import dev.craft.core.Dependency;
import dev.craft.core.Sbom;
import java.util.Map;
import java.util.Optional;

/**
 * The CRA floor. Annex I Part II (1) asks manufacturers to "identify and document vulnerabilities
 * and components contained in products with digital elements, including by drawing up a software
 * bill of materials in a commonly used and machine-readable format covering at the very least the
 * top-level dependencies of the products".
 *
 * <p>Required: the product is identified (name, version, supplier); its direct dependencies are
 * listed and each is a component of the SBOM with a name, a version and a unique identifier (purl
 * or CPE); the SBOM carries no vulnerability data (vulnerabilities belong in VEX/advisories, not in
 * the inventory that is handed to authorities). Machine-readability holds by construction: only
 * CycloneDX and SPDX documents reach a profile.
 */
final class CraProfile {
  private CraProfile() {}

  static QualityReport check(Sbom sbom) {
    var checks = new Checks(QualityProfiles.CRA);
    checks.require(
        sbom.info().vulnerabilities() == 0,
        "",
        "vulnerabilities",
        "the SBOM carries "
            + sbom.info().vulnerabilities()
            + " vulnerability entries; keep them out of the SBOM");
    checks.recommend(
        !sbom.info().timestamp().isEmpty(), "", "timestamp", "the SBOM has no creation time");
    Optional<Component> primary = sbom.findPrimary();
    checks.require(
        primary.isPresent(),
        "",
        "product",
        "the SBOM does not name the product it describes (CycloneDX metadata.component, SPDX"
            + " documentDescribes/rootElement)");
    if (primary.isEmpty()) {
      return checks.report();
    }
    Component product = primary.get();
    String label = Checks.label(product);
    checks.require(!product.name().isEmpty(), label, "name", "the product has no name");
    checks.require(!product.version().isEmpty(), label, "version", "the product has no version");
    checks.require(
        !product.supplier().isEmpty() || !product.manufacturer().isEmpty(),
        label,
        "supplier",
        "the product names no supplier or manufacturer");
    checks.recommend(
        !product.purl().isEmpty() || !product.cpes().isEmpty(),
        label,
        "identifier",
        "the product has no purl or CPE");
    Optional<Dependency> deps = sbom.findDependency(product.ref());
    boolean listed =
        deps.isPresent()
            && (!deps.get().dependsOn().isEmpty() || "complete".equals(deps.get().completeness()));
    checks.require(
        listed,
        label,
        "top-level-dependencies",
        "the product's direct dependencies are not listed (and not stated to be none)");
    if (deps.isEmpty()) {
      return checks.report();
    }
    Map<String, Component> byRef = sbom.componentsByRef();
    for (String ref : deps.get().dependsOn()) {
      Component dep = byRef.get(ref);
      checks.require(
          dep != null,
          ref,
          "component",
          "the direct dependency '" + ref + "' is not a component of the SBOM");
      if (dep == null) {
        continue;
      }
      String depLabel = Checks.label(dep);
      checks.require(!dep.name().isEmpty(), depLabel, "name", "the dependency has no name");
      checks.require(
          !dep.version().isEmpty(), depLabel, "version", "the dependency has no version");
      checks.require(
          !dep.purl().isEmpty() || !dep.cpes().isEmpty(),
          depLabel,
          "identifier",
          "the dependency has no unique identifier (purl or CPE)");
      checks.recommend(
          !dep.supplier().isEmpty() || !dep.manufacturer().isEmpty(),
          depLabel,
          "supplier",
          "the dependency names no supplier");
    }
    return checks.report();
  }
}
