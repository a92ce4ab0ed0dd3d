package dev.craft.store;

import dev.craft.core.ConflictException;
import java.sql.SQLException;
import java.util.Set;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** Small helpers around JDBI shared by the stores. */
final class Sql {
  private static final String UNIQUE_VIOLATION = "23505";

  private Sql() {}

  /**
   * Runs a transaction; a unique-constraint violation becomes a {@link ConflictException} with the
   * given message.
   */
  static <T> T inTransaction(
      Jdbi jdbi, HandleCallback<T, RuntimeException> work, String conflictMessage) {
    try {
      return jdbi.inTransaction(work);
    } catch (UnableToExecuteStatementException e) {
      if (isUniqueViolation(e)) {
        throw new ConflictException(conflictMessage);
      }
      throw e;
    }
  }

  /** Whether {@code e} or one of its causes is a unique-constraint violation. */
  static boolean isUniqueViolation(Throwable e) {
    return hasState(e, Set.of(UNIQUE_VIOLATION));
  }

  /**
   * Whether {@code e} or one of its causes says that another transaction writes the same rows: a
   * unique violation, a lock wait that timed out, or a deadlock PostgreSQL broke.
   */
  static boolean isWriteConflict(Throwable e) {
    return hasState(e, WRITE_CONFLICTS);
  }

  private static final Set<String> WRITE_CONFLICTS = Set.of(UNIQUE_VIOLATION, "55P03", "40P01");

  /** Whether {@code e} or one of its causes is an SQL exception with one of {@code states}. */
  private static boolean hasState(Throwable e, Set<String> states) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && states.contains(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  /** The visibility predicate for products, for a user who does not see all products. */
  static final String VISIBLE_TO_USER =
      """
      EXISTS (SELECT 1 FROM product_team pt JOIN team_member tm ON tm.team_id = pt.team_id
              WHERE pt.product_id = p.id AND tm.user_id = :viewerId)
      """;
}
