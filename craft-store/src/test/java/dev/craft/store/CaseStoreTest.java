package dev.craft.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.craft.core.Actor;
import dev.craft.core.AffectedProduct;
import dev.craft.core.Art14Kind;
import dev.craft.core.CaseDraft;
import dev.craft.core.CaseStatus;
import dev.craft.core.Dissemination;
import dev.craft.core.EnterpriseSize;
import dev.craft.core.Evidence;
import dev.craft.core.InvalidInputException;
import dev.craft.core.MemberState;
import dev.craft.core.NotFoundException;
import dev.craft.core.PecGround;
import dev.craft.core.ProductDraft;
import dev.craft.core.ReleaseDraft;
import dev.craft.core.Role;
import dev.craft.core.RoutingFacts;
import dev.craft.core.Signal;
import dev.craft.core.SubmissionDraft;
import dev.craft.core.SubmissionStage;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CaseStoreTest {
  static final Instant T0 = Instant.parse("2026-10-01T09:00:00Z");
  static Database db;
  static CaseStore cases;
  static SubmissionStore submissions;
  static EscalationStore escalations;
  static long productId;
  static long releaseId;

  @BeforeAll
  static void open() {
    db = Database.open(TestDatabase.fresh());
    cases = new CaseStore(db.jdbi());
    submissions = new SubmissionStore(db.jdbi());
    escalations = new EscalationStore(db.jdbi());
    var products = new ProductStore(db.jdbi());
    productId =
        products
            .create(
                Actor.SYSTEM,
                ProductDraft.of("Router R1", "", "manufacturer", "hardware", "", "", ""))
            .id();
    releaseId =
        new ReleaseStore(db.jdbi())
            .create(Actor.SYSTEM, productId, ReleaseDraft.of("4.2.1", null, null, null))
            .id();
  }

  @AfterAll
  static void close() {
    db.close();
  }

  static CaseDraft vulnerability(List<AffectedProduct> products) {
    return new CaseDraft(
        Art14Kind.VULNERABILITY,
        CaseStatus.OPEN,
        "Auth bypass exploited in Router R1",
        "Exploited in the wild",
        T0,
        ZoneId.of("Europe/Berlin"),
        "Customer telemetry shows exploitation without the owner's permission",
        List.of(new Evidence("honeypot capture", "https://tickets.example/42")),
        List.of(new Signal("kev", "listed 2026-10-01")),
        List.of(),
        products,
        List.of(MemberState.FR, MemberState.DE),
        "Example GmbH",
        EnterpriseSize.SMALL,
        new RoutingFacts(MemberState.DE, null, null, null, null, null),
        null,
        null,
        Map.of("generalInformation", "An authentication bypass", "cveId", "CVE-2026-12345"),
        new Dissemination(List.of(PecGround.IMMINENT_HIGH_RISK), true),
        "manual",
        "");
  }

  @Test
  void aCaseIsStoredWithItsScopeEvidenceAndContentAndReadBackEqual() {
    var draft =
        vulnerability(
            List.of(
                new AffectedProduct(
                    productId, "", List.of(new AffectedProduct.AffectedRelease(releaseId, "")))));
    var created = cases.create(Actor.SYSTEM, draft);
    var read = cases.get(Actor.SYSTEM, created.id());
    assertThat(read.facts().products()).hasSize(1);
    assertThat(read.facts().products().getFirst().name()).isEqualTo("Router R1");
    assertThat(read.facts().products().getFirst().releases().getFirst().version())
        .isEqualTo("4.2.1");
    assertThat(read.facts().memberStates()).containsExactly(MemberState.DE, MemberState.FR);
    assertThat(read.facts().evidence()).isEqualTo(draft.evidence());
    assertThat(read.facts().content()).isEqualTo(draft.content());
    assertThat(read.facts().routing().decisionsTakenIn()).isEqualTo(MemberState.DE);
    assertThat(read.facts().dissemination().pecGrounds())
        .containsExactly(PecGround.IMMINENT_HIGH_RISK);
    assertThat(read.facts().zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
    assertThat(read.decidedBy()).isEqualTo("system");
  }

  @Test
  void aReleaseOfAnotherProductIsRefused() {
    var draft =
        vulnerability(
            List.of(
                new AffectedProduct(
                    productId, "", List.of(new AffectedProduct.AffectedRelease(999_999, "")))));
    assertThatThrownBy(() -> cases.create(Actor.SYSTEM, draft))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("release 999999");
  }

  @Test
  void aDeveloperOutsideTheProductsTeamsDoesNotSeeTheCase() {
    var c =
        cases.create(
            Actor.SYSTEM, vulnerability(List.of(new AffectedProduct(productId, "", List.of()))));
    var outsider = new Actor(424242, "outsider", Role.PSIRT);
    assertThat(cases.find(outsider, c.id())).isEmpty();
    assertThat(cases.list(outsider, true)).noneMatch(x -> x.id() == c.id());
    assertThatThrownBy(() -> cases.get(outsider, c.id())).isInstanceOf(NotFoundException.class);
  }

  @Test
  void aSubmissionBeforeAwarenessIsRefusedAndOneAfterIsKept() {
    var c = cases.create(Actor.SYSTEM, vulnerability(List.of()));
    var early =
        new SubmissionDraft(
            SubmissionStage.EARLY_WARNING, T0.minusSeconds(60), "", "SRP-1", "", null);
    assertThatThrownBy(
            () -> submissions.record(Actor.SYSTEM, c.id(), early, Map.of(), Instant.now()))
        .isInstanceOf(InvalidInputException.class);
    var ok =
        new SubmissionDraft(
            SubmissionStage.EARLY_WARNING, T0.plusSeconds(3600), "", "SRP-1", "", null);
    var s = submissions.record(Actor.SYSTEM, c.id(), ok, Map.of("title", "x"), Instant.now());
    assertThat(submissions.submissions(List.of(c.id()))).containsExactly(s);
    assertThat(s.sent()).containsEntry("title", "x");
  }

  @Test
  void anEscalationIsSentOnceEvenWhenClaimedTwice() {
    var c = cases.create(Actor.SYSTEM, vulnerability(List.of()));
    var key =
        new EscalationStore.Key(
            c.id(), "earlyWarning", Duration.ofHours(2), "email", T0.plusSeconds(86_400));
    AtomicInteger sends = new AtomicInteger();
    assertThat(escalations.sendOnce(key, sends::incrementAndGet)).isTrue();
    assertThat(escalations.sendOnce(key, sends::incrementAndGet)).isFalse();
    assertThat(sends).hasValue(1);
    assertThat(escalations.sent(c.id())).hasSize(1);
  }

  @Test
  void aFailedSendLeavesNoRecordSoItIsRetried() {
    var c = cases.create(Actor.SYSTEM, vulnerability(List.of()));
    var key =
        new EscalationStore.Key(
            c.id(), "notification", Duration.ZERO, "webhook", T0.plusSeconds(259_200));
    assertThatThrownBy(
            () ->
                escalations.sendOnce(
                    key,
                    () -> {
                      throw new IllegalStateException("SMTP down");
                    }))
        .isInstanceOf(IllegalStateException.class);
    assertThat(escalations.sent(c.id())).isEmpty();
    assertThat(escalations.sendOnce(key, () -> {})).isTrue();
  }
}
