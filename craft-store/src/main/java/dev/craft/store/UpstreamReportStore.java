package dev.craft.store;

import dev.craft.core.Actor;
import dev.craft.core.ConflictException;
import dev.craft.core.InvalidInputException;
import dev.craft.core.NotFoundException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jspecify.annotations.Nullable;

/**
 * Reports to the maintainer of a third-party component (Art. 13(6)): a draft, then sent (date,
 * channel), acknowledged (date) and fixed upstream (date), with the fix as a URL or an uploaded
 * patch kept with its SHA-256. Every change is audited.
 */
public final class UpstreamReportStore {
  /** The states in their only order: a report moves forward, never back. */
  public static final List<String> STATES =
      List.of("draft", "sent", "acknowledged", "fixed_upstream");

  private static final String COLUMNS =
      "id, product_id, finding_id, vulnerability_id, component_purl, component_name,"
          + " component_version, contact, contact_source, subject, body, status, sent_on, channel,"
          + " acknowledged_on, fixed_on, fix_url, patch_name, patch_sha256,"
          + " coalesce(octet_length(patch), 0) AS patch_size, created_by, created_at, updated_at";

  private final Jdbi jdbi;

  public UpstreamReportStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public record Row(
      long id,
      long productId,
      @Nullable Long findingId,
      String vulnerabilityId,
      String componentPurl,
      String componentName,
      String componentVersion,
      String contact,
      String contactSource,
      String subject,
      String body,
      String status,
      @Nullable LocalDate sentOn,
      String channel,
      @Nullable LocalDate acknowledgedOn,
      @Nullable LocalDate fixedOn,
      String fixUrl,
      String patchName,
      String patchSha256,
      long patchSize,
      String createdBy,
      Instant createdAt,
      Instant updatedAt) {}

  /** A new draft; texts bounded by the caller. */
  public record Draft(
      long productId,
      @Nullable Long findingId,
      String vulnerabilityId,
      String componentPurl,
      String componentName,
      String componentVersion,
      String contact,
      String contactSource,
      String subject,
      String body) {
    public Draft {
      Objects.requireNonNull(vulnerabilityId, "vulnerabilityId");
      Objects.requireNonNull(componentPurl, "componentPurl");
      Objects.requireNonNull(componentName, "componentName");
      Objects.requireNonNull(componentVersion, "componentVersion");
      Objects.requireNonNull(contact, "contact");
      Objects.requireNonNull(contactSource, "contactSource");
      if (subject.isBlank() || body.isBlank()) {
        throw new InvalidInputException("subject and body: required");
      }
    }
  }

  /**
   * A change: each field null = unchanged. Moving to a state fills its date with {@code today} when
   * none is given.
   */
  public record Change(
      @Nullable String contact,
      @Nullable String subject,
      @Nullable String body,
      @Nullable String status,
      @Nullable LocalDate sentOn,
      @Nullable String channel,
      @Nullable LocalDate acknowledgedOn,
      @Nullable LocalDate fixedOn,
      @Nullable String fixUrl) {}

  public Row create(Actor actor, Draft d) {
    return jdbi.inTransaction(
        h -> {
          ProductStore.requireVisible(h, actor, d.productId());
          if (d.findingId() != null) {
            // The report's key names a row of finding: a finding in a pack becomes one (V23).
            FindingPacks.unpackId(h, d.findingId());
          }
          long id =
              h.createQuery(
                      """
                      INSERT INTO upstream_report (product_id, finding_id, vulnerability_id,
                        component_purl, component_name, component_version, contact, contact_source,
                        subject, body, created_by)
                      VALUES (:product, :finding, :vuln, :purl, :name, :version, :contact, :source,
                        :subject, :body, :by)
                      RETURNING id
                      """)
                  .bind("product", d.productId())
                  .bind("finding", d.findingId())
                  .bind("vuln", d.vulnerabilityId())
                  .bind("purl", d.componentPurl())
                  .bind("name", d.componentName())
                  .bind("version", d.componentVersion())
                  .bind("contact", d.contact())
                  .bind("source", d.contactSource())
                  .bind("subject", d.subject())
                  .bind("body", d.body())
                  .bind("by", actor.username())
                  .mapTo(Long.class)
                  .one();
          Row row = get(h, d.productId(), id);
          AuditLog.append(
              h, actor, "upstream.draft", "upstream_report", Long.toString(id), audit(row));
          return row;
        });
  }

  public Row get(Actor actor, long productId, long id) {
    return jdbi.withHandle(
        h -> {
          ProductStore.requireVisible(h, actor, productId);
          return get(h, productId, id);
        });
  }

  private static Row get(Handle h, long productId, long id) {
    return h.createQuery(
            "SELECT " + COLUMNS + " FROM upstream_report WHERE id = :id AND product_id = :p")
        .bind("id", id)
        .bind("p", productId)
        .map(ConstructorMapper.of(Row.class))
        .findOne()
        .orElseThrow(() -> new NotFoundException("upstream report", id));
  }

  /** The product's upstream reports, newest first. */
  public List<Row> list(Actor actor, long productId) {
    return jdbi.withHandle(
        h -> {
          ProductStore.requireVisible(h, actor, productId);
          return h.createQuery(
                  "SELECT "
                      + COLUMNS
                      + " FROM upstream_report WHERE product_id = :p ORDER BY created_at DESC, id"
                      + " DESC")
              .bind("p", productId)
              .map(ConstructorMapper.of(Row.class))
              .list();
        });
  }

