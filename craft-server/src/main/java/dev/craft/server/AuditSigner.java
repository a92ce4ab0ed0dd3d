package dev.craft.server;

import dev.craft.core.AuditCheckpoint;
import dev.craft.core.AuditEntry;
import dev.craft.core.Pem;
import dev.craft.store.AuditLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;

/**
 * Signs audit checkpoints with an Ed25519 key kept in {@code <data-dir>/keys}. The key is created
 * on first start; the public half is what auditors use with {@code craft audit verify}.
 */
public final class AuditSigner {
  private final PrivateKey privateKey;
  private final PublicKey publicKey;
  private final AuditLog log;

  private AuditSigner(PrivateKey privateKey, PublicKey publicKey, AuditLog log) {
    this.privateKey = privateKey;
    this.publicKey = publicKey;
    this.log = log;
  }

  public static AuditSigner loadOrCreate(Path dataDir, AuditLog log) {
    Path dir = dataDir.resolve("keys");
    Path priv = dir.resolve("audit-ed25519.key");
    Path pub = dir.resolve("audit-ed25519.pub");
    try {
      if (Files.exists(priv) && Files.exists(pub)) {
        return new AuditSigner(
            Pem.readEd25519PrivateKey(Files.readString(priv)),
            Pem.readEd25519PublicKey(Files.readString(pub)),
            log);
      }
      Files.createDirectories(dir);
      KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
      Files.writeString(priv, Pem.privateKey(pair.getPrivate()));
      try {
        Files.setPosixFilePermissions(priv, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // Not a POSIX file system: the directory's own permissions must protect the key.
      }
      Files.writeString(pub, Pem.publicKey(pair.getPublic()));
      return new AuditSigner(pair.getPrivate(), pair.getPublic(), log);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the audit key in " + dir, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK cannot create Ed25519 keys", e);
    }
  }

  public String publicKeyPem() {
    return Pem.publicKey(publicKey);
  }

  /**
   * Signs the current head of the chain unless a checkpoint already covers it; returns the head
   * checkpoint.
   */
  public Optional<AuditCheckpoint> checkpointHead() {
    Optional<AuditEntry> head = log.last();
    if (head.isEmpty()) {
      return Optional.empty();
    }
    Optional<AuditCheckpoint> last = log.lastCheckpoint();
    if (last.isPresent() && last.get().seq() == head.get().seq()) {
      return last;
    }
    Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
    var checkpoint =
        new AuditCheckpoint(
            head.get().seq(),
            head.get().hash(),
            at,
            sign(AuditCheckpoint.signedBytes(head.get().seq(), head.get().hash(), at)));
    log.saveCheckpoint(checkpoint);
    return Optional.of(checkpoint);
  }

  private String sign(byte[] bytes) {
    try {
      Signature signer = Signature.getInstance("Ed25519");
      signer.initSign(privateKey);
      signer.update(bytes);
      return Base64.getEncoder().encodeToString(signer.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign an audit checkpoint", e);
    }
  }
}
