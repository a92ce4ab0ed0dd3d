package dev.craft.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LoginTest {
  @Test
  void failedSignInsAreRateLimitedPerUserName() {
    try (var s = TestServer.start(Map.of("login.max-failures", "3"))) {
      for (int i = 0; i < 3; i++) {
        assertThat(Browserless.submitLogin(s, "admin", "wrong-password").statusCode())
            .isEqualTo(401);
      }
      var blocked = Browserless.submitLogin(s, "admin", TestServer.ADMIN_PASSWORD);
      assertThat(blocked.statusCode()).isEqualTo(429);
      assertThat(blocked.body()).contains("too many failed sign-ins");
    }
  }

  @Test
  void aCorrectPasswordOpensASessionAndSignOutEndsIt() {
    try (var s = TestServer.start(Map.of())) {
      var session = Browserless.login(s, "admin", TestServer.ADMIN_PASSWORD);
      var out =
          s.send(
              java.net.http.HttpRequest.newBuilder(s.uri("/logout"))
                  .header("Cookie", session.cookie())
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(
                      java.net.http.HttpRequest.BodyPublishers.ofString(
                          "_csrf=" + Browserless.enc(session.csrf()))));
      assertThat(out.statusCode()).isEqualTo(303);
      var after =
          s.send(
              java.net.http.HttpRequest.newBuilder(s.uri("/products"))
                  .header("Cookie", session.cookie())
                  .GET());
      assertThat(after.statusCode()).isEqualTo(303);
      assertThat(after.headers().firstValue("Location").orElseThrow()).startsWith("/login");
    }
  }
}
