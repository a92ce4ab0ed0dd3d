package dev.craft.server;

import dev.craft.core.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.bcpg.ArmoredInputStream;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.KeyIdentifier;
import org.bouncycastle.bcpg.PublicKeyPacket;
import org.bouncycastle.openpgp.PGPEncryptedDataList;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPMarker;
import org.bouncycastle.openpgp.PGPPadding;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyEncryptedData;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.api.OpenPGPCertificate;
import org.bouncycastle.openpgp.api.OpenPGPKey;
import org.bouncycastle.openpgp.api.OpenPGPKeyReader;
import org.bouncycastle.openpgp.api.bc.BcOpenPGPApi;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An OpenPGP key of the installation: its published certificate, and when the secret part is held,
 * signing (detached, and the cleartext signature RFC 9116 section 2.3 asks of security.txt) and
 * decryption of messages researchers encrypted to it. The one place CRAFT handles OpenPGP keys;
 * {@link CsafSigner} signs through {@link #detachedSignature}.
 */
final class OpenPgpKey {
  private static final Logger LOG = LoggerFactory.getLogger(OpenPgpKey.class);

  private final OpenPGPCertificate certificate;
  private final @Nullable OpenPGPKey secret;

  private OpenPgpKey(OpenPGPCertificate certificate) {
    this.certificate = certificate;
    this.secret = certificate instanceof OpenPGPKey k && k.isSecretKey() ? k : null;
  }

  static OpenPgpKey parse(String armored) {
    try {
      return new OpenPgpKey(new OpenPGPKeyReader().parseKeyOrCertificate(armored));
    } catch (IOException | RuntimeException e) {
      throw new InvalidInputException("not an OpenPGP key or certificate: " + e.getMessage());
    }
  }

  /**
   * Reads the key file; {@code generate} creates it first: a version 4 key with an EdDSA (Ed25519)
   * primary key for signing and an ECDH (Curve25519) subkey for encryption, no passphrase. These
   * are the "legacy" algorithm ids (22, 18) that every OpenPGP implementation in use reads, GnuPG
   * 2.2 included; the RFC 9580 ids for the same curves (27, 25) are not yet read by GnuPG, and
   * researchers must be able to import the key and encrypt to it with the tool they have.
   */
  static OpenPgpKey load(Path file, boolean generate, String userId) {
    try {
      if (generate && !Files.exists(file)) {
        Files.createDirectories(file.getParent());
        Files.write(file, generateLegacy(userId));
        restrict(file);
        LOG.info("generated the OpenPGP key {}", file);
      }
      return parse(Files.readString(file, StandardCharsets.US_ASCII));
    } catch (PGPException e) {
      throw new IllegalStateException("cannot generate the OpenPGP key " + file, e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or write the OpenPGP key " + file, e);
    }
  }

  private static byte[] generateLegacy(String userId) throws PGPException, IOException {
    var now = new java.util.Date();
    var random = new java.security.SecureRandom();
    var signing = new org.bouncycastle.crypto.generators.Ed25519KeyPairGenerator();
    signing.init(new org.bouncycastle.crypto.params.Ed25519KeyGenerationParameters(random));
    var primary =
        new org.bouncycastle.openpgp.operator.bc.BcPGPKeyPair(
            PublicKeyPacket.VERSION_4,
            org.bouncycastle.bcpg.PublicKeyAlgorithmTags.EDDSA_LEGACY,
            signing.generateKeyPair(),
            now);
    var encryption = new org.bouncycastle.crypto.generators.X25519KeyPairGenerator();
    encryption.init(new org.bouncycastle.crypto.params.X25519KeyGenerationParameters(random));
    var sub =
        new org.bouncycastle.openpgp.operator.bc.BcPGPKeyPair(
            PublicKeyPacket.VERSION_4,
            org.bouncycastle.bcpg.PublicKeyAlgorithmTags.ECDH,
            encryption.generateKeyPair(),
            now);
    var primaryFlags = new org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator();
    primaryFlags.setKeyFlags(
        true,
        org.bouncycastle.bcpg.sig.KeyFlags.CERTIFY_OTHER
            | org.bouncycastle.bcpg.sig.KeyFlags.SIGN_DATA);
    primaryFlags.setPreferredHashAlgorithms(
        false, new int[] {HashAlgorithmTags.SHA512, HashAlgorithmTags.SHA256});
    primaryFlags.setPreferredSymmetricAlgorithms(
        false,
        new int[] {
          org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags.AES_256,
          org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags.AES_128
        });
    var subFlags = new org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator();
    subFlags.setKeyFlags(
        true,
        org.bouncycastle.bcpg.sig.KeyFlags.ENCRYPT_COMMS
            | org.bouncycastle.bcpg.sig.KeyFlags.ENCRYPT_STORAGE);
    var ring =
        new org.bouncycastle.openpgp.PGPKeyRingGenerator(
            PGPSignature.POSITIVE_CERTIFICATION,
            primary,
            userId,
            new org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider()
                .get(HashAlgorithmTags.SHA1),
            primaryFlags.generate(),
            null,
            new BcPGPContentSignerBuilder(
                org.bouncycastle.bcpg.PublicKeyAlgorithmTags.EDDSA_LEGACY,
                HashAlgorithmTags.SHA512),
            null);
    ring.addSubKey(sub, subFlags.generate(), null);
    var out = new ByteArrayOutputStream();
    try (var armor = ArmoredOutputStream.builder().build(out)) {
      ring.generateSecretKeyRing().encode(armor);
    }
    return out.toByteArray();
  }

  static void restrict(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      LOG.warn("cannot restrict the permissions of {}", file);
    }
  }

  boolean hasSecretKey() {
    return secret != null;
  }

  String fingerprint() {
    return HexFormat.of().withUpperCase().formatHex(certificate.getFingerprint());
  }

  /** The public certificate, ASCII-armored, as published. */
  String armoredPublicKey() {
    try {
      return certificate instanceof OpenPGPKey k
          ? k.toCertificate().toAsciiArmoredString()
          : certificate.toAsciiArmoredString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** RFC 9116 2.3 / RFC 4880 7: a cleartext-signed copy of {@code text}, dash-escaped by BC. */
  Optional<String> clearSign(String text) {
    if (secret == null) {
      return Optional.empty();
    }
    try {
      SigningKey k = signingKey();
      var generator =
          new PGPSignatureGenerator(
              new BcPGPContentSignerBuilder(k.pub().getAlgorithm(), HashAlgorithmTags.SHA512),
              k.pub());
      generator.init(PGPSignature.CANONICAL_TEXT_DOCUMENT, k.priv());
      List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
      if (lines.getLast().isEmpty()) {
        lines.removeLast(); // the line break before the signature is not signed
      }
      var out = new ByteArrayOutputStream();
      try (var armor = ArmoredOutputStream.builder().build(out)) {
        armor.beginClearText(HashAlgorithmTags.SHA512);
        for (int i = 0; i < lines.size(); i++) {
          String line = lines.get(i).stripTrailing();
          byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
          if (i > 0) {
            generator.update(new byte[] {'\r', '\n'});
          }
          generator.update(bytes);
          armor.write(bytes);
          armor.write(new byte[] {'\r', '\n'});
        }
        armor.endClearText();
        generator.generate().encode(armor);
      }
      return Optional.of(out.toString(StandardCharsets.UTF_8));
    } catch (PGPException e) {
      throw new IllegalStateException("cannot sign with the OpenPGP key", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private record SigningKey(PGPPublicKey pub, PGPPrivateKey priv) {}

  private SigningKey signingKey() throws PGPException {
    OpenPGPKey key = java.util.Objects.requireNonNull(secret);
    var candidates = key.getSigningKeys();
    KeyIdentifier id =
        candidates.isEmpty()
            ? key.getPrimaryKey().getKeyIdentifier()
            : candidates.getFirst().getKeyIdentifier();
    var s = key.getPGPSecretKeyRing().getSecretKey(id);
    return new SigningKey(s.getPublicKey(), s.extractPrivateKey(null));
  }

  /** A detached, ASCII-armored OpenPGP signature (CSAF 2.0 section 7.1.15). */
  static String detachedSignature(PGPPublicKey publicKey, PGPPrivateKey privateKey, byte[] data) {
    try {
      var generator =
          new PGPSignatureGenerator(
              new BcPGPContentSignerBuilder(publicKey.getAlgorithm(), HashAlgorithmTags.SHA512),
              publicKey);
      generator.init(PGPSignature.BINARY_DOCUMENT, privateKey);
      generator.update(data);
      var out = new ByteArrayOutputStream();
      try (var armor = ArmoredOutputStream.builder().build(out)) {
        generator.generate().encode(armor);
      }
      return out.toString(StandardCharsets.US_ASCII);
    } catch (PGPException e) {
      throw new IllegalStateException("cannot sign", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Checks that {@code armored} is an ASCII-armored OpenPGP message encrypted to one of this key's
   * encryption (sub)keys, without decrypting it; the reason otherwise.
   */
  void requireEncryptedToUs(String armored) {
    List<KeyIdentifier> ours =
        certificate.getEncryptionKeys().stream().map(k -> k.getKeyIdentifier()).toList();
    if (ours.isEmpty()) {
      throw new InvalidInputException("the published OpenPGP key has no encryption key");
    }
    List<KeyIdentifier> recipients = new ArrayList<>();
    try (InputStream in =
        new ArmoredInputStream(
            new ByteArrayInputStream(armored.strip().getBytes(StandardCharsets.US_ASCII)))) {
      var factory = new BcPGPObjectFactory(in);
      Object o = factory.nextObject();
      while (o instanceof PGPMarker || o instanceof PGPPadding) {
        o = factory.nextObject();
      }
      if (!(o instanceof PGPEncryptedDataList list)) {
        throw new InvalidInputException(
            "description: an OpenPGP message that is not encrypted (found "
                + (o == null ? "nothing" : o.getClass().getSimpleName())
                + ")");
      }
      for (var data : list) {
        if (data instanceof PGPPublicKeyEncryptedData pk) {
          recipients.add(pk.getKeyIdentifier());
        }
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof InvalidInputException invalid) {
        throw invalid;
      }
      throw new InvalidInputException(
          "description: not a well-formed ASCII-armored OpenPGP message (" + e.getMessage() + ")");
    }
    boolean toUs =
        recipients.stream()
            .anyMatch(r -> r.isWildcard() || ours.stream().anyMatch(o -> o.matches(r)));
    if (!toUs) {
      throw new InvalidInputException(
          "description: the OpenPGP message is not encrypted to our key "
              + fingerprint()
              + " (recipients: "
              + recipients
              + "); encrypt it with the key named by Encryption: in /.well-known/security.txt");
    }
  }

  /** The plain text of a message encrypted to this key; needs the secret key. */
  String decrypt(String armored, int maxBytes) {
    if (secret == null) {
      throw new IllegalStateException("the secret key is not configured");
    }
    try (var in =
        new BcOpenPGPApi()
            .decryptAndOrVerifyMessage()
            .addDecryptionKey(secret)
            .process(new ByteArrayInputStream(armored.getBytes(StandardCharsets.US_ASCII)))) {
      byte[] plain = in.readNBytes(maxBytes + 1);
      if (plain.length > maxBytes) {
        throw new InvalidInputException("the decrypted message is longer than " + maxBytes);
      }
      return new String(plain, StandardCharsets.UTF_8);
    } catch (IOException | PGPException e) {
      throw new InvalidInputException("the message cannot be decrypted: " + e.getMessage());
    }
  }
}
