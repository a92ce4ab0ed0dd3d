package dev.craft.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Vulnerable CPE criteria by vendor and product, for components that a purl does not find (no purl,
 * or one no advisory names). Built by {@link Builder}; read-only afterwards.
 */
public final class CpeIndex {
  public static final CpeIndex EMPTY = new Builder().build();

  record Entry(Cpe cpe, CpeCriterion criterion, IndexedAdvisory advisory) {}

  private final Map<String, List<Entry>> byProduct;
  private final Set<String> vulnerabilityIds;
  private final int criteria;
  private final int unusable;

  private CpeIndex(
      Map<String, List<Entry>> byProduct, Set<String> ids, int criteria, int unusable) {
    this.byProduct = byProduct;
    this.vulnerabilityIds = ids;
    this.criteria = criteria;
    this.unusable = unusable;
  }

  public static Builder builder() {
    return new Builder();
  }

  public boolean isEmpty() {
    return byProduct.isEmpty();
  }

  /** The vulnerability ids of the indexed criteria. */
  public Set<String> vulnerabilityIds() {
    return vulnerabilityIds;
  }

  /** Criteria indexed. */
  public int criteria() {
    return criteria;
  }

  /** Criteria left out: not a CPE, or naming no vendor or product. */
  public int unusable() {
    return unusable;
  }

  List<Entry> candidates(Cpe component) {
    return byProduct.getOrDefault(component.key(), List.of());
  }

  /** Collects criteria; not thread-safe. */
  public static final class Builder {
    private final Map<String, List<Entry>> byProduct = new HashMap<>();
    private final Map<String, IndexedAdvisory> advisories = new HashMap<>();
    private int criteria;
    private int unusable;

    private Builder() {}

    public Builder add(CpeCriterion c) {
      var cpe = Cpe.parse(c.criteria());
      if (cpe.isEmpty()
          || !Cpe.specific(cpe.get().vendor())
          || !Cpe.specific(cpe.get().product())) {
        unusable++;
        return this;
      }
      criteria++;
      IndexedAdvisory advisory =
          advisories.computeIfAbsent(
              c.vulnerabilityId(),
              id -> new IndexedAdvisory(id, c.source(), List.of(), c.severity()));
      byProduct
          .computeIfAbsent(cpe.get().key(), k -> new ArrayList<>(2))
          .add(new Entry(cpe.get(), c, advisory));
      return this;
    }

    public CpeIndex build() {
      Map<String, List<Entry>> copy = new HashMap<>();
      byProduct.forEach((k, v) -> copy.put(k, List.copyOf(v)));
      return new CpeIndex(Map.copyOf(copy), Set.copyOf(advisories.keySet()), criteria, unusable);
    }
  }
}
