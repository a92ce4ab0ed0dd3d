package dev.craft.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.craft.core.Actor;
import dev.craft.core.ConflictException;
import dev.craft.core.Sbom;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * The SBOM of each release: original bytes, normalised inventory and searchable components, written
 * in one transaction, so a failed upload leaves nothing behind.
 */
public final class SbomStore {
  private static final String COLUMNS =
      "id, release_id, format, spec_version, encoding, sha256, size_bytes, component_count,"
          + " uploaded_by, uploaded_at, replaced_at";

  /**
   * Reads stored inventories; derived accessors such as {@code Party.isEmpty()} also appear in the
   * JSON.
   */
  private static final ObjectMapper INVENTORY =
      CraftJson.mapper().copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final Jdbi jdbi;

  public SbomStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /**
   * Stores the SBOM of a release. An existing SBOM is replaced only when {@code replace} is set;
   * the old one is kept, marked as replaced, and the replacement is audited as such.
   */
  public SbomRow save(
      Actor actor,
      long productId,
      long releaseId,
      byte[] original,
      String sha256,
      Sbom sbom,
      Set<String> directRefs,
      boolean replace) {
    byte[] inventory = Gzip.compress(writeInventory(sbom));
    return jdbi.inTransaction(
        h -> {
          ReleaseCheck.require(h, actor, productId, releaseId);
          // Lock the release row so that two concurrent uploads cannot both become current.
          h.execute("SELECT id FROM release WHERE id = ? FOR UPDATE", releaseId);
          Optional<Long> current =
              h.createQuery("SELECT id FROM sbom WHERE release_id = :r AND replaced_at IS NULL")
                  .bind("r", releaseId)
                  .mapTo(Long.class)
                  .findOne();
          if (current.isPresent() && !replace) {
            throw new ConflictException(
                "this release already has an SBOM; replacing it is an explicit action (replace=true)");
          }
          current.ifPresent(
              id -> h.execute("UPDATE sbom SET replaced_at = now() WHERE id = ?", id));
          SbomRow row =
              h.createQuery(
                      """
                      INSERT INTO sbom (release_id, format, spec_version, encoding, sha256, size_bytes,
                                        original, inventory, component_count, uploaded_by)
                      VALUES (:release, :format, :spec, :encoding, :sha, :size, :original,
                              :inventory, :count, :by)
                      RETURNING %s
                      """
                          .formatted(COLUMNS))
                  .bind("release", releaseId)
                  .bind("format", sbom.info().format().id())
                  .bind("spec", sbom.info().specVersion())
                  .bind("encoding", sbom.info().encoding())
                  .bind("sha", sha256)
                  .bind("size", (long) original.length)
                  .bind("original", original)
                  .bind("inventory", inventory)
                  .bind("count", sbom.components().size())
                  .bind("by", actor.username())
                  .mapTo(SbomRow.class)
                  .one();
          ComponentCopy.copy(h, row.id(), sbom.components(), directRefs);
          AuditLog.append(
              h,
              actor,
              current.isPresent() ? "sbom.replace" : "sbom.upload",
              "release",
              Long.toString(releaseId),
              Map.of(
                  "sbomId", row.id(),
                  "sha256", sha256,
                  "format", row.format(),
                  "specVersion", row.specVersion(),
                  "components", row.componentCount(),
                  "replaced", current.map(String::valueOf).orElse("")));
          return row;
        });
  }

  private static byte[] writeInventory(Sbom sbom) {
    try {
      return INVENTORY.writeValueAsBytes(sbom);
    } catch (JsonProcessingException e) {
      throw new StoreException("cannot serialise the SBOM inventory", e);
    }
  }

  public Optional<SbomRow> current(Actor actor, long productId, long releaseId) {
    return jdbi.withHandle(
        h -> {
          ReleaseCheck.require(h, actor, productId, releaseId);
          return h.createQuery(
                  "SELECT " + COLUMNS + " FROM sbom WHERE release_id = :r AND replaced_at IS NULL")
              .bind("r", releaseId)
              .mapTo(SbomRow.class)
              .findOne();
        });
  }

  public List<SbomRow> history(Actor actor, long productId, long releaseId) {
    return jdbi.withHandle(
        h -> {
          ReleaseCheck.require(h, actor, productId, releaseId);
          return h.createQuery(
                  "SELECT "
                      + COLUMNS
                      + " FROM sbom WHERE release_id = :r ORDER BY uploaded_at DESC, id DESC")
              .bind("r", releaseId)
              .mapTo(SbomRow.class)
              .list();
        });
  }

  public byte[] original(long sbomId) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT original FROM sbom WHERE id = :id")
                .bind("id", sbomId)
                .mapTo(byte[].class)
                .one());
  }

  public Sbom inventory(long sbomId) {
    byte[] stored =
        jdbi.withHandle(
            h ->
                h.createQuery("SELECT inventory FROM sbom WHERE id = :id")
                    .bind("id", sbomId)
                    .mapTo(byte[].class)
                    .one());
    try {
      return INVENTORY.readValue(Gzip.decompress(stored), Sbom.class);
    } catch (IOException e) {
      throw new StoreException("the stored inventory of SBOM " + sbomId + " cannot be read", e);
    }
  }

  /**
   * Components whose name, group, version or purl contains {@code query} (case-insensitive), in
   * document order.
   */
  public List<SbomComponentRow> components(
      long sbomId, String query, boolean directOnly, int limit, int offset) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT ordinal, ref, type, grp, name, version, purl, direct FROM sbom_component
                    WHERE sbom_id = :sbom AND (NOT :direct OR direct)
                      AND (:q = '' OR strpos(lower(name || ' ' || grp || ' ' || version || ' ' || purl), lower(:q)) > 0)
                    ORDER BY ordinal LIMIT :limit OFFSET :offset
                    """)
                .bind("sbom", sbomId)
                .bind("q", query)
                .bind("direct", directOnly)
                .bind("limit", limit)
                .bind("offset", offset)
                .mapTo(SbomComponentRow.class)
                .list());
  }
}
