package dev.craft.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.craft.core.InvalidInputException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the {@link ServerConfig} from, in rising precedence: defaults, a YAML file ({@code
 * --config}), {@code CRAFT_*} environment variables and command-line flags. Every error names the
 * key and where its value came from.
 */
public final class ConfigLoader {
  /**
   * Known keys with their defaults ("" = unset). The environment variable is CRAFT_ + KEY with
   * '.'/'-' as '_'.
   */
  static final Map<String, String> DEFAULTS = defaults();

  private final Map<String, String> values = new LinkedHashMap<>();
  private final Map<String, String> origin = new LinkedHashMap<>();

  private ConfigLoader() {}

  public static ServerConfig load(
      Optional<Path> file, Map<String, String> env, Map<String, String> flags) {
    var loader = new ConfigLoader();
    DEFAULTS.forEach((k, v) -> loader.put(k, v, "default"));
    file.ifPresent(loader::readFile);
    for (String key : DEFAULTS.keySet()) {
      String value = env.get(envName(key));
      if (value != null) {
        loader.put(key, value, "environment variable " + envName(key));
      }
    }
    flags.forEach(
        (k, v) -> {
          loader.requireKnown(k, "command line");
          loader.put(k, v, "command line");
        });
    return loader.build();
  }

  public static String envName(String key) {
    return "CRAFT_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  private void put(String key, String value, String source) {
    values.put(key, value.strip());
    origin.put(key, source);
  }

  private void requireKnown(String key, String source) {
    if (!DEFAULTS.containsKey(key)) {
      throw new InvalidInputException(
          "config key '"
              + key
              + "' ("
              + source
              + "): unknown key; known keys: "
              + DEFAULTS.keySet());
    }
  }

