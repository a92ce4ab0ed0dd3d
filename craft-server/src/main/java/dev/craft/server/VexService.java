package dev.craft.server;

import dev.craft.core.Actor;
import dev.craft.core.Component;
import dev.craft.core.ConflictException;
import dev.craft.core.InvalidInputException;
import dev.craft.core.Product;
import dev.craft.core.Release;
import dev.craft.core.VexDocument;
import dev.craft.core.VexProduct;
import dev.craft.core.VexStatement;
import dev.craft.formats.ReadLimits;
import dev.craft.formats.VexFormat;
import dev.craft.formats.VexReadResult;
import dev.craft.formats.VexReader;
import dev.craft.formats.VexWriter;
import dev.craft.store.ProductStore;
import dev.craft.store.ReleaseStore;
import dev.craft.store.SbomStore;
import dev.craft.store.TriageImport;
import dev.craft.store.VexFinding;
import dev.craft.store.VexQueries;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * VEX import as triage decisions and VEX export from findings and their decisions (docs/vex.md,
 * "Import and export").
 */
final class VexService {
  /** Largest VEX document accepted for import. */
  static final long MAX_BYTES = 16L * 1024 * 1024;

  /** Most statements (after flattening) accepted in one import. */
  static final int MAX_STATEMENTS = 10_000;

  /** Most decisions one import may write (statements × the releases they name). */
  static final int MAX_DECISIONS = 50_000;

  static final ReadLimits LIMITS =
      ReadLimits.DEFAULT.withMaxBytes(MAX_BYTES).withMaxComponents(MAX_STATEMENTS);

  private final ProductStore products;
  private final ReleaseStore releases;
  private final SbomStore sboms;
  private final VexQueries queries;
  private final TriageImport triage;
  private final String author;

  VexService(
      ProductStore products,
      ReleaseStore releases,
      SbomStore sboms,
      VexQueries queries,
      TriageImport triage,
      CsafSettings csaf) {
    this.products = products;
    this.releases = releases;
    this.sboms = sboms;
    this.queries = queries;
    this.triage = triage;
    this.author =
        csaf.publisherNamespace().startsWith("https://")
            ? csaf.publisherNamespace()
            : csaf.publisherName();
  }

