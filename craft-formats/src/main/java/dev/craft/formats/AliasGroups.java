package dev.craft.formats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Groups vulnerability identifiers (CVE, GHSA, PYSEC, GO, RUSTSEC, EUVD…) that the advisories say
 * are the same, transitively, keeping for every link the record and file that stated it. Not
 * thread-safe while being filled; reads never write, so concurrent reads afterwards are safe.
 */
public final class AliasGroups {
  private final Map<String, String> parent;
  private final Map<String, List<AliasLink>> linksByRoot;

  public AliasGroups() {
    this(16);
  }

  /** Groups sized for the ids of about {@code expectedRecords} records and their aliases. */
  public AliasGroups(int expectedRecords) {
    parent = HashMap.newHashMap(Math.max(16, expectedRecords * 2));
    linksByRoot = HashMap.newHashMap(Math.max(16, expectedRecords));
  }

  /** Records that {@code record}'s id and its aliases name one vulnerability. */
  public void add(OsvRecord record) {
    add(record.id(), record.aliases(), record.source());
  }

  /**
   * Records that {@code id} and {@code aliases}, as {@code source} says, name one vulnerability.
   */
  public void add(String id, List<String> aliases, String source) {
    find(id);
    for (String alias : aliases) {
      if (alias.equals(id)) {
        continue;
      }
      union(id, alias);
      linksByRoot
          .computeIfAbsent(find(id), k -> new ArrayList<>())
          .add(new AliasLink(id, alias, source));
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
    if (!parent.containsKey(id)) {
      return List.of();
    }
    var out = new TreeSet<String>();
    for (AliasLink link : linksByRoot.getOrDefault(rootOf(id), List.of())) {
      out.add(link.declaredBy());
      out.add(link.alias());
    }
    return List.copyOf(out);
  }

  /** The identifier that stands for the group of {@code id} until more links are added. */
  public String groupOf(String id) {
    return rootOf(id);
  }

  /** The statements that put {@code id} into its group (its provenance). */
  public List<AliasLink> linksOf(String id) {
    if (!parent.containsKey(id)) {
      return List.of();
    }
    return List.copyOf(linksByRoot.getOrDefault(rootOf(id), List.of()));
  }

  /** The group root without path compression, so that reads never write. */
  private String rootOf(String id) {
    String root = id;
    String up;
    while ((up = parent.get(root)) != null && !up.equals(root)) {
      root = up;
    }
    return root;
  }

  private String find(String id) {
    String p = parent.putIfAbsent(id, id);
    if (p == null) {
      return id;
    }
    String root = id;
    while (true) {
      String up = parent.get(root);
      if (up == null || up.equals(root)) {
        break;
      }
      root = up;
    }
    // Path compression keeps later look-ups flat.
    String cur = id;
    while (!cur.equals(root)) {
      String next = parent.get(cur);
      parent.put(cur, root);
      cur = next == null ? root : next;
    }
    return root;
  }

  private void union(String a, String b) {
    String ra = find(a);
    String rb = find(b);
    if (ra.equals(rb)) {
      return;
    }
    // The group with fewer links goes under the other: a record joining a large group (the
    // upload benchmark's groups have ~25 ids) then moves its few links, not the group's, and the
    // trees stay shallow for rootOf, which does not compress paths.
    if (linkCount(ra) < linkCount(rb)) {
      String t = ra;
      ra = rb;
      rb = t;
    }
    parent.put(rb, ra);
    List<AliasLink> moved = linksByRoot.remove(rb);
    if (moved != null) {
      linksByRoot.computeIfAbsent(ra, k -> new ArrayList<>()).addAll(moved);
    }
  }

  private int linkCount(String root) {
    List<AliasLink> links = linksByRoot.get(root);
    return links == null ? 0 : links.size();
  }
}
