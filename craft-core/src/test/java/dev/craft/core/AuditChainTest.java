package dev.craft.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuditChainTest {
  KeyPair key;
  List<AuditEntry> entries;

  @BeforeEach
  void chain() throws Exception {
    key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    entries = new ArrayList<>();
    String prev = AuditChain.GENESIS;
    for (int i = 1; i <= 5; i++) {
      Instant at = Instant.parse("2026-11-29T10:00:00Z").plusSeconds(i);
      String state = "{\"n\":" + i + "}";
      String hash = AuditChain.hash(i, at, "alice", "product.update", "product", "7", state, prev);
      entries.add(
          new AuditEntry(i, at, "alice", "product.update", "product", "7", state, prev, hash));
      prev = hash;
    }
  }

  AuditCheckpoint sign(AuditEntry head) throws Exception {
    Instant at = head.at().plusSeconds(60);
    Signature s = Signature.getInstance("Ed25519");
    s.initSign(key.getPrivate());
    s.update(AuditCheckpoint.signedBytes(head.seq(), head.hash(), at));
    return new AuditCheckpoint(
        head.seq(), head.hash(), at, Base64.getEncoder().encodeToString(s.sign()));
  }

  @Test
  void anIntactChainWithASignedHeadVerifies() throws Exception {
    var verdict = AuditChain.verify(entries, List.of(sign(entries.getLast())), key.getPublic());
    assertThat(verdict.intact()).isTrue();
    assertThat(verdict.entries()).isEqualTo(5);
  }

  @Test
  void theHashDependsOnEveryFieldAndFieldBoundaries() {
    Instant at = Instant.EPOCH;
    String base = AuditChain.hash(1, at, "ab", "c", "t", "1", "{}", AuditChain.GENESIS);
    assertThat(AuditChain.hash(1, at, "a", "bc", "t", "1", "{}", AuditChain.GENESIS))
        .isNotEqualTo(base);
    assertThat(AuditChain.hash(2, at, "ab", "c", "t", "1", "{}", AuditChain.GENESIS))
        .isNotEqualTo(base);
    assertThat(
            AuditChain.hash(1, at.plusNanos(1000), "ab", "c", "t", "1", "{}", AuditChain.GENESIS))
        .isNotEqualTo(base);
  }

  @Test
  void anEntryRewrittenWithRecomputedHashesIsCaughtByTheCheckpoint() throws Exception {
    var checkpoint = sign(entries.getLast());
    // An attacker with database access edits entry 2 and recomputes every hash after it.
    List<AuditEntry> forged = new ArrayList<>(entries.subList(0, 1));
    String prev = forged.getFirst().hash();
    for (AuditEntry e : entries.subList(1, 5)) {
      String state = e.seq() == 2 ? "{\"n\":999}" : e.state();
      String hash =
          AuditChain.hash(
              e.seq(), e.at(), e.actor(), e.action(), e.entityType(), e.entityId(), state, prev);
      forged.add(
          new AuditEntry(
              e.seq(),
              e.at(),
              e.actor(),
              e.action(),
              e.entityType(),
              e.entityId(),
              state,
              prev,
              hash));
      prev = hash;
    }
    var verdict = AuditChain.verify(forged, List.of(checkpoint), key.getPublic());
    assertThat(verdict.intact()).isFalse();
    assertThat(verdict.problem()).contains("entry seq 5").contains("signed checkpoint");
  }

  @Test
  void withoutASignedHeadTheChainIsNotAccepted() throws Exception {
    var verdict = AuditChain.verify(entries, List.of(sign(entries.get(2))), key.getPublic());
    assertThat(verdict.intact()).isFalse();
    assertThat(verdict.problem()).contains("not covered by a signed checkpoint");
  }

  @Test
  void aDeletedFirstEntryIsDetected() throws Exception {
    var verdict =
        AuditChain.verify(entries.subList(1, 5), List.of(sign(entries.getLast())), key.getPublic());
    assertThat(verdict.problem()).contains("entry seq 2").contains("expected seq 1");
  }
}
