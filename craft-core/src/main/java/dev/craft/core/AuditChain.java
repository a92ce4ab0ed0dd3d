package dev.craft.core;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The hash chain of the audit log: how an entry's hash is computed, and a verifier that needs
 * nothing but an export and the public key.
 */
public final class AuditChain {
  /** The predecessor hash of the first entry. */
  public static final String GENESIS = "0".repeat(64);

  private AuditChain() {}

  /**
   * SHA-256 over the length-prefixed fields, so that no two different entries share an encoding.
   */
  public static String hash(
      long seq,
      Instant at,
      String actor,
      String action,
      String entityType,
      String entityId,
      String state,
      String prevHash) {
    MessageDigest digest = sha256();
    for (String field :
        List.of(
            Long.toString(seq),
            at.toString(),
            actor,
            action,
            entityType,
            entityId,
            state,
            prevHash)) {
      byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
      digest.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
      digest.update(bytes);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** The hash a well-formed entry must carry. */
  public static String expectedHash(AuditEntry e) {
    return hash(
        e.seq(),
        e.at(),
        e.actor(),
        e.action(),
        e.entityType(),
        e.entityId(),
        e.state(),
        e.prevHash());
  }

  /**
   * Verification outcome: intact, or the first entry (or checkpoint) where the chain breaks and
   * why.
   */
  public record Verdict(boolean intact, long entries, long checkpoints, String problem) {
    static Verdict ok(long entries, long checkpoints) {
      return new Verdict(true, entries, checkpoints, "");
    }

    static Verdict broken(long entries, long checkpoints, String problem) {
      return new Verdict(false, entries, checkpoints, problem);
    }
  }

  /**
   * Checks that the entries form one unbroken chain from seq 1, and that every checkpoint is signed
   * by {@code key} and matches the entry at its seq. An export must end with a checkpoint on its
   * last entry, otherwise a truncated tail could not be told from a complete log.
   */
  public static Verdict verify(
      List<AuditEntry> entries, List<AuditCheckpoint> checkpoints, PublicKey key) {
    Map<Long, String> hashes = new HashMap<>();
    String prev = GENESIS;
    long expectedSeq = 1;
    for (AuditEntry e : entries) {
      if (e.seq() != expectedSeq) {
        return Verdict.broken(
            entries.size(),
            checkpoints.size(),
            "entry seq "
                + e.seq()
                + ": expected seq "
                + expectedSeq
                + " (an entry was deleted, inserted or moved)");
      }
      if (!e.prevHash().equals(prev)) {
        return Verdict.broken(
            entries.size(),
            checkpoints.size(),
            "entry seq " + e.seq() + ": does not link to the previous entry's hash");
      }
      if (!expectedHash(e).equals(e.hash())) {
        return Verdict.broken(
            entries.size(),
            checkpoints.size(),
            "entry seq " + e.seq() + ": content does not match its hash (the entry was edited)");
      }
      hashes.put(e.seq(), e.hash());
      prev = e.hash();
      expectedSeq++;
    }
    long lastSeq = expectedSeq - 1;
    boolean headSigned = lastSeq == 0;
    for (AuditCheckpoint c : checkpoints) {
      if (!signatureValid(c, key)) {
        return Verdict.broken(
            entries.size(),
            checkpoints.size(),
            "checkpoint at seq " + c.seq() + ": signature does not verify with the public key");
      }
      String hash = hashes.get(c.seq());
      if (hash == null || !hash.equals(c.hash())) {
        return Verdict.broken(
            entries.size(),
            checkpoints.size(),
            "entry seq "
                + c.seq()
                + ": differs from the signed checkpoint (entries were rewritten or removed)");
      }
      headSigned |= c.seq() == lastSeq;
    }
    if (!headSigned) {
      return Verdict.broken(
          entries.size(),
          checkpoints.size(),
          "entry seq " + lastSeq + ": the last entry is not covered by a signed checkpoint");
    }
    return Verdict.ok(entries.size(), checkpoints.size());
  }

  public static boolean signatureValid(AuditCheckpoint c, PublicKey key) {
    try {
      Signature verifier = Signature.getInstance("Ed25519");
      verifier.initVerify(key);
      verifier.update(c.signedBytes());
      return verifier.verify(Base64.getDecoder().decode(c.signature()));
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      return false;
    }
  }

  public static String sha256Hex(String text) {
    return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }
}
