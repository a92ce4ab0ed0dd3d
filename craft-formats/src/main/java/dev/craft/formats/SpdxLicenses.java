package dev.craft.formats;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The SPDX licence list as CycloneDX's bundled {@code spdx.schema.json} enumerates it (licence and
 * exception ids), for deciding whether a licence text is an SPDX id, a LicenseRef or neither.
 */
public final class SpdxLicenses {
  private static final Pattern LICENSE_REF =
      Pattern.compile("(DocumentRef-[A-Za-z0-9.\\-]+:)?LicenseRef-[A-Za-z0-9.\\-]+");
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9.\\-+:]+");
  private static final Set<String> IDS = load();

  private SpdxLicenses() {}

  private static Set<String> load() {
    String path = "/dev/craft/formats/schema/cyclonedx/spdx.schema.json";
    try (InputStream in = SpdxLicenses.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + path);
      }
      JsonNode schema = Json.WRITER.readTree(in);
      var ids = new HashSet<String>();
      schema.path("enum").forEach(n -> ids.add(n.asText()));
      return Set.copyOf(ids);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether {@code id} is on the SPDX licence list (licences and exceptions). */
  public static boolean isListedId(String id) {
    return IDS.contains(id);
  }

  public static boolean isLicenseRef(String id) {
    return LICENSE_REF.matcher(id).matches();
  }

  /**
   * Whether every licence in the expression is a listed SPDX id (optionally with {@code +}) or a
   * LicenseRef; operators {@code AND}, {@code OR}, {@code WITH} and parentheses are allowed. This
   * is the TR-03183-2 rule for licence identifiers.
   */
  public static boolean isSpdxExpression(String expression) {
    String spaced = expression.replace("(", " ").replace(")", " ").trim();
    if (spaced.isEmpty()) {
      return false;
    }
    for (String token : spaced.split("\\s+")) {
      if (token.equals("AND") || token.equals("OR") || token.equals("WITH")) {
        continue;
      }
      if (!TOKEN.matcher(token).matches()) {
        return false;
      }
      String id = token.endsWith("+") ? token.substring(0, token.length() - 1) : token;
      if (!isListedId(id) && !isLicenseRef(id)) {
        return false;
      }
    }
    return true;
  }
}
