package dev.craft.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.craft.core.InvalidInputException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EscalationConfigTest {
  static EscalationSettings load(Map<String, String> env) {
    return ConfigLoader.load(Optional.empty(), env, Map.of()).escalation();
  }

  @Test
  void theDefaultsEscalateTwelveAndTwoHoursBeforeAndSendNothingUntilConfigured() {
    var s = load(Map.of());
    assertThat(s.offsets()).containsExactly(Duration.ofHours(12), Duration.ofHours(2));
    assertThat(s.dueSoon()).isEqualTo(Duration.ofHours(12));
    assertThat(s.mailEnabled()).isFalse();
    assertThat(s.webhook()).isEmpty();
  }

  @Test
  void keysComeFromTheEnvironment() {
    var s =
        load(
            Map.of(
                "CRAFT_ART14_ESCALATION_OFFSETS", "PT24H, PT1H,PT0S",
                "CRAFT_SMTP_HOST", "mail.example",
                "CRAFT_ART14_ESCALATION_TO", "a@example.com, b@example.com",
                "CRAFT_WEBHOOK_URL", "https://hooks.example/craft",
                "CRAFT_WEBHOOK_SECRET", "0123456789abcdef"));
    assertThat(s.offsets())
        .containsExactly(Duration.ofHours(24), Duration.ofHours(1), Duration.ZERO);
    assertThat(s.mailTo()).containsExactly("a@example.com", "b@example.com");
    assertThat(s.mailEnabled()).isTrue();
    assertThat(s.webhook())
        .hasValueSatisfying(u -> assertThat(u.getHost()).isEqualTo("hooks.example"));
  }

  @Test
  void badValuesNameTheKey() {
    assertThatThrownBy(() -> load(Map.of("CRAFT_ART14_ESCALATION_OFFSETS", "12h")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("art14.escalation-offsets");
    assertThatThrownBy(() -> load(Map.of("CRAFT_WEBHOOK_URL", "https://hooks.example/x")))
        .hasMessageContaining("webhook.secret");
    assertThatThrownBy(() -> load(Map.of("CRAFT_ART14_ESCALATION_TO", "not-an-address")))
        .hasMessageContaining("art14.escalation-to");
  }
}
