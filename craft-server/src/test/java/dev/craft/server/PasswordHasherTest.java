package dev.craft.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
  final PasswordHasher hasher = new PasswordHasher();

  @Test
  void aHashIsArgon2idInPhcFormatAndMatchesOnlyItsPassword() {
    String hash = hasher.hash("correct horse battery staple");
    assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    assertThat(hasher.matches("correct horse battery staple", hash)).isTrue();
    assertThat(hasher.matches("correct horse battery stapler", hash)).isFalse();
  }

  @Test
  void twoHashesOfOnePasswordDifferBecauseOfTheSalt() {
    assertThat(hasher.hash("same")).isNotEqualTo(hasher.hash("same"));
  }

  @Test
  void aMalformedStoredHashNeverMatches() {
    assertThat(hasher.matches("x", "plain-text")).isFalse();
    assertThat(hasher.matches("x", "$argon2id$v=19$m=a,t=2,p=1$AAAA$AAAA")).isFalse();
    assertThat(hasher.matches("x", "$argon2i$v=19$m=1024,t=2,p=1$AAAA$AAAA")).isFalse();
  }
}
