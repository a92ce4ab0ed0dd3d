package dev.craft.server;

import static dev.craft.server.Browserless.json;
import static dev.craft.server.TestServer.ADMIN_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CvdTest {
  static TestServer s;

  @BeforeAll
  static void start() {
    s =
        TestServer.start(
            Map.of(
                "cvd.max-reports-per-hour", "4",
                "cvd.max-report-chars", "2000",
                "cvd.contact", "mailto:security@nordlicht.example",
                "public-url", "https://craft.nordlicht.example"));
  }

  @AfterAll
  static void stop() {
    s.close();
  }

  static HttpResponse<String> publicPost(String path, String json) {
    return s.send(
        HttpRequest.newBuilder(s.uri(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  @Test
  void aResearcherReportsWithoutAnAccountAndFollowsTheConversation() {
    var r =
        publicPost(
            "/api/public/reports",
            "{\"product\":\"Gateway\",\"affectedVersion\":\"4.1.0\",\"title\":\"RCE in the web UI\","
                + "\"description\":\"POST /cgi-bin/x with a long header\",\"creditAs\":\"Ada\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    String token = json(r).get("trackingToken").asText();
    long id = json(r).get("id").asLong();
    assertThat(Instant.parse(json(r).get("acknowledgeBy").asText()))
        .isAfter(Instant.now().plusSeconds(86_400));

    var tracked = json(s.get("/api/public/reports/" + token));
    assertThat(tracked.get("status").asText()).isEqualTo("received");
    assertThat(tracked.has("description")).isFalse();
    assertThat(s.get("/api/public/reports/wrong-token").statusCode()).isEqualTo(404);

    // The PSIRT sees it first in its inbox, acknowledges it, sets an embargo and replies.
    var inbox = json(s.get("/api/v1/cvd/reports", ADMIN_TOKEN));
    assertThat(inbox.get("items").findValues("title"))
        .anyMatch(t -> t.asText().equals("RCE in the web UI"));
    var ack =
        s.putJson(
            "/api/v1/cvd/reports/" + id,
            ADMIN_TOKEN,
            "{\"acknowledge\":true,\"embargoUntil\":\"2027-01-15\"}");
    assertThat(ack.statusCode()).as(ack.body()).isEqualTo(200);
    assertThat(json(ack).get("status").asText()).isEqualTo("acknowledged");
    assertThat(
            s.postJson(
                    "/api/v1/cvd/reports/" + id + "/messages",
                    ADMIN_TOKEN,
                    "{\"message\":\"Confirmed, fix in 4.1.1\"}")
                .statusCode())
        .isEqualTo(201);
    assertThat(
            publicPost("/api/public/reports/" + token + "/messages", "{\"message\":\"Thanks!\"}")
                .statusCode())
        .isEqualTo(201);

    var after = json(s.get("/api/public/reports/" + token));
    assertThat(after.get("acknowledgedAt").isNull()).isFalse();
    assertThat(after.get("embargoUntil").asText()).isEqualTo("2027-01-15");
    assertThat(after.get("messages").findValues("body"))
        .extracting(n -> n.asText())
        .containsExactly("Confirmed, fix in 4.1.1", "Thanks!");
    assertThat(s.get("/api/v1/audit/entries?limit=50", ADMIN_TOKEN).body())
        .contains("cvd.report.receive")
        .contains("cvd.report.update");
  }

  @Test
  void thePublicFormIsSizeLimitedAndRateLimitedPerAddress() {
    var tooLong =
        publicPost(
            "/api/public/reports",
            "{\"title\":\"Long\",\"description\":\"" + "x".repeat(2001) + "\"}");
    assertThat(tooLong.statusCode()).isEqualTo(400);
    assertThat(json(tooLong).get("detail").asText()).contains("description");
    assertThat(
            publicPost("/api/public/reports", "{\"title\":\"\",\"description\":\"d\"}")
                .statusCode())
        .isEqualTo(400);
    int accepted = 0;
    int limited = 0;
    for (int i = 0; i < 6; i++) {
      int code =
          publicPost("/api/public/reports", "{\"title\":\"Spam " + i + "\",\"description\":\"d\"}")
              .statusCode();
      if (code == 201) {
        accepted++;
      } else if (code == 429) {
        limited++;
      }
    }
    // Four per hour from one address, counting the report of the other test if it ran first.
    assertThat(accepted).isLessThanOrEqualTo(4);
    assertThat(limited).isGreaterThanOrEqualTo(2);
  }

  @Test
  void securityTxtFollowsRfc9116() {
    var r = s.get("/.well-known/security.txt");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
    String body = r.body();
    assertThat(body)
        .contains("Contact: mailto:security@nordlicht.example\n")
        .contains("Contact: https://craft.nordlicht.example/report\n")
        .contains("Policy: https://craft.nordlicht.example/security-policy\n")
        .contains("Canonical: https://craft.nordlicht.example/.well-known/security.txt\n")
        .contains("Preferred-Languages: en\n");
    String expires =
        body.lines().filter(l -> l.startsWith("Expires: ")).findFirst().orElseThrow().substring(9);
    Instant at = Instant.parse(expires);
    assertThat(at).isAfter(Instant.now()).isBefore(Instant.now().plusSeconds(366L * 86_400));
    assertThat(s.get("/security-policy").body())
        .contains("Vulnerability disclosure policy")
        .contains("/report");
  }

  @Test
  void onlyThePsirtAdminsAndAuditorsReadReports() {
    s.postJson(
        "/api/v1/users",
        ADMIN_TOKEN,
        "{\"username\":\"cvd-dev\",\"role\":\"developer\",\"password\":\"developer-password-1\"}");
    String dev = Browserless.tokenFor(s, "cvd-dev", "developer-password-1");
    assertThat(s.get("/api/v1/cvd/reports", dev).statusCode()).isEqualTo(403);
    assertThat(s.get("/api/v1/cvd/reports").statusCode()).isEqualTo(401);
  }
}
