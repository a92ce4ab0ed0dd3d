package dev.craft.server;

import dev.craft.store.CsafStore.CsafRow;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The public side of a CSAF trusted provider (CSAF 2.0 section 7): provider metadata, the TLP:CLEAR
 * directory with hashes and signatures, index.txt, changes.csv and the ROLIE feed. Only TLP:CLEAR
 * advisories are ever listed here.
 */
final class CsafFiles {
  static final String BASE = "/.well-known/csaf";
  private final URI publicUrl;
  private final CsafSettings settings;
  private final CsafSigner signer;

  CsafFiles(URI publicUrl, CsafSettings settings, CsafSigner signer) {
    this.publicUrl = publicUrl;
    this.settings = settings;
    this.signer = signer;
  }

  /** Path of a published advisory below the directory: {@code <year>/<tracking-id>.json}. */
  static String relativePath(CsafRow row) {
    Instant at = Objects.requireNonNull(row.publishedAt());
    return at.atZone(ZoneOffset.UTC).getYear()
        + "/"
        + row.trackingId().toLowerCase(Locale.ROOT)
        + ".json";
  }

  String url(String path) {
    return publicUrl.resolve(path).toString();
  }

  String keyPath() {
    return BASE + "/openpgp/" + signer.fingerprint() + ".asc";
  }

  Map<String, Object> providerMetadata(List<CsafRow> clear) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("canonical_url", url(BASE + "/provider-metadata.json"));
    m.put(
        "distributions",
        List.of(
            Map.of(
                "directory_url",
                url(BASE + "/clear/"),
                "rolie",
                Map.of(
                    "feeds",
                    List.of(
                        Map.of(
                            "summary", "TLP:CLEAR (CSAF 2.0: TLP:WHITE) advisories",
                            "tlp_label", "WHITE",
                            "url", url(BASE + "/feed-tlp-clear.json")))))));
    m.put("last_updated", CsafDocuments.date(lastUpdated(clear)));
    m.put("list_on_CSAF_aggregators", true);
    m.put("metadata_version", "2.0");
    m.put("mirror_on_CSAF_aggregators", true);
    m.put(
        "public_openpgp_keys",
        List.of(Map.of("fingerprint", signer.fingerprint(), "url", url(keyPath()))));
    m.put(
        "publisher",
        Map.of(
            "category", "vendor",
            "name", settings.publisherName(),
            "namespace", settings.publisherNamespace()));
    m.put("role", "csaf_trusted_provider");
    return m;
  }

  static String index(List<CsafRow> clear) {
    var sb = new StringBuilder();
    clear.forEach(r -> sb.append(relativePath(r)).append('\n'));
    return sb.toString();
  }

  /** {@code "path","date"} per advisory, newest first (CSAF 2.0 section 7.1.12). */
  static String changes(List<CsafRow> clear) {
    var sb = new StringBuilder();
    clear.forEach(
        r ->
            sb.append('"')
                .append(relativePath(r))
                .append("\",\"")
                .append(CsafDocuments.date(Objects.requireNonNull(r.changedAt())))
                .append("\"\n"));
    return sb.toString();
  }

  Map<String, Object> feed(List<CsafRow> clear) {
    List<Object> entries = new ArrayList<>();
    for (CsafRow r : clear) {
      String file = url(BASE + "/clear/" + relativePath(r));
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("id", r.trackingId());
      e.put("title", r.title());
      e.put(
          "link",
          List.of(
              Map.of("rel", "self", "href", file),
              Map.of("rel", "hash", "href", file + ".sha256"),
              Map.of("rel", "hash", "href", file + ".sha512"),
              Map.of("rel", "signature", "href", file + ".asc")));
      e.put("published", CsafDocuments.date(Objects.requireNonNull(r.publishedAt())));
      e.put("updated", CsafDocuments.date(Objects.requireNonNull(r.changedAt())));
      e.put("summary", Map.of("content", r.title()));
      e.put("content", Map.of("type", "application/json", "src", file));
      e.put(
          "format",
          Map.of(
              "schema", "https://docs.oasis-open.org/csaf/csaf/v2.0/csaf_json_schema.json",
              "version", "2.0"));
      entries.add(e);
    }
    Map<String, Object> feed = new LinkedHashMap<>();
    feed.put("id", settings.trackingPrefix().toLowerCase(Locale.ROOT) + "-csaf-feed-tlp-clear");
    feed.put("title", settings.publisherName() + " CSAF feed (TLP:CLEAR)");
    feed.put("link", List.of(Map.of("rel", "self", "href", url(BASE + "/feed-tlp-clear.json"))));
    feed.put(
        "category",
        List.of(
            Map.of("scheme", "urn:ietf:params:rolie:category:information-type", "term", "csaf")));
    feed.put("updated", CsafDocuments.date(lastUpdated(clear)));
    feed.put("entry", entries);
    return Map.of("feed", feed);
  }

  private static Instant lastUpdated(List<CsafRow> clear) {
    return clear.isEmpty() ? Instant.EPOCH : Objects.requireNonNull(clear.getFirst().changedAt());
  }

  static String sha256(byte[] bytes) {
    return digest("SHA-256", bytes);
  }

  static String sha512(byte[] bytes) {
    return digest("SHA-512", bytes);
  }

  private static String digest(String algorithm, byte[] bytes) {
    try {
      return java.util.HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