  private void readFile(Path path) {
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(Files.readAllBytes(path));
    } catch (IOException e) {
      throw new InvalidInputException(
          "config file " + path + ": cannot be read (" + e.getMessage() + ")");
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      return;
    }
    if (!root.isObject()) {
      throw new InvalidInputException("config file " + path + ": must be a mapping of keys");
    }
    flatten("", root, path);
  }

  private void flatten(String prefix, JsonNode node, Path path) {
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      String key = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
      if (field.getValue().isObject()) {
        flatten(key, field.getValue(), path);
      } else {
        requireKnown(key, "config file " + path);
        put(key, field.getValue().asText(), "config file " + path);
      }
    }
  }

  private ServerConfig build() {
    int port = integer("port", 0, 65_535);
    String publicUrl = values.get("public-url");
    if (publicUrl.isEmpty()) {
      publicUrl = "http://localhost:" + (port == 0 ? 8080 : port);
    }
    String logFormat = values.get("log.format");
    if (!logFormat.equals("json") && !logFormat.equals("text")) {
      throw invalid("log.format", "must be 'json' or 'text'");
    }
    String dbUrl = values.get("db.url");
    if (!dbUrl.isEmpty() && !dbUrl.startsWith("jdbc:postgresql:")) {
      throw invalid("db.url", "must start with jdbc:postgresql:");
    }
    String adminToken = values.get("admin.token");
    if (!adminToken.isEmpty() && adminToken.length() < 20) {
      throw invalid("admin.token", "must be at least 20 characters");
    }
    return new ServerConfig(
        values.get("host"),
        port,
        Path.of(values.get("data-dir")),
        dbUrl,
        values.get("db.user"),
        values.get("db.password"),
        integer("db.pool-size", 1, 500),
        values.get("admin.password"),
        adminToken,
        bool("demo"),
        uri("public-url", publicUrl),
        longInteger("max-body-size", 1024, 1L << 34),
        duration("session.ttl"),
        bool("cookie.secure"),
        integer("login.max-failures", 1, 1000),
        duration("login.window"),
        duration("audit.checkpoint-interval"),
        logFormat,
        escalation(),
        cvd(),
        feeds(),
        csaf(publicUrl),
        new TriageSettings(
            duration("triage.sla-critical"),
            duration("triage.sla-high"),
            duration("triage.sla-medium"),
            duration("triage.sla-low"),
            duration("triage.due-soon")));
  }

  private CsafSettings csaf(String publicUrl) {
    String prefix = values.get("csaf.tracking-prefix");
    if (!prefix.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,39}")) {
      throw invalid("csaf.tracking-prefix", "letters, digits, '.', '_' or '-', at most 40");
    }
    String namespace = values.get("csaf.publisher-namespace");
    if (namespace.isEmpty()) {
      namespace = publicUrl;
    }
    if (!namespace.startsWith("https://") && !namespace.startsWith("http://")) {
      throw invalid("csaf.publisher-namespace", "must be an http(s) URL");
    }
    return new CsafSettings(
        dev.craft.core.Text.required("csaf.publisher-name", values.get("csaf.publisher-name"), 200),
        namespace,
        prefix);
  }

  private CvdSettings cvd() {
    String contact = values.get("cvd.contact");
    if (!contact.isEmpty() && !contact.startsWith("mailto:") && !contact.startsWith("https://")) {
      throw invalid("cvd.contact", "must be a mailto: or https:// URI (RFC 9116 Contact)");
    }
    String encryption = values.get("cvd.encryption");
    if (!encryption.isEmpty() && !encryption.startsWith("https://")) {
      throw invalid("cvd.encryption", "must be an https:// URL of an OpenPGP key");
    }
    Duration validity = duration("security-txt.validity");
    if (validity.compareTo(Duration.ofDays(365)) > 0) {
      throw invalid(
          "security-txt.validity", "RFC 9116 recommends an Expires less than a year ahead");
    }
    return new CvdSettings(
        contact,
        encryption,
        duration("cvd.acknowledge-within"),
        integer("cvd.max-reports-per-hour", 1, 10_000),
        integer("cvd.max-report-chars", 100, 1_000_000),
        validity,
        cvdKey());
  }

  /** The CVD key setting; a demo instance not told otherwise generates one, to show it in use. */
  private String cvdKey() {
    String key = values.get("cvd.openpgp-key").strip();
    boolean unset = "default".equals(origin.get("cvd.openpgp-key"));
    return key.isEmpty() && unset && bool("demo") ? "generate" : key;
  }

  private FeedSettings feeds() {
    List<URI> osv = new ArrayList<>();
    for (String part : values.get("advisories.osv-urls").split(",")) {
      if (!part.isBlank()) {
        String base = part.strip();
        osv.add(uri("advisories.osv-urls", base.endsWith("/") ? base : base + "/"));
      }
    }
    String kev = values.get("advisories.kev-url");
    String epss = values.get("advisories.epss-url");
    return new FeedSettings(
        osv,
        kev.isEmpty() ? Optional.empty() : Optional.of(uri("advisories.kev-url", kev)),
        epss.isEmpty() ? Optional.empty() : Optional.of(uri("advisories.epss-url", epss)),
        duration("advisories.feed-interval"),
        sourceFeeds());
  }

  private SourceFeedSettings sourceFeeds() {
    return new SourceFeedSettings(
        optionalUri("advisories.nvd-url"),
        values.get("advisories.nvd-api-key"),
        integer("advisories.nvd-page-size", 1, 2000),
        pause("advisories.feed-page-delay"),
        optionalUri("advisories.euvd-url").map(ConfigLoader::slash),
        integer("advisories.euvd-page-size", 1, 100),
        integer("advisories.euvd-days", 1, 3650),
        optionalUri("advisories.github-url"),
        values.get("advisories.github-token"),
        integer("advisories.feed-max-pages", 1, 1_000_000));
  }

  /** A duration that may be zero (tests run the feeds without pauses). */
  private Duration pause(String key) {
    try {
      Duration d = Duration.parse(values.get(key));
      if (d.isNegative() || d.compareTo(Duration.ofMinutes(10)) > 0) {
        throw invalid(key, "must be between PT0S and PT10M");
      }
      return d;
    } catch (DateTimeParseException e) {
      throw invalid(key, "must be an ISO-8601 duration such as PT6S");
    }
  }

  private Optional<URI> optionalUri(String key) {
    String v = values.get(key);
    return v.isEmpty() ? Optional.empty() : Optional.of(uri(key, v));
  }

  private static URI slash(URI u) {
    return u.toString().endsWith("/") ? u : URI.create(u + "/");
  }

  private EscalationSettings escalation() {
    List<Duration> offsets = new ArrayList<>();
    for (String part : values.get("art14.escalation-offsets").split(",")) {
      if (part.isBlank()) {
        continue;
      }
      try {
        Duration d = Duration.parse(part.strip());
        if (d.isNegative()) {
          throw invalid("art14.escalation-offsets", "offsets must not be negative");
        }
        offsets.add(d);
      } catch (DateTimeParseException e) {
        throw invalid("art14.escalation-offsets", "must be ISO-8601 durations separated by commas");
      }
    }
    List<String> mailTo = new ArrayList<>();
    for (String part : values.get("art14.escalation-to").split(",")) {
      String address = part.strip();
      if (address.isEmpty()) {
        continue;
      }
      if (!address.matches("[^@\\s]+@[^@\\s]+")) {
        throw invalid("art14.escalation-to", "must be e-mail addresses separated by commas");
      }
      mailTo.add(address);
    }
    String webhookUrl = values.get("webhook.url");
    String webhookSecret = values.get("webhook.secret");
    if (!webhookUrl.isEmpty()) {
      uri("webhook.url", webhookUrl);
      if (webhookSecret.length() < 16) {
        throw invalid("webhook.secret", "must be at least 16 characters when webhook.url is set");
      }
    }
    return new EscalationSettings(
        duration("art14.due-soon"),
        offsets,
        duration("art14.escalation-interval"),
        values.get("smtp.host"),
        integer("smtp.port", 1, 65_535),
        values.get("smtp.from"),
        values.get("smtp.username"),
        values.get("smtp.password"),
        bool("smtp.starttls"),
        mailTo,
        webhookUrl,
        webhookSecret);
  }

  private InvalidInputException invalid(String key, String problem) {
    return new InvalidInputException(
        "config key '"
            + key
            + "' ("
            + origin.get(key)
            + "): "
            + problem
            + ", got '"
            + values.get(key)
            + "'");
  }

  private int integer(String key, int min, int max) {
    return (int) longInteger(key, min, max);
  }

  private long longInteger(String key, long min, long max) {
    try {
      long v = Long.parseLong(values.get(key));
      if (v < min || v > max) {
        throw invalid(key, "must be between " + min + " and " + max);
      }
      return v;
    } catch (NumberFormatException e) {
      throw invalid(key, "must be a whole number");
    }
  }

  private boolean bool(String key) {
    return switch (values.get(key).toLowerCase(Locale.ROOT)) {
      case "true", "yes", "1" -> true;
      case "false", "no", "0" -> false;
      default -> throw invalid(key, "must be true or false");
    };
  }

  private Duration duration(String key) {
    try {
      Duration d = Duration.parse(values.get(key));
      if (d.isNegative() || d.isZero()) {
        throw invalid(key, "must be a positive duration");
      }
      return d;
    } catch (DateTimeParseException e) {
      throw invalid(key, "must be an ISO-8601 duration such as PT8H");
    }
  }

  private URI uri(String key, String value) {
    try {
      URI uri = new URI(value);
      if (uri.getScheme() == null || uri.getHost() == null) {
        throw invalid(key, "must be an absolute http(s) URL");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw invalid(key, "must be an absolute http(s) URL");
    }
  }

  private static Map<String, String> defaults() {
    var d = new LinkedHashMap<String, String>();
    d.put("host", "127.0.0.1");
    d.put("port", "8080");
    d.put("data-dir", "craft-data");
    d.put("db.url", "");
    d.put("db.user", "craft");
    d.put("db.password", "");
    d.put("db.pool-size", "10");
    d.put("admin.password", "");
    d.put("admin.token", "");
    d.put("demo", "false");
    d.put("public-url", "");
    d.put("max-body-size", Long.toString(64L * 1024 * 1024));
    d.put("session.ttl", "PT8H");
    d.put("cookie.secure", "true");
    d.put("login.max-failures", "5");
    d.put("login.window", "PT15M");
    d.put("audit.checkpoint-interval", "PT5M");
    d.put("log.format", "json");
    d.put("art14.due-soon", "PT12H");
    d.put("csaf.publisher-name", "CRAFT demo manufacturer");
    d.put("csaf.publisher-namespace", "");
    d.put("csaf.tracking-prefix", "CRAFT");
    d.put("triage.sla-critical", "P7D");
    d.put("triage.sla-high", "P30D");
    d.put("triage.sla-medium", "P90D");
    d.put("triage.sla-low", "P180D");
    d.put("triage.due-soon", "P3D");
    d.put("cvd.contact", "");
    d.put("cvd.encryption", "");
    d.put("cvd.openpgp-key", "");
    d.put("cvd.acknowledge-within", "P2D");
    d.put("cvd.max-reports-per-hour", "5");
    d.put("cvd.max-report-chars", "50000");
    d.put("security-txt.validity", "P180D");
    d.put("art14.escalation-offsets", "PT12H,PT2H");
    d.put("art14.escalation-interval", "PT1M");
    d.put("art14.escalation-to", "");
    d.put("smtp.host", "");
    d.put("smtp.port", "25");
    d.put("smtp.from", "craft@localhost");
    d.put("smtp.username", "");
    d.put("smtp.password", "");
    d.put("smtp.starttls", "false");
    d.put("webhook.url", "");
    d.put("webhook.secret", "");
    d.put("advisories.osv-urls", "");
    d.put("advisories.kev-url", "");
    d.put("advisories.epss-url", "");
    d.put("advisories.feed-interval", "PT6H");
    d.put("advisories.nvd-url", "");
    d.put("advisories.nvd-api-key", "");
    d.put("advisories.nvd-page-size", "2000");
    d.put("advisories.feed-page-delay", "PT6S");
    d.put("advisories.euvd-url", "");
    d.put("advisories.euvd-page-size", "100");
    d.put("advisories.euvd-days", "30");
    d.put("advisories.github-url", "");
    d.put("advisories.github-token", "");
    d.put("advisories.feed-max-pages", "1000");
    return Collections.unmodifiableMap(d);
  }
}
