package dev.craft.server;

import dev.craft.core.Component;
import dev.craft.core.Dependency;
import dev.craft.core.Sbom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The SBOM's dependency graph as a tree from the product down, for display; cycles and depth are
 * cut.
 */
public record DependencyTree(
    String label, String purl, List<DependencyTree> children, boolean truncated) {
  static final int MAX_DEPTH = 6;
  static final int MAX_NODES = 2000;

  static List<DependencyTree> of(Sbom sbom) {
    Map<String, Component> byRef = sbom.componentsByRef();
    int[] budget = {MAX_NODES};
    return sbom.findPrimary()
        .map(p -> List.of(node(sbom, byRef, p.ref(), new HashSet<>(), 0, budget)))
        .orElse(List.of());
  }

  private static DependencyTree node(
      Sbom sbom,
      Map<String, Component> byRef,
      String ref,
      Set<String> path,
      int depth,
      int[] budget) {
    Component c = byRef.get(ref);
    String label = c == null ? ref : c.label();
    String purl = c == null ? "" : c.purl();
    budget[0]--;
    List<String> deps = sbom.findDependency(ref).map(Dependency::dependsOn).orElse(List.of());
    if (deps.isEmpty()) {
      return new DependencyTree(label, purl, List.of(), false);
    }
    if (depth >= MAX_DEPTH || path.contains(ref) || budget[0] <= 0) {
      return new DependencyTree(label, purl, List.of(), true);
    }
    path.add(ref);
    List<DependencyTree> children = new ArrayList<>();
    for (String d : deps) {
      children.add(node(sbom, byRef, d, path, depth + 1, budget));
    }
    path.remove(ref);
    return new DependencyTree(label, purl, children, false);
  }
}
