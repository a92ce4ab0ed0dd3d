package dev.craft.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdminPageTest {
  @Test
  void anAdminCreatesAUserAndATeamAndGivesTheTeamAProduct() {
    try (var s = TestServer.start(Map.of())) {
      var admin = Browserless.login(s, "admin", TestServer.ADMIN_PASSWORD);
      post(
          s,
          admin,
          "/admin/users",
          "username=carol&displayName=Carol&role=psirt&password=carol-password-1");
      post(s, admin, "/admin/teams", "name=Blue");
      long product =
          Browserless.json(
                  s.postJson("/api/v1/products", TestServer.ADMIN_TOKEN, "{\"name\":\"Blue Box\"}"))
              .get("id")
              .asLong();
      var teams = Browserless.json(s.get("/api/v1/teams", TestServer.ADMIN_TOKEN));
      long team = teams.get("items").get(0).get("id").asLong();
      long carol = 0;
      for (var u : Browserless.json(s.get("/api/v1/users", TestServer.ADMIN_TOKEN)).get("items")) {
        if (u.get("username").asText().equals("carol")) {
          carol = u.get("id").asLong();
        }
      }
      post(s, admin, "/admin/teams/members", "teamId=" + team + "&userId=" + carol);
      post(s, admin, "/admin/teams/products", "teamId=" + team + "&productId=" + product);
      var page =
          s.send(HttpRequest.newBuilder(s.uri("/admin")).header("Cookie", admin.cookie()).GET());
      assertThat(page.body()).contains("carol").contains("Blue").contains("Blue Box");

      String carolToken = Browserless.tokenFor(s, "carol", "carol-password-1");
      assertThat(s.get("/api/v1/products/" + product, carolToken).statusCode()).isEqualTo(200);
      var forbidden =
          s.send(
              HttpRequest.newBuilder(s.uri("/admin"))
                  .header("Cookie", Browserless.login(s, "carol", "carol-password-1").cookie())
                  .GET());
      assertThat(forbidden.statusCode()).isEqualTo(403);
    }
  }

  static void post(TestServer s, Browserless.Session session, String path, String form) {
    var r =
        s.send(
            HttpRequest.newBuilder(s.uri(path))
                .header("Cookie", session.cookie())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        form + "&_csrf=" + Browserless.enc(session.csrf()))));
    assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(303);
  }
}
