package dev.craft.core;

import java.util.Objects;

/**
 * One licence statement about a component.
 *
 * @param expression an SPDX licence expression (a single id such as {@code MIT}, a {@code
 *     LicenseRef-…}, or a compound expression); empty when the document only gives a name
 * @param name a free-text licence name when the document gives no SPDX expression
 * @param url where the licence text is, if stated
 * @param acknowledgement {@code declared} (what the author states, TR-03183-2 "original licence"),
 *     {@code concluded} (what the SBOM creator determined, TR-03183-2 "distribution licence"), or
 *     empty when the document does not say
 */
public record License(String expression, String name, String url, String acknowledgement) {
  public License {
    Objects.requireNonNull(expression, "expression");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(acknowledgement, "acknowledgement");
    if (expression.isEmpty() && name.isEmpty()) {
      throw new InvalidInputException("a licence needs an SPDX expression or a name");
    }
  }

  public static License expression(String expression, String acknowledgement) {
    return new License(expression, "", "", acknowledgement);
  }

  public boolean isDeclared() {
    return "declared".equals(acknowledgement);
  }

  public boolean isConcluded() {
    return "concluded".equals(acknowledgement);
  }
}
