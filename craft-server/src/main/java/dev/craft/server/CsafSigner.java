package dev.craft.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Date;
import java.util.HexFormat;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.crypto.generators.Ed25519KeyPairGenerator;
import org.bouncycastle.crypto.params.Ed25519KeyGenerationParameters;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPKeyRingGenerator;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.bouncycastle.openpgp.operator.bc.BcPGPKeyPair;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OpenPGP key that signs published CSAF documents (CSAF 2.0 section 7.1.15: a detached, armored
 * signature next to each file). An Ed25519 key is generated on first start into {@code
 * <data-dir>/keys/csaf-openpgp.asc}; replace that file to sign with the organisation's own key.
 */
final class CsafSigner {
  private static final Logger LOG = LoggerFactory.getLogger(CsafSigner.class);

  private final PGPPrivateKey privateKey;
  private final PGPPublicKey publicKey;
  private final String armoredPublicKey;

  private CsafSigner(PGPSecretKeyRing ring) {
    try {
      this.publicKey = ring.getPublicKey();
      this.privateKey = ring.getSecretKey().extractPrivateKey(null);
      var out = new ByteArrayOutputStream();
      try (var armor = ArmoredOutputStream.builder().build(out)) {
        ring.toCertificate().encode(armor);
      }
      this.armoredPublicKey = out.toString(StandardCharsets.US_ASCII);
    } catch (PGPException e) {
      throw new IllegalStateException("the CSAF signing key cannot be used: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static CsafSigner loadOrCreate(Path dataDir, String userId) {
    Path file = dataDir.resolve("keys").resolve("csaf-openpgp.asc");
    try {
      if (!Files.exists(file)) {
        Files.createDirectories(file.getParent());
        Files.write(file, generate(userId));
        try {
          Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
          LOG.warn("cannot restrict the permissions of {}", file);
        }
        LOG.info("generated the CSAF OpenPGP signing key {}", file);
      }
      try (InputStream in = PGPUtil.getDecoderStream(Files.newInputStream(file))) {
        return new CsafSigner(new PGPSecretKeyRing(in, new BcKeyFingerprintCalculator()));
      }
    } catch (PGPException e) {
      throw new IllegalStateException("not an OpenPGP secret key: " + file, e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or write the CSAF signing key " + file, e);
    }
  }

  private static byte[] generate(String userId) throws IOException {
    try {
      var gen = new Ed25519KeyPairGenerator();
      gen.init(new Ed25519KeyGenerationParameters(new SecureRandom()));
      var pair =
          new BcPGPKeyPair(
              org.bouncycastle.bcpg.PublicKeyPacket.VERSION_4,
              PublicKeyAlgorithmTags.EDDSA_LEGACY,
              gen.generateKeyPair(),
              new Date());
      var ring =
          new PGPKeyRingGenerator(
                  PGPSignature.POSITIVE_CERTIFICATION,
                  pair,
                  userId,
                  new BcPGPDigestCalculatorProvider().get(HashAlgorithmTags.SHA1),
                  null,
                  null,
                  new BcPGPContentSignerBuilder(
                      PublicKeyAlgorithmTags.EDDSA_LEGACY, HashAlgorithmTags.SHA512),
                  null)
              .generateSecretKeyRing();
      var out = new ByteArrayOutputStream();
      try (var armor = ArmoredOutputStream.builder().build(out)) {
        ring.encode(armor);
      }
      return out.toByteArray();
    } catch (PGPException e) {
      throw new IllegalStateException("cannot generate the CSAF signing key", e);
    }
  }

  /** A detached, ASCII-armored OpenPGP signature of {@code content}. */
  String sign(byte[] content) {
    return OpenPgpKey.detachedSignature(publicKey, privateKey, content);
  }

  /** Upper-case hex fingerprint, as CSAF provider metadata lists it. */
  String fingerprint() {
    return HexFormat.of().withUpperCase().formatHex(publicKey.getFingerprint());
  }

  String armoredPublicKey() {
    return armoredPublicKey;
  }
}
