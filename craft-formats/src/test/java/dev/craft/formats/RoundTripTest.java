package dev.craft.formats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.craft.core.Component;
import dev.craft.core.Dependency;
import dev.craft.core.License;
import dev.craft.core.Property;
import dev.craft.core.Sbom;
import dev.craft.core.SbomFormat;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Ingest → export → ingest keeps the inventory: exactly (up to the order of properties) when the
 * target is the source's own format, and in its core (names, versions, purls, CPEs, hashes, licence
 * expressions, the dependency graph by component) across formats.
 */
class RoundTripTest {
  static Stream<Arguments> documents() {
    List<Path> files = new ArrayList<>();
    files.addAll(SharedData.files("cyclonedx/bom-examples", ".json"));
    files.addAll(
        SharedData.files("spdx", ".json").stream()
            .filter(p -> !p.toString().contains("/schema/"))
            .toList());
    files.addAll(SharedData.files("spdx", ".spdx"));
    return files.stream()
        .flatMap(
            f ->
                Stream.of(SbomTarget.values())
                    .map(t -> Arguments.of(SharedData.root().relativize(f).toString(), f, t)));
  }

  @ParameterizedTest(name = "{0} -> {2}")
  @MethodSource("documents")
  void exportValidatesAndReadsBackToTheSameInventory(String name, Path file, SbomTarget target) {
    Sbom original = SbomReader.read(SharedData.bytes(file), ReadLimits.DEFAULT).sbom();
    byte[] written = SbomWriter.write(original, target);
    SbomReadResult again = SbomReader.read(written, ReadLimits.DEFAULT);
    assertThat(again.problems())
        .as(
            name
                + " → "
                + target.id()
                + "\n"
                + new String(written, java.nio.charset.StandardCharsets.UTF_8))
        .isEmpty();
    assertThat(again.sbom().info().specVersion()).isEqualTo(target.version());
    assertThat(core(again.sbom()))
        .as("core " + name + " → " + target.id())
        .isEqualTo(core(original));
    if (sameFamily(original, target)) {
      assertThat(exact(again.sbom()))
          .as("exact " + name + " → " + target.id())
          .isEqualTo(exact(original));
    }
  }

  private static boolean sameFamily(Sbom sbom, SbomTarget target) {
    if (sbom.info().format() != target.format()) {
      return false;
    }
    return target.format() == SbomFormat.CYCLONEDX
        || sbom.info().specVersion().charAt(0) == target.version().charAt(0);
  }

  /** Components with their properties sorted, dependencies sorted; document properties sorted. */
  static List<Object> exact(Sbom sbom) {
    List<Component> components =
        sbom.components().stream()
            .map(c -> c.withProperties(sorted(c.properties())))
            .sorted(Comparator.comparing(Component::ref))
            .toList();
    List<Dependency> deps =
        sbom.dependencies().stream().sorted(Comparator.comparing(Dependency::ref)).toList();
    return List.of(
        components,
        deps,
        sorted(sbom.properties()),
        sbom.info().primaryRef(),
        sbom.info().timestamp(),
        sbom.info().vulnerabilities());
  }

  private static List<Property> sorted(List<Property> props) {
    return props.stream()
        .sorted(Comparator.comparing(Property::name).thenComparing(Property::value))
        .toList();
  }

  /** What every format can carry, keyed by component label rather than by reference. */
  static List<Object> core(Sbom sbom) {
    Map<String, Component> byRef = sbom.componentsByRef();
    List<String> components =
        sbom.components().stream()
            .map(
                c ->
                    c.group()
                        + "/"
                        + c.name()
                        + "@"
                        + c.version()
                        + " "
                        + c.purl()
                        + " "
                        + c.cpes()
                        + " "
                        + c.hashes()
                        + " "
                        + c.licenses().stream().map(License::expression).sorted().toList())
            .sorted()
            .toList();
    List<String> edges = new ArrayList<>();
    for (Dependency d : sbom.dependencies()) {
      for (String to : d.dependsOn()) {
        Component from = byRef.get(d.ref());
        Component target = byRef.get(to);
        // The graph between components; edges to services or other documents are kept elsewhere.
        if (from != null && target != null) {
          edges.add(from.label() + " -> " + target.label());
        }
      }
    }
    edges.sort(null);
    String primary = sbom.findPrimary().map(Component::label).orElse("");
    return List.of(components, edges, primary, sbom.info().vulnerabilities() > 0);
  }
}
