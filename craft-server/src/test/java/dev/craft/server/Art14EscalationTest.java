package dev.craft.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;
import dev.craft.core.Actor;
import dev.craft.core.Art14Kind;
import dev.craft.core.CaseDraft;
import dev.craft.core.CaseStatus;
import dev.craft.core.Dissemination;
import dev.craft.core.EnterpriseSize;
import dev.craft.core.Evidence;
import dev.craft.core.RoutingFacts;
import dev.craft.store.CaseStore;
import dev.craft.store.Database;
import dev.craft.store.EscalationStore;
import dev.craft.store.SubmissionStore;
import dev.craft.store.TestDatabase;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Deadline escalations against a real in-process SMTP server (GreenMail) and a real HTTP server
 * that checks the webhook signature, on a real database.
 */
class Art14EscalationTest {
  static final String SECRET = "webhook-secret-for-tests-0123";
  static final Instant T0 = Instant.parse("2026-10-01T09:00:00Z");

  static Database db;
  static Art14Cases cases;
  static EscalationStore escalations;
  GreenMail mail;
  HttpServer hooks;
  final List<Map<String, String>> received = new CopyOnWriteArrayList<>();
  final AtomicInteger failuresLeft = new AtomicInteger();

  @BeforeAll
  static void open() {
    db = Database.open(TestDatabase.fresh());
    escalations = new EscalationStore(db.jdbi());
    cases =
        new Art14Cases(
            new CaseStore(db.jdbi()),
            new SubmissionStore(db.jdbi()),
            escalations,
            Duration.ofHours(12),
            Clock.systemUTC());
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @BeforeEach
  void startServers() throws IOException {
    mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    mail.start();
    hooks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    hooks.createContext(
        "/hook",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          int status = failuresLeft.getAndDecrement() > 0 ? 500 : 204;
          if (status == 204) {
            received.add(
                Map.of(
                    "body", body,
                    "signature", exchange.getRequestHeaders().getFirst("X-Craft-Signature"),
                    "timestamp", exchange.getRequestHeaders().getFirst("X-Craft-Timestamp")));
          }
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    hooks.start();
    // Each test works on its own cases: close the others so they escalate no more.
    db.jdbi().useHandle(h -> h.execute("UPDATE art14_case SET status = 'closed'"));
  }

  @AfterEach
  void stopServers() {
    mail.stop();
    hooks.stop(0);
  }

  EscalationSettings settings() {
    return new EscalationSettings(
        Duration.ofHours(12),
        List.of(Duration.ofHours(12), Duration.ofHours(2)),
        Duration.ofMinutes(1),
        "127.0.0.1",
        mail.getSmtp().getPort(),
        "craft@craft.example",
        "",
        "",
        false,
        List.of("psirt@manufacturer.example"),
        "http://127.0.0.1:" + hooks.getAddress().getPort() + "/hook",
        SECRET);
  }

  Art14Escalator escalator() {
    var s = settings();
    return new Art14Escalator(
        cases,
        escalations,
        s.offsets(),
        List.of(new MailChannel(s), new WebhookChannel(s.webhook().orElseThrow(), SECRET)),
        URI.create("https://craft.example"));
  }

  static long openCase(String title) {
    var draft =
        new CaseDraft(
            Art14Kind.VULNERABILITY,
            CaseStatus.OPEN,
            title,
            "",
            T0,
            ZoneOffset.UTC,
            "exploited",
            List.of(new Evidence("telemetry", "")),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            "",
            EnterpriseSize.LARGE,
            RoutingFacts.NONE,
            null,
            null,
            Map.of(),
            Dissemination.NONE,
            "manual",
            "");
    return cases.store().create(Actor.SYSTEM, draft).id();
  }

  @Test
  void eachOffsetIsMailedOnceAndTheOverdueStateOnceMore() throws Exception {
    long id = openCase("Exploited auth bypass");
    var escalator = escalator();
    assertThat(escalator.runOnce(T0.plus(Duration.ofHours(11)))).isEmpty();
    assertThat(mail.getReceivedMessages()).isEmpty();

    assertThat(escalator.runOnce(T0.plus(Duration.ofHours(12)))).hasSize(2); // e-mail + webhook
    assertThat(escalator.runOnce(T0.plus(Duration.ofHours(13)))).isEmpty();
    MimeMessage first = mail.getReceivedMessages()[0];
    assertThat(first.getSubject())
        .isEqualTo(
            "[CRAFT] Art. 14 early warning due in 12 h 0 min: case "
                + id
                + " Exploited auth bypass");
    assertThat(first.getAllRecipients()[0].toString()).isEqualTo("psirt@manufacturer.example");
    assertThat((String) first.getContent())
        .contains("Art. 14(2)(a)")
        .contains("2026-10-02 09:00 UTC")
        .contains("https://craft.example/cases/" + id);

    escalator.runOnce(T0.plus(Duration.ofHours(22)));
    escalator.runOnce(T0.plus(Duration.ofHours(25)));
    escalator.runOnce(T0.plus(Duration.ofHours(26)));
    assertThat(mail.getReceivedMessages())
        .extracting(MimeMessage::getSubject)
        .hasSize(3)
        .satisfies(s -> assertThat(s.get(1)).contains("early warning due in 2 h 0 min"))
        .satisfies(s -> assertThat(s.get(2)).contains("early warning OVERDUE"));
    assertThat(escalations.sent(id)).hasSize(6);
  }

  @Test
  void theWebhookIsSignedWithHmacSha256OverTimestampAndBody() throws Exception {
    long id = openCase("Signed webhook");
    escalator().runOnce(T0.plus(Duration.ofHours(23)));
    assertThat(received).hasSize(1);
    var hook = received.getFirst();
    var mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String expected =
        HexFormat.of()
            .formatHex(
                mac.doFinal(
                    (hook.get("timestamp") + "." + hook.get("body"))
                        .getBytes(StandardCharsets.UTF_8)));
    assertThat(hook.get("signature")).isEqualTo("sha256=" + expected);
    var body = new ObjectMapper().readTree(hook.get("body"));
    assertThat(body.get("event").asText()).isEqualTo("art14.deadline.approaching");
    assertThat(body.get("caseId").asLong()).isEqualTo(id);
    assertThat(body.get("deadline").asText()).isEqualTo("earlyWarning");
    assertThat(body.get("offset").asText()).isEqualTo("PT2H");
    assertThat(body.get("due").asText()).isEqualTo("2026-10-02T09:00:00Z");
    assertThat(Long.parseLong(hook.get("timestamp")))
        .isEqualTo(T0.plus(Duration.ofHours(23)).getEpochSecond());
  }

  @Test
  void aFailedDeliveryIsRetriedOnTheNextRun() {
    long id = openCase("Webhook down");
    failuresLeft.set(1);
    var escalator = escalator();
    escalator.runOnce(T0.plus(Duration.ofHours(23)));
    assertThat(received).isEmpty();
    assertThat(escalations.sent(id))
        .extracting(EscalationStore.Sent::channel)
        .containsExactly("email");
    escalator.runOnce(T0.plus(Duration.ofHours(23).plusMinutes(1)));
    assertThat(received).hasSize(1);
    assertThat(mail.getReceivedMessages()).hasSize(1);
  }

  @Test
  void twoServerInstancesRunningAtOnceSendEachEscalationOnce() throws Exception {
    long id = openCase("Two instances");
    Instant at = T0.plus(Duration.ofHours(60)); // the notification's 12 h offset, EW overdue
    var pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<Escalation>>> runs =
          List.of(
              pool.submit(() -> escalator().runOnce(at)),
              pool.submit(() -> escalator().runOnce(at)),
              pool.submit(() -> escalator().runOnce(at)),
              pool.submit(() -> escalator().runOnce(at)));
      int total = 0;
      for (var run : runs) {
        total += run.get().size();
      }
      assertThat(total).isEqualTo(4); // 2 deadlines × 2 channels, whoever sent them
    } finally {
      pool.shutdownNow();
    }
    assertThat(mail.getReceivedMessages()).hasSize(2);
    assertThat(received).hasSize(2);
    assertThat(escalations.sent(id)).hasSize(4);
  }

  @Test
  void theServerSchedulesEscalationsFromItsConfiguration() throws Exception {
    try (var s =
        TestServer.start(
            Map.of(
                "smtp.host", "127.0.0.1",
                "smtp.port", Integer.toString(mail.getSmtp().getPort()),
                "art14.escalation-to", "psirt@manufacturer.example",
                "art14.escalation-interval", "PT1S"))) {
      String awareAt = Instant.now().minus(Duration.ofHours(23)).toString();
      var r =
          s.postJson(
              "/api/v1/cases",
              TestServer.ADMIN_TOKEN,
              """
              {"kind":"incident","title":"Scheduled","awareAt":"%s","determination":"malicious code",
               "severityCriteria":["malicious_code"]}
              """
                  .formatted(awareAt));
      assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
      assertThat(mail.waitForIncomingEmail(30_000, 1)).isTrue();
      assertThat(mail.getReceivedMessages()[0].getSubject())
          .contains("early warning")
          .contains("Scheduled");
    }
  }
}
