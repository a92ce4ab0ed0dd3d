package dev.craft.server;

import dev.craft.core.AuditChain;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/** Random secrets (session ids, API tokens, CSRF tokens) and their stored digests. */
final class Secrets {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Secrets() {}

  /** 256 random bits, URL-safe, with a readable prefix such as {@code craft_}. */
  static String newToken(String prefix) {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** What the database keeps instead of the secret. */
  static String digest(String secret) {
    return AuditChain.sha256Hex(secret);
  }

  /**
   * Compares a secret with what was presented, in time that does not depend on where they differ.
   */
  static boolean same(String expected, String presented) {
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
  }

  /** A password people can type: 20 characters from an unambiguous alphabet (~110 bits). */
  static String newPassword() {
    String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    var sb = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return sb.toString();
  }
}
