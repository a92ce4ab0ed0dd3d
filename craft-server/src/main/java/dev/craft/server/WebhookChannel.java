package dev.craft.server;

import dev.craft.store.CraftJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed webhook escalations: a JSON POST with {@code X-Craft-Timestamp} (epoch seconds) and {@code
 * X-Craft-Signature: sha256=<hex>}, the HMAC-SHA256 of {@code timestamp + "." + body} under the
 * shared secret. Signing the timestamp lets a receiver refuse replays of old requests.
 */
final class WebhookChannel implements EscalationChannel {
  static final String SIGNATURE = "X-Craft-Signature";
  static final String TIMESTAMP = "X-Craft-Timestamp";

  private final URI url;
  private final byte[] secret;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  WebhookChannel(URI url, String secret) {
    this.url = url;
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public String name() {
    return "webhook";
  }

  @Override
  public void send(Escalation e) {
    String body = CraftJson.write(e.json());
    String timestamp = Long.toString(e.now().getEpochSecond());
    var request =
        HttpRequest.newBuilder(url)
            .timeout(Duration.ofSeconds(15))
            .header("Content-Type", "application/json")
            .header("User-Agent", "CRAFT-webhook")
            .header(TIMESTAMP, timestamp)
            .header(SIGNATURE, "sha256=" + sign(secret, timestamp, body))
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build();
    try {
      HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
      if (response.statusCode() / 100 != 2) {
        throw new DeliveryException("webhook " + url + " answered " + response.statusCode());
      }
    } catch (IOException x) {
      throw new DeliveryException("webhook " + url + " failed: " + x.getMessage(), x);
    } catch (InterruptedException x) {
      Thread.currentThread().interrupt();
      throw new DeliveryException("webhook " + url + " interrupted", x);
    }
  }

  /** The hex HMAC-SHA256 of {@code timestamp + "." + body}. */
  static String sign(byte[] secret, String timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return HexFormat.of()
          .formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException x) {
      throw new IllegalStateException("HmacSHA256 is unavailable", x);
    }
  }
}
