package dev.craft.core;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The normalised inventory of one SBOM document: its metadata, its components (the product itself,
 * {@link SbomInfo#primaryRef()}, among them), the dependency graph and the document-level
 * properties (including every top-level field of the source that has no place in the model).
 */
public record Sbom(
    SbomInfo info,
    List<Component> components,
    List<Dependency> dependencies,
    List<Property> properties) {

  public Sbom {
    Objects.requireNonNull(info, "info");
    components = List.copyOf(components);
    dependencies = List.copyOf(dependencies);
    properties = List.copyOf(properties);
    var refs = new HashSet<String>();
    for (Component c : components) {
      if (!refs.add(c.ref())) {
        throw new InvalidInputException("component reference '" + c.ref() + "' is not unique");
      }
    }
  }

  /** The component with this reference. */
  public Optional<Component> findComponent(String ref) {
    for (Component c : components) {
      if (c.ref().equals(ref)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /** The product the SBOM describes, if the document names one. */
  public Optional<Component> findPrimary() {
    return info.primaryRef().isEmpty() ? Optional.empty() : findComponent(info.primaryRef());
  }

  /** The dependency entry of a component, if the document has one for it. */
  public Optional<Dependency> findDependency(String ref) {
    for (Dependency d : dependencies) {
      if (d.ref().equals(ref)) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }

  /** Components by reference, for callers that look many up. */
  public Map<String, Component> componentsByRef() {
    var map = new HashMap<String, Component>(components.size() * 2);
    for (Component c : components) {
      map.put(c.ref(), c);
    }
    return map;
  }
}
