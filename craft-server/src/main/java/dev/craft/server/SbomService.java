package dev.craft.server;

import dev.craft.core.Actor;
import dev.craft.core.Component;
import dev.craft.core.Dependency;
import dev.craft.core.Sbom;
import dev.craft.engine.QualityProfiles;
import dev.craft.engine.QualityReport;
import dev.craft.formats.ReadLimits;
import dev.craft.formats.SbomReadResult;
import dev.craft.formats.SbomReader;
import dev.craft.store.SbomRow;
import dev.craft.store.SbomStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Upload of a release's SBOM: read and validate (formats), then store (store) in one transaction.
 */
final class SbomService {
  private static final Logger LOG = LoggerFactory.getLogger(SbomService.class);
  private final SbomStore store;
  private final ReadLimits limits;
  private final AdvisoryService advisories;

  SbomService(SbomStore store, ReadLimits limits, AdvisoryService advisories) {
    this.store = store;
    this.limits = limits;
    this.advisories = advisories;
  }

  /** What an upload returns: the stored SBOM and its quality against every profile. */
  record Upload(SbomRow sbom, List<QualityReport> quality) {}

  Upload upload(Actor actor, long productId, long releaseId, byte[] content, boolean replace) {
    long t0 = System.nanoTime();
    SbomReadResult read = SbomReader.read(content, limits);
    if (!read.valid()) {
      throw new SbomRejectedException(
          "the SBOM is not valid against its own specification ("
              + read.problems().size()
              + " problems); nothing was stored",
          read.problems());
    }
    Sbom sbom = read.sbom();
    LOG.debug("SBOM of release {} read in {} ms", releaseId, (System.nanoTime() - t0) / 1_000_000);
    // Its quality is checked, and the advisories of its packages read and indexed, while it is
    // stored (ADR 101).
    var quality = Async.start("craft-sbom-quality", () -> quality(sbom));
    var early = advisories.prepareEarly(sbom.components());
    SbomRow row =
        store.save(
            actor, productId, releaseId, content, sha256(content), sbom, directRefs(sbom), replace);
    long t1 = System.nanoTime();
    // Matched at once, after the SBOM's own transaction: the SBOM is stored even if matching fails.
    advisories.matchSbom(row.id(), early);
    long t2 = System.nanoTime();
    var upload = new Upload(row, Async.await(quality));
    LOG.info(
        "SBOM {} of release {}: {} components; read and stored in {} ms, matched in {} ms, quality"
            + " awaited {} ms",
        row.id(),
        releaseId,
        sbom.components().size(),
        (t1 - t0) / 1_000_000,
        (t2 - t1) / 1_000_000,
        (System.nanoTime() - t2) / 1_000_000);
    return upload;
  }

  static List<QualityReport> quality(Sbom sbom) {
    return QualityProfiles.names().stream().map(p -> QualityProfiles.check(sbom, p)).toList();
  }

  /**
   * The product's direct dependencies: what the primary component depends on, as the document
   * states.
   */
  static Set<String> directRefs(Sbom sbom) {
    Set<String> direct = new HashSet<>();
    sbom.findPrimary()
        .map(Component::ref)
        .flatMap(sbom::findDependency)
        .map(Dependency::dependsOn)
        .ifPresent(direct::addAll);
    return direct;
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
