package dev.craft.formats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The SPDX 3.0.1 schema tries every class for every graph element ({@code anyOf}), so one mistake
 * yields dozens of "Not a X" messages. This keeps the messages that say what is wrong and, for an
 * element with nothing but noise, one summary.
 */
final class Spdx3Problems {
  private static final Pattern NOISE =
      Pattern.compile(
          "must be the constant value '(Not a .*|NoAssertionElement|NoneElement|SpdxOrganization"
              + "|expandedlicensing_NoAssertionLicense|expandedlicensing_NoneLicense)'"
              + "|string found, object expected|does not match the regex pattern \\^_:\\.\\+");
  private static final String UNEVALUATED = "is not evaluated and the schema does not allow";

  private Spdx3Problems() {}

  static List<ValidationProblem> tidy(List<ValidationProblem> problems) {
    Map<String, List<ValidationProblem>> byElement = new LinkedHashMap<>();
    for (ValidationProblem p : problems) {
      byElement.computeIfAbsent(element(p.path()), k -> new ArrayList<>()).add(p);
    }
    var out = new ArrayList<ValidationProblem>();
    for (var e : byElement.entrySet()) {
      if (e.getKey().equals("/") && byElement.size() > 1) {
        continue; // "@graph not evaluated" only repeats that an element failed
      }
      List<ValidationProblem> real =
          e.getValue().stream()
              .filter(p -> !NOISE.matcher(p.message()).find() && !p.message().contains(UNEVALUATED))
              .distinct()
              .toList();
      if (!real.isEmpty()) {
        out.addAll(real);
      } else {
        List<ValidationProblem> unevaluated =
            e.getValue().stream()
                .filter(p -> p.message().contains(UNEVALUATED))
                .distinct()
                .toList();
        out.add(
            new ValidationProblem(
                e.getKey(),
                "not a valid SPDX 3.0.1 element"
                    + (unevaluated.isEmpty()
                        ? ""
                        : " (" + unevaluated.size() + " properties not allowed)")));
      }
    }
    return out;
  }

  /** {@code /@graph/7/to/0} → {@code /@graph/7}. */
  private static String element(String path) {
    if (!path.startsWith("/@graph/")) {
      return path;
    }
    int next = path.indexOf('/', 8);
    return next < 0 ? path : path.substring(0, next);
  }
}
