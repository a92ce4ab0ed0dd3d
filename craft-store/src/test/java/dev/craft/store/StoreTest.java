package dev.craft.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.craft.core.Actor;
import dev.craft.core.AuditChain;
import dev.craft.core.AuditEntry;
import dev.craft.core.ConflictException;
import dev.craft.core.NotFoundException;
import dev.craft.core.ProductDraft;
import dev.craft.core.ReleaseDraft;
import dev.craft.core.Role;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class StoreTest {
  static Database db;
  static ProductStore products;
  static ReleaseStore releases;
  static UserStore users;
  static TeamStore teams;

  @BeforeAll
  static void open() {
    db = Database.open(TestDatabase.fresh());
    products = new ProductStore(db.jdbi());
    releases = new ReleaseStore(db.jdbi());
    users = new UserStore(db.jdbi());
    teams = new TeamStore(db.jdbi());
  }

  @AfterAll
  static void close() {
    db.close();
  }

  static ProductDraft draft(String name) {
    return ProductDraft.of(name, "d", "manufacturer", "software", "p", "", "");
  }

  @Test
  void aCreatedProductCanBeReadBackAndItsNameIsUniqueIgnoringCase() {
    var p = products.create(Actor.SYSTEM, draft("Gateway One"));
    assertThat(products.get(Actor.SYSTEM, p.id()).name()).isEqualTo("Gateway One");
    assertThatThrownBy(() -> products.create(Actor.SYSTEM, draft("gateway one")))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void aUserOutsideTheProductsTeamsCannotSeeIt() {
    var dev = users.create(Actor.SYSTEM, "dev1", "Dev", "", Role.DEVELOPER, "x").actor();
    var other = users.create(Actor.SYSTEM, "dev2", "Dev", "", Role.DEVELOPER, "x").actor();
    var team = teams.create(Actor.SYSTEM, "Team A");
    teams.addMember(Actor.SYSTEM, team.id(), dev.userId());
    var p = products.create(dev, draft("Team A Product"));
    assertThat(products.find(dev, p.id())).isPresent();
    assertThat(products.find(other, p.id())).isEmpty();
    assertThat(products.list(other, true, 100, 0)).extracting("name").doesNotContain(p.name());
    assertThatThrownBy(
            () -> releases.create(other, p.id(), ReleaseDraft.of("1.0", null, null, null)))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void everyChangeAppendsAnIntactChainedAuditEntry() {
    var p = products.create(Actor.SYSTEM, draft("Audited"));
    releases.create(Actor.SYSTEM, p.id(), ReleaseDraft.of("2.0.0", "2026-01-02", null, "released"));
    List<AuditEntry> entries = new ArrayList<>();
    new AuditLog(db.jdbi()).forEachEntry(entries::add);
    assertThat(entries).extracting(AuditEntry::action).contains("product.create", "release.create");
    String prev = AuditChain.GENESIS;
    for (AuditEntry e : entries) {
      assertThat(e.prevHash()).isEqualTo(prev);
      assertThat(AuditChain.expectedHash(e)).isEqualTo(e.hash());
      prev = e.hash();
    }
  }

  @Test
  void theDatabaseRefusesToRewriteTheAuditLog() {
    products.create(Actor.SYSTEM, draft("Immutable"));
    assertThatThrownBy(
            () -> db.jdbi().useHandle(h -> h.execute("UPDATE audit_entry SET actor = 'mallory'")))
        .isInstanceOf(UnableToExecuteStatementException.class)
        .hasMessageContaining("append-only");
  }

  @Test
  void aFailedChangeLeavesNeitherTheRecordNorAnAuditEntry() {
    var p = products.create(Actor.SYSTEM, draft("Rollback"));
    releases.create(Actor.SYSTEM, p.id(), ReleaseDraft.of("1.0", null, null, null));
    long before = new AuditLog(db.jdbi()).last().orElseThrow().seq();
    assertThatThrownBy(
            () -> releases.create(Actor.SYSTEM, p.id(), ReleaseDraft.of("1.0", null, null, null)))
        .isInstanceOf(ConflictException.class);
    assertThat(new AuditLog(db.jdbi()).last().orElseThrow().seq()).isEqualTo(before);
    assertThat(releases.list(Actor.SYSTEM, p.id())).hasSize(1);
  }
}