  /**
   * Reads the document, matches its statements to the product's findings (of one release when
   * {@code releaseId} is not 0) and records the decisions in one transaction. A document that
   * cannot be read changes nothing.
   */
  Map<String, Object> importVex(Actor actor, long productId, long releaseId, byte[] content) {
    if (content.length == 0) {
      throw new InvalidInputException("request body: empty; send the VEX document as the body");
    }
    Product product = products.get(actor, productId);
    if (releaseId != 0) {
      releases.get(actor, productId, releaseId);
    }
    VexReadResult read = VexReader.read(content, LIMITS);
    List<VexMatcher.ReleaseIdentity> identities = new ArrayList<>();
    for (Release r : releases.list(actor, productId)) {
      Optional<Component> primary = primary(actor, r);
      identities.add(
          new VexMatcher.ReleaseIdentity(
              r.id(),
              r.version(),
              primary.map(Component::purl).orElse(""),
              primary.flatMap(c -> c.cpes().stream().findFirst()).orElse("")));
    }
    var target = new VexMatcher.Target(product.name(), identities, releaseId);
    List<VexFinding> findings =
        queries.findings(
            actor, productId, releaseId == 0 ? Optional.empty() : Optional.of(releaseId));
    List<VexStatement> statements = read.document().statements();
    String comment =
        "VEX import: "
            + read.format().id()
            + (read.document().id().isEmpty() ? "" : " " + read.document().id());
    var matched = VexMatcher.match(statements, findings, target, comment);
    if (matched.matches().size() > MAX_DECISIONS) {
      throw new InvalidInputException(
          "too many decisions: the document would write "
              + matched.matches().size()
              + ", the limit is "
              + MAX_DECISIONS);
    }
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("format", read.format().id());
    summary.put("document", read.document().id());
    summary.put("releaseId", releaseId);
    summary.put("statements", statements.size());
    summary.put("unmatched", matched.unmatched().size());
    List<TriageImport.Outcome> outcomes =
        triage.apply(
            actor,
            productId,
            matched.matches().stream().map(VexMatcher.Match::planned).toList(),
            summary);
    List<Map<String, Object>> applied = new ArrayList<>();
    List<Map<String, Object>> unchanged = new ArrayList<>();
    for (int i = 0; i < outcomes.size(); i++) {
      var o = outcomes.get(i);
      var m = matched.matches().get(i);
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("statement", m.statement());
      v.put("vulnerability", o.vulnerabilityId());
      v.put("component", m.finding().purl().isEmpty() ? m.finding().name() : m.finding().purl());
      v.put("findingId", m.finding().findingId());
      v.put("scope", o.scopeKey());
      v.put("release", o.scopeKey().startsWith("release:") ? m.finding().releaseVersion() : "");
      v.put("state", o.planned().input().state());
      v.put("justification", o.planned().input().justification());
      (o.changed() ? applied : unchanged).add(v);
    }
    List<Map<String, Object>> unmatched = new ArrayList<>();
    for (var u : matched.unmatched()) {
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("statement", u.statement());
      v.put("vulnerability", u.source().vulnerability());
      v.put("product", u.source().product().key());
      v.put("subcomponent", u.source().subcomponent().key());
      v.put("status", u.source().status().wireName());
      v.put("reason", u.reason());
      unmatched.add(v);
    }
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("productId", productId);
    report.put("releaseId", releaseId == 0 ? null : releaseId);
    report.put("format", read.format().id());
    report.put("specVersion", read.specVersion());
    report.put("document", read.document().id());
    report.put("statements", statements.size());
    report.put("applied", applied);
    report.put("unchanged", unchanged);
    report.put("unmatched", unmatched);
    return report;
  }

  /** A release's VEX (or, when {@code releaseId} is 0, every release's) in the given format. */
  byte[] export(Actor actor, long productId, long releaseId, VexFormat format) {
    Product product = products.get(actor, productId);
    List<Release> chosen =
        releaseId == 0
            ? releases.list(actor, productId)
            : List.of(releases.get(actor, productId, releaseId));
    Map<Long, VexProduct> names = new LinkedHashMap<>();
    for (Release r : chosen) {
      Optional<Component> primary = primary(actor, r);
      names.put(
          r.id(),
          new VexProduct(
              "",
              product.name(),
              r.version(),
              primary.map(Component::purl).orElse(""),
              primary.flatMap(c -> c.cpes().stream().findFirst()).orElse("")));
    }
    List<VexStatement> statements = new ArrayList<>();
    for (VexFinding f :
        queries.findings(
            actor, productId, releaseId == 0 ? Optional.empty() : Optional.of(releaseId))) {
      VexProduct p = names.get(f.releaseId());
      if (p != null) {
        statements.add(VexTriage.statement(f, p));
      }
    }
    if (statements.isEmpty() && format == VexFormat.CSAF) {
      // The CSAF schema needs at least one vulnerability and one product: nothing to say is not
      // a valid CSAF VEX document, while OpenVEX and CycloneDX can be empty.
      throw new ConflictException(
          "no findings to export: a CSAF VEX document needs at least one vulnerability; use"
              + " openvex or cyclonedx");
    }
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    String id =
        "urn:craft:vex:product-"
            + productId
            + (releaseId == 0 ? "" : ":release-" + releaseId)
            + ":"
            + now.getEpochSecond();
    return VexWriter.write(new VexDocument(id, author, now.toString(), "1", statements), format);
  }

  private Optional<Component> primary(Actor actor, Release r) {
    return sboms
        .current(actor, r.productId(), r.id())
        .flatMap(s -> sboms.inventory(s.id()).findPrimary());
  }
}
