package dev.craft.server;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Art. 14 deadline states and escalations, from the {@code art14.*}, {@code smtp.*} and {@code
 * webhook.*} configuration keys (documented in docs/configuration.md).
 *
 * @param dueSoon a pending deadline within this window is "due soon"
 * @param offsets escalate this long before each deadline (PT0S = at the deadline)
 * @param checkInterval how often the scheduler looks for escalations to send
 * @param mailTo recipients of e-mail escalations; none = no e-mail
 * @param webhookUrl empty = no webhook
 * @param webhookSecret the HMAC-SHA256 key of the signature header
 */
public record EscalationSettings(
    Duration dueSoon,
    List<Duration> offsets,
    Duration checkInterval,
    String smtpHost,
    int smtpPort,
    String smtpFrom,
    String smtpUsername,
    String smtpPassword,
    boolean smtpStarttls,
    List<String> mailTo,
    String webhookUrl,
    String webhookSecret) {
  public EscalationSettings {
    offsets = List.copyOf(offsets);
    mailTo = List.copyOf(mailTo);
  }

  boolean mailEnabled() {
    return !smtpHost.isEmpty() && !mailTo.isEmpty();
  }

  Optional<URI> webhook() {
    return webhookUrl.isEmpty() ? Optional.empty() : Optional.of(URI.create(webhookUrl));
  }
}
