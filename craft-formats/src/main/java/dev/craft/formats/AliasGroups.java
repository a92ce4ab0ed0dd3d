package dev.craft.formats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Groups vulnerability identifiers (CVE, GHSA, PYSEC, GO, RUSTSEC, EUVD…) that the advisories say
 * are the same, transitively, keeping for every link the record and file that stated it. Not
 * thread-safe while being filled; reads never write, so concurrent reads afterwards are safe.
 */
public final class AliasGroups {
  // Identifiers are numbered as they come, and the groups are kept over the numbers: one map
  // look-up per identifier a record names, where the union-find over strings took about ten per
  // alias (an upload's 72,000 candidate records: the index built in ~170 ms, mostly this).
  private final Map<String, Integer> numbers;
  private final List<String> ids;
  private int[] parent;

  /** Per root number, the links of its group (null when it has none). */
  private final List<@Nullable List<AliasLink>> linksByRoot;

  public AliasGroups() {
    this(16);
  }

  /** Groups sized for the ids of about {@code expectedRecords} records and their aliases. */
  public AliasGroups(int expectedRecords) {
    int n = Math.max(16, expectedRecords * 2);
    numbers = HashMap.newHashMap(n);
    ids = new ArrayList<>(n);
    parent = new int[n];
    linksByRoot = new ArrayList<>(n);
  }

  /** Records that {@code record}'s id and its aliases name one vulnerability. */
  public void add(OsvRecord record) {
    add(record.id(), record.aliases(), record.source());
  }

  /**
   * Records that {@code id} and {@code aliases}, as {@code source} says, name one vulnerability.
   */
  public void add(String id, List<String> aliases, String source) {
    int self = number(id);
    for (String alias : aliases) {
      if (alias.equals(id)) {
        continue;
      }
      int root = union(self, number(alias));
      List<AliasLink> links = linksByRoot.get(root);
      if (links == null) {
        links = new ArrayList<>(2);
        linksByRoot.set(root, links);
      }
      links.add(new AliasLink(id, alias, source));
    }
  }

  /** Every other identifier in the group of {@code id}, sorted; empty if it has none. */
  public List<String> aliasesOf(String id) {
    return others(membersOf(id), id);
  }

  /** {@code members} of a group (sorted) without {@code id}. */
  public static List<String> others(List<String> members, String id) {
    if (members.isEmpty()) {
      return List.of();
    }
    var out = new ArrayList<String>(members.size() - 1);
    for (String m : members) {
      if (!m.equals(id)) {
        out.add(m);
      }
    }
    return List.copyOf(out);
  }

  /**
   * Every identifier in the group of {@code id}, itself included, sorted; empty if it has no
   * aliases. The same for every member of a group, which {@link #groupOf} names.
   */
  public List<String> membersOf(String id) {
    Integer n = numbers.get(id);
    List<AliasLink> links = n == null ? null : linksByRoot.get(rootOf(n));
    if (links == null) {
      return List.of();
    }
    var out = new TreeSet<String>();
    for (AliasLink link : links) {
      out.add(link.declaredBy());
      out.add(link.alias());
    }
    return List.copyOf(out);
  }

  /** The identifier that stands for the group of {@code id} until more links are added. */
  public String groupOf(String id) {
    Integer n = numbers.get(id);
    return n == null ? id : ids.get(rootOf(n));
  }

  /** The statements that put {@code id} into its group (its provenance). */
  public List<AliasLink> linksOf(String id) {
    Integer n = numbers.get(id);
    List<AliasLink> links = n == null ? null : linksByRoot.get(rootOf(n));
    return links == null ? List.of() : List.copyOf(links);
  }

  /** The number of {@code id}, given it as a group of its own when it is new. */
  private int number(String id) {
    Integer known = numbers.get(id);
    if (known != null) {
      return known;
    }
    int n = ids.size();
    if (n == parent.length) {
      parent = Arrays.copyOf(parent, n * 2);
    }
    parent[n] = n;
    ids.add(id);
    linksByRoot.add(null);
    numbers.put(id, n);
    return n;
  }

  /** The group root without path compression, so that reads never write. */
  private int rootOf(int n) {
    int root = n;
    while (parent[root] != root) {
      root = parent[root];
    }
    return root;
  }

  private int find(int n) {
    int root = rootOf(n);
    // Path compression keeps later look-ups flat.
    while (parent[n] != root) {
      int next = parent[n];
      parent[n] = root;
      n = next;
    }
    return root;
  }

  /** Joins the groups of {@code a} and {@code b}; returns the root of the joined group. */
  private int union(int a, int b) {
    int ra = find(a);
    int rb = find(b);
    if (ra == rb) {
      return ra;
    }
    // The group with fewer links goes under the other: a record joining a large group (the
    // upload benchmark's groups have ~25 ids) then moves its few links, not the group's, and the
    // trees stay shallow for rootOf, which does not compress paths.
    if (linkCount(ra) < linkCount(rb)) {
      int t = ra;
      ra = rb;
      rb = t;
    }
    parent[rb] = ra;
    List<AliasLink> moved = linksByRoot.get(rb);
    if (moved != null) {
      linksByRoot.set(rb, null);
      List<AliasLink> kept = linksByRoot.get(ra);
      if (kept == null) {
        linksByRoot.set(ra, moved);
      } else {
        kept.addAll(moved);
      }
    }
    return ra;
  }

  private int linkCount(int root) {
    List<AliasLink> links = linksByRoot.get(root);
    return links == null ? 0 : links.size();
  }
}
