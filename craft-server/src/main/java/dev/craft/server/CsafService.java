package dev.craft.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.craft.core.Actor;
import dev.craft.core.Component;
import dev.craft.core.InvalidInputException;
import dev.craft.core.Product;
import dev.craft.core.Release;
import dev.craft.formats.CsafProblem;
import dev.craft.formats.CsafValidator;
import dev.craft.store.CraftJson;
import dev.craft.store.CsafStore;
import dev.craft.store.CsafStore.CsafRow;
import dev.craft.store.ProductStore;
import dev.craft.store.ReleaseStore;
import dev.craft.store.SbomStore;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** Authoring, validation and publication of CSAF advisories (issue 4 section 3). */
final class CsafService {
  private final CsafStore store;
  private final ProductStore products;
  private final ReleaseStore releases;
  private final SbomStore sboms;
  private final CsafDocuments documents;
  private final CsafSigner signer;
  private final CsafSettings settings;

  CsafService(
      CsafStore store,
      ProductStore products,
      ReleaseStore releases,
      SbomStore sboms,
      CsafSettings settings,
      CsafSigner signer) {
    this.store = store;
    this.products = products;
    this.releases = releases;
    this.sboms = sboms;
    this.documents = new CsafDocuments(settings);
    this.signer = signer;
    this.settings = settings;
  }

  /** A publication refused by the CSAF validator; nothing was changed. */
  static final class ValidationFailed extends InvalidInputException {
    private static final long serialVersionUID = 1L;
    private final transient List<CsafProblem> problems;

    ValidationFailed(List<CsafProblem> problems) {
      super(
          "the CSAF document fails validation: "
              + String.join(
                  "; ",
                  problems.stream()
                      .limit(5)
                      .map(p -> p.testId() + " at " + p.path() + ": " + p.message())
                      .toList()));
      this.problems = List.copyOf(problems);
    }

    List<CsafProblem> problems() {
      return problems;
    }
  }

  CsafRow create(Actor actor, ObjectNode body) {
    var in = CsafDocuments.parse(body);
    Product product = products.get(actor, in.productId());
    List<Release> chosen = chosen(actor, in);
    Instant now = Instant.now();
    return store.create(
        actor,
        settings.trackingPrefix(),
        now.atZone(ZoneOffset.UTC).getYear(),
        in.title(),
        in.tlp(),
        in.productId(),
        CraftJson.write(in.json()),
        trackingId ->
            CraftJson.write(
                documents.draft(
                    in, trackingId, product, chosen, r -> primary(actor, r), now, now)));
  }

  CsafRow update(Actor actor, long id, ObjectNode body) {
    CsafRow row = store.get(id);
    var in = CsafDocuments.parse(body);
    Product product = products.get(actor, in.productId());
    List<Release> chosen = chosen(actor, in);
    String doc =
        CraftJson.write(
            documents.draft(
                in,
                row.trackingId(),
                product,
                chosen,
                r -> primary(actor, r),
                row.createdAt(),
                Instant.now()));
    return store.updateDraft(
        actor, id, in.title(), in.tlp(), in.productId(), CraftJson.write(in.json()), doc);
  }

  /** Finalises, validates, signs and stores; on any validator problem nothing changes. */
  CsafRow publish(Actor actor, long id) {
    CsafRow row = store.get(id);
    if (row.published()) {
      throw new dev.craft.core.ConflictException(row.trackingId() + " is already published");
    }
    Instant now = Instant.now();
    ObjectNode doc = CsafDocuments.finalForm(parse(row.document()), now);
    byte[] bytes = bytes(doc);
    List<CsafProblem> problems = CsafValidator.validate(bytes);
    if (!problems.isEmpty()) {
      throw new ValidationFailed(problems);
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    return store.publish(actor, id, text, signer.sign(bytes), now, CsafFiles.sha256(bytes));
  }

  private List<Release> chosen(Actor actor, CsafDocuments.Input in) {
    var all = releases.list(actor, in.productId());
    for (long id : in.releaseIds()) {
      if (all.stream().noneMatch(r -> r.id() == id)) {
        throw new InvalidInputException("release " + id + " is not a release of the product");
      }
    }
    return all.stream().filter(r -> in.releaseIds().contains(r.id())).toList();
  }

  private Optional<Component> primary(Actor actor, Release r) {
    return sboms
        .current(actor, r.productId(), r.id())
        .flatMap(s -> sboms.inventory(s.id()).findPrimary());
  }

  static ObjectNode parse(String json) {
    try {
      return (ObjectNode) CraftJson.mapper().readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored CSAF document is not JSON", e);
    }
  }

  /** The published bytes: pretty-printed UTF-8 JSON, exactly what is hashed and signed. */
  static byte[] bytes(ObjectNode doc) {
    try {
      return CraftJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(doc);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
