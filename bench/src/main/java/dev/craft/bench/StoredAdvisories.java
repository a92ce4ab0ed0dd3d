package dev.craft.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.craft.engine.PackageNames;
import dev.craft.engine.ScanComponent;
import dev.craft.formats.OsvAffected;
import dev.craft.formats.OsvRecord;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Input of {@code bench/sbom-upload-stored.sh}: {@code count} advisories (the shared OSV records
 * plus renamed copies, as {@link AdvisorySets#scaled}) as COPY-ready CSV for the tables {@code
 * advisory}, {@code advisory_package} and {@code advisory_alias}, each record's raw text being
 * valid OSV JSON, and a CycloneDX SBOM of {@code components} components built like the matcher
 * benchmark's (half naming advised packages, seed 42). Usage: {@code java -cp benchmarks.jar
 * dev.craft.bench.StoredAdvisories COUNT COMPONENTS OUTDIR}.
 */
public final class StoredAdvisories {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final String FETCHED = "2026-11-29T00:00:00Z";

  private StoredAdvisories() {}

  public static void main(String[] args) throws IOException {
    int count = Integer.parseInt(args[0]);
    int components = Integer.parseInt(args[1]);
    Path out = Files.createDirectories(Path.of(args[2]));
    List<OsvRecord> real = AdvisorySets.real();
    List<OsvRecord> records = AdvisorySets.scaled(real, count);
    var trees = new ArrayList<ObjectNode>(real.size());
    for (OsvRecord r : real) {
      String raw = r.raw();
      trees.add((ObjectNode) (raw.stripLeading().startsWith("{") ? JSON : YAML).readTree(raw));
    }
    try (BufferedWriter adv = Files.newBufferedWriter(out.resolve("advisory.csv"));
        BufferedWriter pkg = Files.newBufferedWriter(out.resolve("advisory_package.csv"));
        BufferedWriter ali = Files.newBufferedWriter(out.resolve("advisory_alias.csv"))) {
      for (int i = 0; i < records.size(); i++) {
        OsvRecord r = records.get(i);
        int copy = i / real.size();
        ObjectNode tree = trees.get(i % real.size());
        String raw = JSON.writeValueAsString(copy == 0 ? tree : renamed(tree, "-syn" + copy));
        String source = r.source();
        row(adv, r.id(), source, r.modified(), r.published(), r.withdrawn(), raw, FETCHED);
        for (String key : packageKeys(r)) {
          row(pkg, r.id(), key);
        }
        for (String alias : new LinkedHashSet<>(r.aliases())) {
          if (!alias.equals(r.id())) {
            row(ali, r.id(), alias, source);
          }
        }
      }
    }
    List<ScanComponent> sbom = AdvisorySets.sbom(records, components, 42);
    Files.writeString(out.resolve("sbom.json"), cyclonedx(sbom), StandardCharsets.UTF_8);
    System.out.printf(
        "%d advisories, %d components written to %s%n", records.size(), sbom.size(), out);
  }

  /** The record's tree under a new id, aliases and package names, as {@code copyOf} renames. */
  private static ObjectNode renamed(ObjectNode tree, String suffix) {
    ObjectNode copy = tree.deepCopy();
    copy.put("id", copy.path("id").asText() + suffix);
    if (copy.get("aliases") instanceof ArrayNode aliases) {
      var renamed = JSON.createArrayNode();
      aliases.forEach(a -> renamed.add(a.asText() + suffix));
      copy.set("aliases", renamed);
    }
    if (copy.get("affected") instanceof ArrayNode affected) {
      for (JsonNode a : affected) {
        if (a.get("package") instanceof ObjectNode p) {
          p.put("name", p.path("name").asText() + suffix);
          p.remove("purl");
        }
      }
    }
    return copy;
  }

  /** As {@code AdvisoryStore.packageKeys}: the engine's key of every affected entry. */
  private static Set<String> packageKeys(OsvRecord r) {
    Set<String> keys = new LinkedHashSet<>();
    for (OsvAffected a : r.affected()) {
      PackageNames.ofOsv(a.ecosystem(), a.name()).ifPresent(k -> keys.add(k.toString()));
    }
    return keys;
  }

  private static String cyclonedx(List<ScanComponent> components) throws IOException {
    var doc = JSON.createObjectNode();
    doc.put("bomFormat", "CycloneDX").put("specVersion", "1.6").put("version", 1);
    var list = doc.putArray("components");
    int i = 0;
    for (ScanComponent c : components) {
      String purl = c.purl();
      String nameVersion = purl.substring(purl.lastIndexOf('/') + 1);
      int at = nameVersion.lastIndexOf('@');
      list.addObject()
          .put("type", "library")
          .put("bom-ref", "c" + i++)
          .put("name", at < 0 ? nameVersion : nameVersion.substring(0, at))
          .put("version", at < 0 ? "" : nameVersion.substring(at + 1))
          .put("purl", purl);
    }
    return JSON.writeValueAsString(doc);
  }

  private static void row(BufferedWriter w, String... fields) throws IOException {
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        w.write(',');
      }
      w.write('"');
      w.write(fields[i].replace("\u0000", "").replace("\"", "\"\""));
      w.write('"');
    }
    w.write('\n');
  }
}
