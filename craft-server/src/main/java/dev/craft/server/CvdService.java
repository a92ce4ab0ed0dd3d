package dev.craft.server;

import dev.craft.core.InvalidInputException;
import dev.craft.core.Text;
import dev.craft.store.CvdReportRow;
import dev.craft.store.CvdStore;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Intake of vulnerability reports from people outside the organisation (Art. 13(8), Annex I Part II
 * (5) and (6)): no account, bounded size, a per-address rate limit, a private tracking link, and an
 * acknowledgement clock.
 */
final class CvdService {
  private final CvdStore store;
  private final CvdSettings settings;
  private final URI publicUrl;
  private final Optional<OpenPgpKey> key;

  static final String PUBLIC_KEY_PATH = "/pgp-key.txt";
  private static final String PGP_MESSAGE = "-----BEGIN PGP MESSAGE-----";

  CvdService(CvdStore store, CvdSettings settings, URI publicUrl, Optional<OpenPgpKey> key) {
    this.store = store;
    this.settings = settings;
    this.publicUrl = publicUrl;
    this.key = key;
  }

  /** The CVD key that {@code cvd.openpgp-key} names, if any. */
  static Optional<OpenPgpKey> key(CvdSettings settings, Path dataDir) {
    String value = settings.openpgpKey();
    if (value.isEmpty()) {
      return Optional.empty();
    }
    boolean generate = value.equals("generate");
    Path file = generate ? dataDir.resolve("keys").resolve("cvd-openpgp.asc") : Path.of(value);
    return Optional.of(
        OpenPgpKey.load(file, generate, "CRAFT coordinated vulnerability disclosure"));
  }

  Optional<OpenPgpKey> key() {
    return key;
  }

  /**
   * A received report and the secret that lets its reporter follow it; the secret is shown once.
   */
  record Received(CvdReportRow report, String trackingToken) {
    String trackingPath() {
      return "/report/" + trackingToken;
    }
  }

  Received receive(
      String clientIp,
      @Nullable String product,
      @Nullable String version,
      @Nullable String title,
      @Nullable String description,
      @Nullable String reporterName,
      @Nullable String reporterEmail,
      @Nullable String creditAs) {
    var submission =
        new CvdStore.Submission(
            Text.optional("product", product, 200),
            Text.optional("affectedVersion", version, 100),
            Text.required("title", title, 200),
            Text.required("description", description, settings.maxReportChars()),
            Text.optional("reporterName", reporterName, 200),
            email(reporterEmail),
            Text.optional("creditAs", creditAs, 200),
            isEncrypted(description));
    if (submission.encrypted()) {
      key.orElseThrow(
              () ->
                  new InvalidInputException(
                      "description: an encrypted message, but this installation publishes no"
                          + " OpenPGP key; send the report in clear or ask for a key"))
          .requireEncryptedToUs(submission.description());
    }
    Instant now = Instant.now();
    if (store.recentFromAddress(clientIp, now.minus(1, ChronoUnit.HOURS))
        >= settings.maxReportsPerHour()) {
      throw new TooManyRequestsException(
          "too many reports from your address in the last hour; try again later or write to "
              + contact());
    }
    String token = Secrets.newToken("");
    CvdReportRow row =
        store.receive(
            submission, Secrets.digest(token), clientIp, now.plus(settings.acknowledgeWithin()));
    return new Received(row, token);
  }

  /** A report body is taken as encrypted when it is an ASCII-armored OpenPGP message. */
  static boolean isEncrypted(@Nullable String description) {
    return description != null && description.strip().startsWith(PGP_MESSAGE);
  }

  /**
   * The plain text of an encrypted report, decrypted now and never stored (the database keeps what
   * was received), or why it cannot be shown; empty for a report in clear.
   */
  record Decrypted(String text, String error) {}

  Optional<Decrypted> decrypted(CvdReportRow report) {
    if (!report.encrypted()) {
      return Optional.empty();
    }
    if (key.isEmpty() || !key.get().hasSecretKey()) {
      return Optional.of(
          new Decrypted(
              "", "encrypted; the server does not hold the secret key (cvd.openpgp-key)"));
    }
    try {
      return Optional.of(
          new Decrypted(
              key.get().decrypt(report.description(), settings.maxReportChars() * 4), ""));
    } catch (InvalidInputException e) {
      return Optional.of(new Decrypted("", String.valueOf(e.getMessage())));
    }
  }

  /** The report behind a tracking link, or a 404 that reveals nothing. */
  CvdReportRow byToken(String token) {
    if (token.length() > 100) {
      throw new dev.craft.core.NotFoundException("report", "(tracking link)");
    }
    return store
        .findByTracking(Secrets.digest(token))
        .orElseThrow(() -> new dev.craft.core.NotFoundException("report", "(tracking link)"));
  }

  String message(@Nullable String body) {
    return Text.required("message", body, settings.maxReportChars());
  }

  /** The security.txt Contact: the configured address, or the public report form. */
  String contact() {
    return settings.contact().isEmpty()
        ? publicUrl.resolve("/report").toString()
        : settings.contact();
  }

  /** RFC 9116 security.txt for this installation. */
  String securityTxt(Instant now) {
    var sb = new StringBuilder();
    sb.append("# Security contact of this CRAFT installation (RFC 9116).\n");
    sb.append("Contact: ").append(contact()).append('\n');
    if (!contact().endsWith("/report")) {
      sb.append("Contact: ").append(publicUrl.resolve("/report")).append('\n');
    }
    Instant expires = now.plus(settings.securityTxtValidity()).truncatedTo(ChronoUnit.SECONDS);
    sb.append("Expires: ").append(expires).append('\n');
    encryption().ifPresent(url -> sb.append("Encryption: ").append(url).append('\n'));
    sb.append("Policy: ").append(publicUrl.resolve("/security-policy")).append('\n');
    sb.append("Preferred-Languages: en\n");
    sb.append("CSAF: ")
        .append(publicUrl.resolve("/.well-known/csaf/provider-metadata.json"))
        .append('\n');
    sb.append("Canonical: ").append(publicUrl.resolve("/.well-known/security.txt")).append('\n');
    // RFC 9116 section 2.3: when signed, a cleartext signature over the whole file.
    return key.flatMap(k -> k.clearSign(sb.toString())).orElse(sb.toString());
  }

  /** The security.txt Encryption: the configured URL, else the published CVD key. */
  Optional<String> encryption() {
    if (!settings.encryption().isEmpty()) {
      return Optional.of(settings.encryption());
    }
    return key.map(k -> publicUrl.resolve(PUBLIC_KEY_PATH).toString());
  }

  CvdSettings settings() {
    return settings;
  }

  private static String email(@Nullable String value) {
    String email = Text.optional("reporterEmail", value, 320);
    if (!email.isEmpty() && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
      throw new InvalidInputException("reporterEmail: not an e-mail address");
    }
    return email;
  }
}
