package dev.craft.store;

import dev.craft.core.Component;
import dev.craft.engine.PackageNames;
import java.io.IOException;
import java.io.StringReader;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.postgresql.PGConnection;

/**
 * Writes an inventory's components with PostgreSQL's COPY: one stream instead of 10,000 inserts,
 * which is what keeps a large SBOM upload well under a second.
 */
final class ComponentCopy {
  private ComponentCopy() {}

  static void copy(Handle h, long sbomId, List<Component> components, Set<String> directRefs) {
    if (components.isEmpty()) {
      return;
    }
    var csv = new StringBuilder(components.size() * 160);
    int ordinal = 0;
    for (Component c : components) {
      csv.append(sbomId).append(',').append(ordinal++);
      for (String field :
          new String[] {c.ref(), c.type(), c.group(), c.name(), c.version(), c.purl()}) {
        csv.append(',');
        quote(csv, field);
      }
      csv.append(',').append(directRefs.contains(c.ref()) ? 't' : 'f').append(',');
      quote(csv, packageKey(c.purl()));
      csv.append('\n');
    }
    try {
      h.getConnection()
          .unwrap(PGConnection.class)
          .getCopyAPI()
          .copyIn(
              "COPY sbom_component (sbom_id, ordinal, ref, type, grp, name, version, purl, direct,"
                  + " package_key)"
                  + " FROM STDIN (FORMAT csv)",
              new StringReader(csv.toString()));
    } catch (SQLException | IOException e) {
      throw new StoreException("cannot store the SBOM's components: " + e.getMessage(), e);
    }
  }

  /** The matcher's package key of a purl as stored text, empty when the purl is missing or bad. */
  static String packageKey(String purl) {
    return PackageNames.ofPurl(purl).map(p -> p.key().toString()).orElse("");
  }

  /**
   * CSV quoting: always quoted, inner quotes doubled; NUL cannot be stored in PostgreSQL text and
   * is dropped.
   */
  static void quote(StringBuilder csv, String value) {
    csv.append('"');
    for (int i = 0; i < value.length(); i++) {
      char ch = value.charAt(i);
      if (ch == '"') {
        csv.append("\"\"");
      } else if (ch != 0) {
        csv.append(ch);
      }
    }
    csv.append('"');
  }
}
