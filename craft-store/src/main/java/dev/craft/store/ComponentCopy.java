package dev.craft.store;

import dev.craft.core.Component;
import dev.craft.engine.Cpe;
import dev.craft.engine.PackageNames;
import java.io.IOException;
import java.io.StringReader;
import java.sql.SQLException;
import java.util.ArrayList;
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
      Keys keys = keysOf(c.purl(), c.cpes());
      quote(csv, keys.packageKey());
      csv.append(',');
      quote(csv, arrayLiteral(keys.lookupKeys()));
      csv.append(',');
      quote(csv, arrayLiteral(c.cpes()));
      csv.append('\n');
    }
    try {
      h.getConnection()
          .unwrap(PGConnection.class)
          .getCopyAPI()
          .copyIn(
              "COPY sbom_component (sbom_id, ordinal, ref, type, grp, name, version, purl, direct,"
                  + " package_key, lookup_keys, cpes)"
                  + " FROM STDIN (FORMAT csv)",
              new StringReader(csv.toString()));
    } catch (SQLException | IOException e) {
      throw new StoreException("cannot store the SBOM's components: " + e.getMessage(), e);
    }
  }

  /** {@code cpe/vendor:product} of each CPE name that names both. */
  static List<String> cpeKeys(List<String> cpes) {
    return Cpe.productKeys(cpes).stream().map(k -> Cpe.KEY_PREFIX + k).toList();
  }

  /**
   * A component's package key, empty when it has neither a usable purl nor a CPE name naming vendor
   * and product: its purl's, else the CPE key of its first CPE name ({@code cpe/vendor:product}),
   * so that a component known only by CPE is matched and triaged too. And the keys besides it that
   * the matcher looks the component up under (a distro package's source package, a Go package
   * path's enclosing paths, its CPE names' vendor:product).
   */
  record Keys(String packageKey, List<String> lookupKeys) {}

  /** Both keys from one reading of the purl (an SBOM upload stores 10,000 components). */
  static Keys keysOf(String purl, List<String> cpes) {
    var lookups = PackageNames.lookups(purl, "");
    List<String> byCpe = cpes.isEmpty() ? List.of() : cpeKeys(cpes);
    String key;
    if (!lookups.isEmpty()) {
      key = lookups.get(0).key().toString();
    } else {
      key = byCpe.isEmpty() ? "" : byCpe.get(0);
    }
    if (lookups.size() <= 1 && byCpe.isEmpty()) {
      return new Keys(key, List.of());
    }
    var out = new ArrayList<String>();
    lookups.stream().skip(1).map(l -> l.key().toString()).forEach(out::add);
    out.addAll(byCpe);
    out.remove(key);
    return new Keys(key, out.stream().distinct().toList());
  }

  /** A PostgreSQL array literal of texts, each element quoted. */
  static String arrayLiteral(List<String> values) {
    var out = new StringBuilder("{");
    for (String v : values) {
      if (out.length() > 1) {
        out.append(',');
      }
      out.append('"').append(v.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
    }
    return out.append('}').toString();
  }

  /**
   * CSV quoting: always quoted, inner quotes doubled; NUL cannot be stored in PostgreSQL text and
   * is dropped.
   */
  static void quote(StringBuilder csv, String value) {
    csv.append('"');
    if (value.indexOf('"') < 0 && value.indexOf(0) < 0) {
      csv.append(value).append('"');
      return;
    }
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
