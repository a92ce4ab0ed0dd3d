package dev.craft.core;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** PEM text for Ed25519 keys: SubjectPublicKeyInfo ("PUBLIC KEY") and PKCS#8 ("PRIVATE KEY"). */
public final class Pem {
  private Pem() {}

  public static String publicKey(PublicKey key) {
    return encode("PUBLIC KEY", key.getEncoded());
  }

  public static String privateKey(PrivateKey key) {
    return encode("PRIVATE KEY", key.getEncoded());
  }

  public static PublicKey readEd25519PublicKey(String pem) {
    try {
      return KeyFactory.getInstance("Ed25519")
          .generatePublic(new X509EncodedKeySpec(decode("PUBLIC KEY", pem)));
    } catch (GeneralSecurityException e) {
      throw new InvalidInputException("not an Ed25519 public key: " + e.getMessage());
    }
  }

  public static PrivateKey readEd25519PrivateKey(String pem) {
    try {
      return KeyFactory.getInstance("Ed25519")
          .generatePrivate(new PKCS8EncodedKeySpec(decode("PRIVATE KEY", pem)));
    } catch (GeneralSecurityException e) {
      throw new InvalidInputException("not an Ed25519 private key: " + e.getMessage());
    }
  }

  private static String encode(String label, byte[] der) {
    return "-----BEGIN "
        + label
        + "-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END "
        + label
        + "-----\n";
  }

  private static byte[] decode(String label, String pem) {
    String begin = "-----BEGIN " + label + "-----";
    String end = "-----END " + label + "-----";
    int from = pem.indexOf(begin);
    int to = pem.indexOf(end);
    if (from < 0 || to < from) {
      throw new InvalidInputException("not a PEM block of type " + label);
    }
    try {
      return Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("PEM " + label + ": invalid base64");
    }
  }
}
