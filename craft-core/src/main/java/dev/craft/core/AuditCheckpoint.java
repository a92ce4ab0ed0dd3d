package dev.craft.core;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A signed statement "the audit chain up to {@code seq} ends in {@code hash}", made with the
 * server's Ed25519 key. It anchors the chain: without it, someone who can write the database could
 * recompute every hash after an edit.
 */
public record AuditCheckpoint(long seq, String hash, Instant at, String signature) {

  /** The exact bytes that are signed. */
  public static byte[] signedBytes(long seq, String hash, Instant at) {
    return ("craft-audit-checkpoint/v1\n" + seq + "\n" + hash + "\n" + at)
        .getBytes(StandardCharsets.UTF_8);
  }

  public byte[] signedBytes() {
    return signedBytes(seq, hash, at);
  }
}
