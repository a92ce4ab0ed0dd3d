package dev.craft.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Test helpers that act like a browser without one: the sign-in form, cookies and CSRF tokens. */
final class Browserless {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private Browserless() {}

  record Session(String cookie, String csrf) {}

  static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (JsonProcessingException e) {
      throw new AssertionError("not JSON: " + response.body(), e);
    }
  }

  static String cookie(HttpResponse<?> response, String name) {
    return response.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith(name + "="))
        .map(c -> c.substring(0, c.indexOf(';')))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no cookie " + name + " in " + response.headers()));
  }

  static String csrfIn(String html) {
    Matcher m = CSRF.matcher(html);
    assertThat(m.find()).as("page has a CSRF field").isTrue();
    return m.group(1);
  }

  static HttpResponse<String> submitLogin(TestServer s, String username, String password) {
    var page = s.get("/login");
    String loginCookie = cookie(page, "craft_login_csrf");
    String form =
        "_csrf="
            + enc(csrfIn(page.body()))
            + "&next=%2Fproducts&username="
            + enc(username)
            + "&password="
            + enc(password);
    return s.send(
        HttpRequest.newBuilder(s.uri("/login"))
            .header("Cookie", loginCookie)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  static Session login(TestServer s, String username, String password) {
    var response = submitLogin(s, username, password);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(303);
    String session = cookie(response, Auth.SESSION_COOKIE);
    var page = s.send(HttpRequest.newBuilder(s.uri("/products")).header("Cookie", session).GET());
    assertThat(page.statusCode()).isEqualTo(200);
    return new Session(session, csrfIn(page.body()));
  }

  /** Creates an API token for a user by signing in as them, the way a person would. */
  static String tokenFor(TestServer s, String username, String password) {
    Session session = login(s, username, password);
    var response =
        s.send(
            HttpRequest.newBuilder(s.uri("/api/v1/tokens"))
                .header("Cookie", session.cookie())
                .header("X-CSRF-Token", session.csrf())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"test\"}")));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return json(response).get("token").asText();
  }

  static String enc(String v) {
    return URLEncoder.encode(v, StandardCharsets.UTF_8);
  }
}
