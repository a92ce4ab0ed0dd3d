package dev.craft.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.craft.core.Actor;
import dev.craft.core.DocumentationFacts;
import dev.craft.core.NotFoundException;
import dev.craft.core.ProductDraft;
import dev.craft.core.ReleaseDraft;
import dev.craft.core.RequirementAssessment;
import dev.craft.core.RiskAssessmentDraft;
import dev.craft.core.Role;
import dev.craft.core.ScopeExemption;
import dev.craft.core.ScopeFacts;
import dev.craft.core.SubstantialModification;
import java.time.LocalDate;
import java.util.List;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ComplianceStoreTest {
  static Database db;
  static ProductStore products;
  static ReleaseStore releases;
  static ComplianceStore compliance;
  static RiskAssessmentStore risks;
  static DocumentationStore documentation;

  @BeforeAll
  static void open() {
    db = Database.open(TestDatabase.fresh());
    products = new ProductStore(db.jdbi());
    releases = new ReleaseStore(db.jdbi());
    compliance = new ComplianceStore(db.jdbi());
    risks = new RiskAssessmentStore(db.jdbi());
    documentation = new DocumentationStore(db.jdbi());
  }

  @AfterAll
  static void close() {
    db.close();
  }

  static RiskAssessmentDraft draft(String threats) {
    return new RiskAssessmentDraft(
        "purpose",
        "",
        "",
        "",
        "",
        threats,
        List.of(new RequirementAssessment("I-2-a", true, "scanned", "", List.of("release:1"))),
        SubstantialModification.NOT_ASSESSED,
        "");
  }

  @Test
  void aScopeDecisionIsReplacedWholeAndEveryVersionIsInTheAuditLog() {
    var p = products.create(Actor.SYSTEM, ProductDraft.of("Scoped", "", "", "", "", "", ""));
    var facts =
        new ScopeFacts(
            true, ScopeExemption.NONE, false, true, LocalDate.of(2026, 1, 5), false, "r1");
    compliance.saveScope(Actor.SYSTEM, p.id(), facts, true);
    compliance.saveScope(
        Actor.SYSTEM,
        p.id(),
        new ScopeFacts(true, ScopeExemption.SPARE_PART, false, true, null, false, "r2"),
        false);
    var read = compliance.findScope(Actor.SYSTEM, p.id()).orElseThrow();
    assertThat(read.value().exemption()).isEqualTo(ScopeExemption.SPARE_PART);
    assertThat(read.value().placedOnMarket()).isNull();
    var states =
        new AuditLog(db.jdbi())
            .recent(10).stream()
                .filter(e -> e.action().equals("compliance.scope.set"))
                .map(e -> e.state())
                .toList();
    assertThat(states).anyMatch(s -> s.contains("\"r1\"")).anyMatch(s -> s.contains("\"r2\""));
  }

  @Test
  void riskAssessmentRevisionsAreNumberedPerReleaseAndTheDatabaseRefusesToRewriteOne() {
    var p = products.create(Actor.SYSTEM, ProductDraft.of("Assessed", "", "", "", "", "", ""));
    var r = releases.create(Actor.SYSTEM, p.id(), ReleaseDraft.of("1.0", null, null, null));
    var first = risks.create(Actor.SYSTEM, p.id(), r.id(), draft("t1"));
    var second = risks.create(Actor.SYSTEM, p.id(), r.id(), draft("t2"));
    assertThat(first.revision()).isEqualTo(1);
    assertThat(second.revision()).isEqualTo(2);
    assertThat(risks.list(Actor.SYSTEM, p.id(), r.id()))
        .extracting(x -> x.content().threats())
        .containsExactly("t1", "t2");
    assertThat(
            risks
                .get(Actor.SYSTEM, p.id(), r.id(), 1)
                .content()
                .requirements()
                .getFirst()
                .evidence())
        .containsExactly("release:1");
    assertThatThrownBy(
            () ->
                db.jdbi()
                    .useHandle(
                        h ->
                            h.execute(
                                "UPDATE risk_assessment SET threats = 'x' WHERE id = ?",
                                first.id())))
        .isInstanceOf(UnableToExecuteStatementException.class)
        .hasMessageContaining("immutable");
  }

  @Test
  void anOutsiderSeesNoneOfAProductsComplianceRecords() {
    var p = products.create(Actor.SYSTEM, ProductDraft.of("Hidden", "", "", "", "", "", ""));
    documentation.save(Actor.SYSTEM, p.id(), DocumentationFacts.empty());
    var outsider = new Actor(9999, "outsider", Role.COMPLIANCE);
    assertThatThrownBy(() -> documentation.get(outsider, p.id()))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> compliance.findSupportPlan(outsider, p.id()))
        .isInstanceOf(NotFoundException.class);
  }
}
