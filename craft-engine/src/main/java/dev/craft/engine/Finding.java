package dev.craft.engine;

import java.util.Objects;

/**
 * One result of a quality profile that is not a plain pass.
 *
 * @param severity {@link Severity#ERROR} fails the profile; {@link Severity#WARNING} marks a field
 *     the profile wants "if it exists" or recommends
 * @param component the component's label ({@code name@version}) and reference, or empty for the
 *     document itself
 * @param field the field the finding is about, in the profile's words (e.g. {@code hash-sha512})
 * @param message what is missing or wrong
 */
public record Finding(Severity severity, String component, String field, String message) {
  public enum Severity {
    ERROR,
    WARNING
  }

  public Finding {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(component, "component");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(message, "message");
  }
}