  /** Upstream reports drafted from one finding. */
  public List<Row> forFinding(Actor actor, long productId, long findingId) {
    return jdbi.withHandle(
        h -> {
          ProductStore.requireVisible(h, actor, productId);
          return h.createQuery(
                  "SELECT "
                      + COLUMNS
                      + " FROM upstream_report WHERE product_id = :p AND finding_id = :f ORDER BY id")
              .bind("p", productId)
              .bind("f", findingId)
              .map(ConstructorMapper.of(Row.class))
              .list();
        });
  }

  public Row update(Actor actor, long productId, long id, Change c, LocalDate today) {
    return jdbi.inTransaction(
        h -> {
          ProductStore.requireVisible(h, actor, productId);
          Row before = get(h, productId, id);
          String status = c.status() == null ? before.status() : c.status();
          int from = STATES.indexOf(before.status());
          int to = STATES.indexOf(status);
          if (to < 0) {
            throw new InvalidInputException("status: one of " + STATES);
          }
          if (to < from) {
            throw new ConflictException(
                "an upstream report moves forward only: it is " + before.status());
          }
          String channel = c.channel() == null ? before.channel() : c.channel();
          LocalDate sent = first(c.sentOn(), before.sentOn(), to >= 1 ? today : null);
          LocalDate ack =
              first(c.acknowledgedOn(), before.acknowledgedOn(), to >= 2 ? today : null);
          LocalDate fixed = first(c.fixedOn(), before.fixedOn(), to >= 3 ? today : null);
          if (to >= 1 && channel.isBlank()) {
            throw new InvalidInputException(
                "channel: how the report was sent (e-mail, issue tracker, form...)");
          }
          h.createUpdate(
                  """
                  UPDATE upstream_report SET contact = :contact, subject = :subject, body = :body,
                    status = :status, sent_on = :sent, channel = :channel, acknowledged_on = :ack,
                    fixed_on = :fixed, fix_url = :fixUrl, updated_at = now()
                  WHERE id = :id
                  """)
              .bind("contact", c.contact() == null ? before.contact() : c.contact())
              .bind("subject", c.subject() == null ? before.subject() : c.subject())
              .bind("body", c.body() == null ? before.body() : c.body())
              .bind("status", status)
              .bind("sent", sent)
              .bind("channel", channel)
              .bind("ack", ack)
              .bind("fixed", fixed)
              .bind("fixUrl", c.fixUrl() == null ? before.fixUrl() : c.fixUrl())
              .bind("id", id)
              .execute();
          Row after = get(h, productId, id);
          AuditLog.append(
              h, actor, "upstream.update", "upstream_report", Long.toString(id), audit(after));
          return after;
        });
  }

  private static @Nullable LocalDate first(
      @Nullable LocalDate given, @Nullable LocalDate stored, @Nullable LocalDate fallback) {
    return given != null ? given : stored != null ? stored : fallback;
  }

  /** Keeps the fix or patch shared with (or by) the maintainer; returns its SHA-256. */
  public Row attachPatch(Actor actor, long productId, long id, String name, byte[] content) {
    if (content.length == 0) {
      throw new InvalidInputException("patch: empty");
    }
    String sha256 = sha256(content);
    return jdbi.inTransaction(
        h -> {
          ProductStore.requireVisible(h, actor, productId);
          get(h, productId, id);
          h.createUpdate(
                  """
                  UPDATE upstream_report SET patch = :patch, patch_name = :name,
                    patch_sha256 = :sha, updated_at = now() WHERE id = :id
                  """)
              .bind("patch", content)
              .bind("name", name)
              .bind("sha", sha256)
              .bind("id", id)
              .execute();
          Row after = get(h, productId, id);
          Map<String, Object> audit = new LinkedHashMap<>();
          audit.put("patchName", name);
          audit.put("patchSha256", sha256);
          audit.put("patchSize", content.length);
          AuditLog.append(h, actor, "upstream.patch", "upstream_report", Long.toString(id), audit);
          return after;
        });
  }

  public Optional<byte[]> patch(Actor actor, long productId, long id) {
    return jdbi.withHandle(
        h -> {
          ProductStore.requireVisible(h, actor, productId);
          return h.createQuery(
                  "SELECT patch FROM upstream_report WHERE id = :id AND product_id = :p"
                      + " AND patch IS NOT NULL")
              .bind("id", id)
              .bind("p", productId)
              .mapTo(byte[].class)
              .findOne();
        });
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> audit(Row r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("productId", r.productId());
    m.put("findingId", r.findingId());
    m.put("vulnerabilityId", r.vulnerabilityId());
    m.put("component", r.componentPurl());
    m.put("contact", r.contact());
    m.put("status", r.status());
    m.put("sentOn", r.sentOn() == null ? null : r.sentOn().toString());
    m.put("channel", r.channel());
    m.put("acknowledgedOn", r.acknowledgedOn() == null ? null : r.acknowledgedOn().toString());
    m.put("fixedOn", r.fixedOn() == null ? null : r.fixedOn().toString());
    m.put("fixUrl", r.fixUrl());
    return m;
  }
}
