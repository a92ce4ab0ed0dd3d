package dev.craft.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.craft.core.Actor;
import dev.craft.core.Component;
import dev.craft.core.ConflictException;
import dev.craft.core.InvalidInputException;
import dev.craft.core.Product;
import dev.craft.core.Release;
import dev.craft.core.Text;
import dev.craft.formats.CsafProblem;
import dev.craft.formats.CsafValidator;
import dev.craft.store.CraftJson;
import dev.craft.store.CsafRevisionStore;
import dev.craft.store.CsafRevisionStore.RevisionRow;
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
  private final CsafRevisionStore revisions;

  CsafService(
      CsafStore store,
      CsafRevisionStore revisions,
      ProductStore products,
      ReleaseStore releases,
      SbomStore sboms,
      CsafSettings settings,
      CsafSigner signer) {
    this.store = store;
    this.revisions = revisions;
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
    if (row.published()) {
      updateRevision(actor, row, body);
      return store.get(id);
    }
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

  /**
   * Finalises, validates, signs and stores a draft, or the revision being edited of a published
   * advisory; on any validator problem nothing changes.
   */
  CsafRow publish(Actor actor, long id) {
    CsafRow row = store.get(id);
    Instant now = Instant.now();
    Optional<RevisionRow> revision = row.published() ? revisions.findDraft(id) : Optional.empty();
    if (row.published() && revision.isEmpty()) {
      throw new ConflictException(row.trackingId() + " is already published");
    }
    byte[] bytes = bytes(toPublish(row, revision, now));
    List<CsafProblem> problems = CsafValidator.validate(bytes);
    if (!problems.isEmpty()) {
      throw new ValidationFailed(problems);
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    String signature = signer.sign(bytes);
    if (revision.isPresent()) {
      String title = CsafDocuments.parse(parse(revision.get().input())).title();
      return revisions.publish(actor, id, title, text, signature, now, CsafFiles.sha256(bytes));
    }
    return store.publish(actor, id, text, signature, now, CsafFiles.sha256(bytes));
  }

  /**
   * What publishing now would find: the validator's problems with the document as it would be
   * published (the draft, or the revision being edited); empty when there is nothing to publish.
   */
  List<CsafProblem> check(CsafRow row) {
    Optional<RevisionRow> revision =
        row.published() ? revisions.findDraft(row.id()) : Optional.empty();
    if (row.published() && revision.isEmpty()) {
      return List.of();
    }
    return CsafValidator.validate(bytes(toPublish(row, revision, Instant.now())));
  }

  private static ObjectNode toPublish(CsafRow row, Optional<RevisionRow> revision, Instant now) {
    return revision.isPresent()
        ? CsafRevisions.atPublication(parse(revision.get().document()), now)
        : CsafDocuments.finalForm(parse(row.document()), now);
  }

  /**
   * Starts a new revision of a published advisory: {@code summary} for the revision history,
   * optional {@code bump} (semantic versions) and {@code input} (else the published input).
   */
  RevisionRow revise(Actor actor, long id, ObjectNode body) {
    CsafRow row = store.get(id);
    if (!row.published()) {
      throw new ConflictException(row.trackingId() + " is not published yet: edit the draft");
    }
    String summary = Text.required("summary", Body.text(body, "summary"), 1000);
    ObjectNode input =
        body.get("input") instanceof ObjectNode o ? o.deepCopy() : parse(row.input());
    String bump = Body.text(body, "bump");
    String current = parse(row.document()).at("/document/tracking/version").asText();
    String number = CsafRevisions.next(current, bump == null ? "" : bump);
    var in = CsafDocuments.parse(input);
    return revisions.start(
        actor,
        id,
        number,
        summary,
        CraftJson.write(in.json()),
        revised(actor, row, in, number, summary));
  }

  private void updateRevision(Actor actor, CsafRow row, ObjectNode body) {
    RevisionRow draft =
        revisions
            .findDraft(row.id())
            .orElseThrow(
                () ->
                    new ConflictException(
                        "CSAF advisory "
                            + row.trackingId()
                            + " is published and can no longer be changed: revise it"));
    ObjectNode input = body.deepCopy();
    String given = Body.text(input, "revisionSummary");
    input.remove("revisionSummary");
    String summary =
        given == null ? draft.summary() : Text.required("revisionSummary", given, 1000);
    var in = CsafDocuments.parse(input);
    revisions.update(
        actor,
        row.id(),
        summary,
        CraftJson.write(in.json()),
        revised(actor, row, in, draft.number(), summary));
  }

  /** The revised document: content from the new input, tracking carried on from the published. */
  private String revised(
      Actor actor, CsafRow row, CsafDocuments.Input in, String number, String summary) {
    if (in.productId() != row.productId() || !in.tlp().equals(row.tlp())) {
      throw new InvalidInputException(
          "a revision keeps the advisory's product and TLP label (" + row.tlp() + ")");
    }
    Product product = products.get(actor, in.productId());
    Instant now = Instant.now();
    ObjectNode built =
        documents.draft(
            in, row.trackingId(), product, chosen(actor, in), r -> primary(actor, r), now, now);
    return CraftJson.write(
        CsafRevisions.revised(built, parse(row.document()), number, summary, now));
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

  /** The purl and CPE the product tree will carry for {@code r}, for the authoring form. */
  String identifiers(Actor actor, Release r) {
    return primary(actor, r)
        .map(
            c ->
                String.join(
                    " · ",
                    java.util.stream.Stream.concat(
                            java.util.stream.Stream.of(c.purl()), c.cpes().stream().limit(1))
                        .filter(x -> !x.isEmpty())
                        .toList()))
        .orElse("");
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
