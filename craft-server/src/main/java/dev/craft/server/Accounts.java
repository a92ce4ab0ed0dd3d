package dev.craft.server;

import dev.craft.core.Actor;
import dev.craft.core.InvalidInputException;
import dev.craft.core.Role;
import dev.craft.core.Text;
import dev.craft.core.User;
import dev.craft.store.TokenRow;
import dev.craft.store.TokenStore;
import dev.craft.store.UserStore;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;

/**
 * Account operations shared by the API, the web UI and first start: users with hashed passwords,
 * API tokens.
 */
final class Accounts {
  static final int MIN_PASSWORD = 12;
  static final int MAX_TOKEN_DAYS = 3650;

  private final UserStore users;
  private final TokenStore tokens;
  private final PasswordHasher hasher;

  Accounts(UserStore users, TokenStore tokens, PasswordHasher hasher) {
    this.users = users;
    this.tokens = tokens;
    this.hasher = hasher;
  }

  User createUser(
      Actor actor,
      @Nullable String username,
      @Nullable String displayName,
      @Nullable String email,
      @Nullable String role,
      @Nullable String password) {
    String name = Text.required("username", username, 64);
    String pw = password == null ? "" : password;
    if (pw.length() < MIN_PASSWORD || pw.length() > 1000) {
      throw new InvalidInputException(
          "password: must have " + MIN_PASSWORD + " to 1000 characters");
    }
    return users.create(
        actor,
        name,
        Text.optional("displayName", displayName, 200),
        Text.optional("email", email, 320),
        Role.fromWire(Text.required("role", role, 20)),
        hasher.hash(pw));
  }

  /** A token whose secret is returned exactly once; only its digest is stored. */
  record IssuedToken(TokenRow row, String secret) {}

  IssuedToken issueToken(Actor actor, @Nullable String name, @Nullable Long expiresInDays) {
    String label = Text.required("name", name, 100);
    long days = expiresInDays == null ? 90 : expiresInDays;
    if (days < 1 || days > MAX_TOKEN_DAYS) {
      throw new InvalidInputException("expiresInDays: must be between 1 and " + MAX_TOKEN_DAYS);
    }
    String secret = Secrets.newToken("craft_");
    Instant expires = Instant.now().plus(Duration.ofDays(days)).truncatedTo(ChronoUnit.SECONDS);
    return new IssuedToken(
        tokens.create(
            actor, actor.userId(), label, Secrets.digest(secret), secret.substring(0, 10), expires),
        secret);
  }

  /**
   * The token of {@code CRAFT_ADMIN_TOKEN}: exactly that value, no expiry, so scripts can call the
   * API at once.
   */
  void ensureFixedToken(Actor admin, String secret) {
    String digest = Secrets.digest(secret);
    if (tokens.findUsable(digest, Instant.now()).isEmpty()) {
      tokens.create(
          admin, admin.userId(), "CRAFT_ADMIN_TOKEN", digest, secret.substring(0, 6), null);
    }
  }
}
