package dev.craft.formats;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A KEV catalog: its version (empty for the CSV form, which has none) and entries by CVE id. */
public final class KevCatalog {
  public static final KevCatalog EMPTY = new KevCatalog("", List.of());

  private final String catalogVersion;
  private final List<KevEntry> entries;
  private final Map<String, KevEntry> byCve;

  public KevCatalog(String catalogVersion, List<KevEntry> entries) {
    this.catalogVersion = catalogVersion;
    this.entries = List.copyOf(entries);
    this.byCve = new HashMap<>(entries.size() * 2);
    for (KevEntry e : this.entries) {
      byCve.put(e.cveId(), e);
    }
  }

  public String catalogVersion() {
    return catalogVersion;
  }

  public List<KevEntry> entries() {
    return entries;
  }

  public Optional<KevEntry> find(String cveId) {
    return Optional.ofNullable(byCve.get(cveId));
  }
}
