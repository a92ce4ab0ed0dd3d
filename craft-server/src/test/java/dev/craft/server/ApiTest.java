package dev.craft.server;

import static dev.craft.server.Browserless.json;
import static dev.craft.server.TestServer.ADMIN_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ApiTest {
  static TestServer s;
  static String developerToken;
  static String auditorToken;
  static String outsiderToken;
  static String compliance;

  @BeforeAll
  static void start() {
    s = TestServer.start(Map.of("max-body-size", "65536"));
    for (String[] u :
        new String[][] {
          {"dev", "developer"},
          {"aud", "auditor"},
          {"outsider", "compliance"},
          {"comp", "compliance"}
        }) {
      var r =
          s.postJson(
              "/api/v1/users",
              ADMIN_TOKEN,
              "{\"username\":\"%s\",\"role\":\"%s\",\"password\":\"password-%s-123\"}"
                  .formatted(u[0], u[1], u[0]));
      assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }
    var team = json(s.postJson("/api/v1/teams", ADMIN_TOKEN, "{\"name\":\"Core\"}"));
    for (String member : new String[] {"dev", "comp"}) {
      long id =
          json(s.get("/api/v1/users", ADMIN_TOKEN)).get("items").findValues("username").stream()
                  .anyMatch(n -> n.asText().equals(member))
              ? userId(member)
              : -1;
      var r =
          s.postJson(
              "/api/v1/teams/" + team.get("id").asLong() + "/members",
              ADMIN_TOKEN,
              "{\"userId\":" + id + "}");
      assertThat(r.statusCode()).isEqualTo(204);
    }
    developerToken = Browserless.tokenFor(s, "dev", "password-dev-123");
    auditorToken = Browserless.tokenFor(s, "aud", "password-aud-123");
    outsiderToken = Browserless.tokenFor(s, "outsider", "password-outsider-123");
    compliance = Browserless.tokenFor(s, "comp", "password-comp-123");
  }

  static long userId(String username) {
    for (var u : json(s.get("/api/v1/users", ADMIN_TOKEN)).get("items")) {
      if (u.get("username").asText().equals(username)) {
        return u.get("id").asLong();
      }
    }
    throw new AssertionError("no user " + username);
  }

  @AfterAll
  static void stop() {
    s.close();
  }

  @Test
  void healthIsLiveAndReadyWithoutCredentials() {
    assertThat(s.get("/health/live").statusCode()).isEqualTo(200);
    var ready = s.get("/health/ready");
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(json(ready).get("status").asText()).isEqualTo("ready");
  }

  @Test
  void withoutCredentialsTheApiAnswers401AsProblemJson() {
    var r = s.get("/api/v1/products");
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(json(r).get("status").asInt()).isEqualTo(401);
    assertThat(s.get("/api/v1/products", "craft_wrong").statusCode()).isEqualTo(401);
  }

  @Test
  void aCreateAnswers201WithTheNewResourceAndItsId() {
    var r =
        s.postJson(
            "/api/v1/products",
            compliance,
            "{\"name\":\"Smart Plug\",\"type\":\"hardware\",\"securityContact\":\"psirt@x.example\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    long id = json(r).get("id").asLong();
    assertThat(id).isPositive();
    assertThat(r.headers().firstValue("Location")).hasValue("/api/v1/products/" + id);
    var got = json(s.get("/api/v1/products/" + id, compliance));
    assertThat(got.get("name").asText()).isEqualTo("Smart Plug");
    assertThat(got.get("type").asText()).isEqualTo("hardware");

    var release =
        s.postJson(
            "/api/v1/products/" + id + "/releases",
            developerToken,
            "{\"version\":\"1.0.0\",\"releaseDate\":\"2026-10-01\",\"status\":\"released\"}");
    assertThat(release.statusCode()).as(release.body()).isEqualTo(201);
    assertThat(json(release).get("productId").asLong()).isEqualTo(id);
    var list = json(s.get("/api/v1/products/" + id + "/releases", developerToken));
    assertThat(list.get("items")).hasSize(1);
  }

  @Test
  void malformedJsonIs400NamingTheProblem() {
    var r = s.postJson("/api/v1/products", ADMIN_TOKEN, "{\"name\": ");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(json(r).get("detail").asText()).contains("malformed JSON").contains("line 1");
    var wrongType = s.postJson("/api/v1/products", ADMIN_TOKEN, "{\"name\": 42}");
    assertThat(json(wrongType).get("detail").asText()).isEqualTo("name: must be a string");
    var badEnum =
        s.postJson("/api/v1/products", ADMIN_TOKEN, "{\"name\":\"A\",\"type\":\"toaster\"}");
    assertThat(badEnum.statusCode()).isEqualTo(400);
    assertThat(json(badEnum).get("detail").asText()).startsWith("type: unknown value 'toaster'");
  }

  @Test
  void anUnknownIdIs404() {
    assertThat(s.get("/api/v1/products/987654", ADMIN_TOKEN).statusCode()).isEqualTo(404);
    assertThat(s.get("/api/v1/products/not-a-number", ADMIN_TOKEN).statusCode()).isEqualTo(404);
    var r = s.get("/api/v1/no-such-thing", ADMIN_TOKEN);
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
  }

  @Test
  void aDuplicateProductNameIs409() {
    s.postJson("/api/v1/products", ADMIN_TOKEN, "{\"name\":\"Unique One\"}");
    var again = s.postJson("/api/v1/products", ADMIN_TOKEN, "{\"name\":\"unique one\"}");
    assertThat(again.statusCode()).isEqualTo(409);
  }

  @Test
  void rolesAreEnforced() {
    // A developer may not create products, an auditor may not create releases.
    assertThat(s.postJson("/api/v1/products", developerToken, "{\"name\":\"No\"}").statusCode())
        .isEqualTo(403);
    long id =
        json(s.postJson("/api/v1/products", compliance, "{\"name\":\"Roles\"}")).get("id").asLong();
    assertThat(
            s.postJson("/api/v1/products/" + id + "/releases", auditorToken, "{\"version\":\"1\"}")
                .statusCode())
        .isEqualTo(403);
    // The auditor reads everything, including the audit log; the developer may not export it.
    assertThat(s.get("/api/v1/products/" + id, auditorToken).statusCode()).isEqualTo(200);
    assertThat(s.get("/api/v1/audit/export", auditorToken).statusCode()).isEqualTo(200);
    assertThat(s.get("/api/v1/audit/export", developerToken).statusCode()).isEqualTo(403);
    assertThat(s.get("/api/v1/users", developerToken).statusCode()).isEqualTo(403);
  }

  @Test
  void aUserOutsideTheProductsTeamsGets404() {
    long id =
        json(s.postJson("/api/v1/products", compliance, "{\"name\":\"Team Only\"}"))
            .get("id")
            .asLong();
    assertThat(s.get("/api/v1/products/" + id, developerToken).statusCode()).isEqualTo(200);
    assertThat(s.get("/api/v1/products/" + id, outsiderToken).statusCode()).isEqualTo(404);
    assertThat(json(s.get("/api/v1/products", outsiderToken)).get("items").findValues("name"))
        .noneMatch(n -> n.asText().equals("Team Only"));
  }

  @Test
  void anUpdateAndAnArchiveAreApplied() {
    long id =
        json(s.postJson("/api/v1/products", compliance, "{\"name\":\"Old Name\"}"))
            .get("id")
            .asLong();
    var put =
        s.putJson(
            "/api/v1/products/" + id,
            compliance,
            "{\"name\":\"New Name\",\"type\":\"firmware\",\"manufacturerRole\":\"importer\"}");
    assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    assertThat(json(put).get("manufacturerRole").asText()).isEqualTo("importer");
    var archived = s.postJson("/api/v1/products/" + id + "/archive", compliance, "");
    assertThat(json(archived).get("archived").asBoolean()).isTrue();
    assertThat(json(s.get("/api/v1/products", compliance)).get("items").findValues("id"))
        .noneMatch(n -> n.asLong() == id);
    assertThat(
            json(s.get("/api/v1/products?includeArchived=true", compliance))
                .get("items")
                .findValues("id"))
        .anyMatch(n -> n.asLong() == id);
  }

  @Test
  void aSessionCookieAloneCannotChangeStateWithoutTheCsrfToken() {
    var session = Browserless.login(s, "comp", "password-comp-123");
    var noToken =
        s.send(
            HttpRequest.newBuilder(s.uri("/api/v1/products"))
                .header("Cookie", session.cookie())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"CSRF\"}")));
    assertThat(noToken.statusCode()).isEqualTo(403);
    var withToken =
        s.send(
            HttpRequest.newBuilder(s.uri("/api/v1/products"))
                .header("Cookie", session.cookie())
                .header("X-CSRF-Token", session.csrf())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"CSRF\"}")));
    assertThat(withToken.statusCode()).isEqualTo(201);
    var form =
        s.send(
            HttpRequest.newBuilder(s.uri("/products"))
                .header("Cookie", session.cookie())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("name=Forged&_csrf=wrong")));
    assertThat(form.statusCode()).isEqualTo(403);
  }

  @Test
  void theSessionCookieIsHttpOnlySecureAndSameSite() {
    var response = Browserless.submitLogin(s, "comp", "password-comp-123");
    String header =
        response.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("craft_session="))
            .findFirst()
            .orElseThrow();
    assertThat(header).contains("HttpOnly").contains("Secure").contains("SameSite=Lax");
  }

  @Test
  void aRevokedTokenNoLongerWorks() {
    var created =
        json(
            s.postJson(
                "/api/v1/tokens", developerToken, "{\"name\":\"short\",\"expiresInDays\":1}"));
    String secret = created.get("token").asText();
    assertThat(s.get("/api/v1/me", secret).statusCode()).isEqualTo(200);
    var revoke =
        s.send(
            HttpRequest.newBuilder(s.uri("/api/v1/tokens/" + created.get("id").asLong()))
                .header("Authorization", "Bearer " + secret)
                .DELETE());
    assertThat(revoke.statusCode()).isEqualTo(204);
    assertThat(s.get("/api/v1/me", secret).statusCode()).isEqualTo(401);
    var listed = json(s.get("/api/v1/tokens", developerToken)).toString();
    assertThat(listed).doesNotContain(secret).contains("\"revoked\":true");
  }

  @Test
  void aBodyOverTheSizeLimitIsRefusedWith413() {
    String big = "{\"name\":\"" + "x".repeat(70_000) + "\"}";
    var r = s.postJson("/api/v1/products", ADMIN_TOKEN, big);
    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
  }

  @Test
  void responsesCarryTheSecurityHeaders() {
    HttpResponse<String> r = s.get("/login");
    assertThat(r.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("frame-ancestors 'none'")
        .contains("script-src 'self'");
    assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(r.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
  }

  @Test
  void theOpenApiDocumentDescribesEveryApiRoute() {
    var doc = json(s.get("/api/openapi.json"));
    assertThat(doc.get("openapi").asText()).startsWith("3.1");
    for (String route : s.server.routes()) {
      String[] parts = route.split(" ", 2);
      if (!parts[1].startsWith("/api/v1/")) {
        continue;
      }
      var path = doc.get("paths").get(parts[1]);
      assertThat(path).as("OpenAPI path " + parts[1]).isNotNull();
      assertThat(path.get(parts[0].toLowerCase())).as("OpenAPI operation " + route).isNotNull();
    }
    assertThat(s.get("/api/docs").body()).contains("/api/v1/products/{id}/releases");
  }

  @Test
  void metricsArePublishedForPrometheus() {
    s.get("/health/live");
    var r = s.get("/metrics");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("jvm_memory_used_bytes").contains("route=\"/health/live\"");
  }
}
