package dev.craft.formats;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.craft.core.VexDocument;
import dev.craft.core.VexJustification;
import dev.craft.core.VexResponse;
import dev.craft.core.VexStatement;
import dev.craft.core.VexStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes CSAF 2.0 with the profile VEX ({@code csaf_vex}): one vulnerability per id, products in
 * the product status lists, justifications as flags, impact statements as threats of category
 * {@code impact}, responses and action statements as remediations. What CSAF cannot say is kept in
 * a vulnerability note titled {@code craft:vex} ({@link VexKept}), per product id. The output
 * passes CRAFT's CSAF validator: a not-affected product without justification or impact statement
 * gets a placeholder impact threat, an affected one without action a {@code none_available}
 * remediation (profile tests 6.1.27.9 and 6.1.27.10).
 */
final class CsafVexWriter {
  static final String NO_IMPACT = "No impact statement was given.";
  static final String NO_ACTION = "No action statement was given.";

  private CsafVexWriter() {}

  static byte[] write(VexDocument doc) {
    var slots = new ArrayList<String>();
    ObjectNode plain = build(doc, Map.of(), slots);
    var back = new HashMap<String, VexStatement>();
    for (VexSlot s : CsafVexReader.slots(plain, ReadLimits.DEFAULT, true)) {
      back.putIfAbsent(s.slot(), s.statement());
    }
    var kept = new HashMap<String, ObjectNode>();
    for (int i = 0; i < doc.statements().size(); i++) {
      VexStatement read = back.get(slots.get(i));
      ObjectNode diff =
          read == null
              ? VexKept.toJson(doc.statements().get(i))
              : VexKept.diff(doc.statements().get(i), read);
      if (!diff.isEmpty()) {
        kept.put(slots.get(i), diff);
      }
    }
    return VexJson.pretty(kept.isEmpty() ? plain : build(doc, kept, new ArrayList<>()));
  }

  private static ObjectNode build(
      VexDocument doc, Map<String, ObjectNode> kept, List<String> slots) {
    var byVuln = new LinkedHashMap<String, List<Integer>>();
    for (int i = 0; i < doc.statements().size(); i++) {
      byVuln
          .computeIfAbsent(doc.statements().get(i).vulnerability(), k -> new ArrayList<>())
          .add(i);
    }
    String[] slotOf = new String[doc.statements().size()];
    var products = new CsafVexProducts();
    ArrayNode vulns = Json.NODES.arrayNode();
    int vi = 0;
    for (var e : byVuln.entrySet()) {
      var occurrences = new HashMap<List<Object>, Integer>();
      var pids = new ArrayList<String>();
      for (int i : e.getValue()) {
        VexStatement s = doc.statements().get(i);
        int n = occurrences.merge(List.of(s.product(), s.subcomponent()), 1, Integer::sum) - 1;
        String pid = products.id(s.product(), s.subcomponent(), n);
        pids.add(pid);
        slotOf[i] = vi + "/" + pid;
      }
      vulns.add(vulnerability(doc, e.getKey(), e.getValue(), pids, vi, kept));
      vi++;
    }
    slots.addAll(List.of(slotOf));
    ObjectNode root = Json.object();
    root.set("document", document(doc));
    root.set("product_tree", products.tree());
    root.set("vulnerabilities", vulns);
    return root;
  }

  private static ObjectNode vulnerability(
      VexDocument doc,
      String id,
      List<Integer> indexes,
      List<String> pids,
      int vi,
      Map<String, ObjectNode> kept) {
    ObjectNode v = Json.object();
    var aliases = new LinkedHashSet<String>();
    indexes.forEach(i -> aliases.addAll(doc.statements().get(i).aliases()));
    aliases.remove(id);
    boolean cve = id.matches("CVE-[0-9]{4}-[0-9]{4,}");
    if (cve) {
      v.put("cve", id);
    }
    if (!cve || !aliases.isEmpty()) {
      ArrayNode ids = v.putArray("ids");
      if (!cve) {
        ids.addObject().put("system_name", system(id)).put("text", id);
      }
      aliases.forEach(a -> ids.addObject().put("system_name", system(a)).put("text", a));
    }
    ArrayNode notes = v.putArray("notes");
    notes
        .addObject()
        .put("category", "description")
        .put("title", "Vulnerability")
        .put("text", "VEX statements about " + id + ".");
    ObjectNode keptHere = Json.object();
    for (String pid : pids) {
      ObjectNode k = kept.get(vi + "/" + pid);
      if (k != null) {
        keptHere.set(pid, k);
      }
    }
    if (!keptHere.isEmpty()) {
      notes
          .addObject()
          .put("category", "other")
          .put("title", VexKept.NAME)
          .put("text", Json.compact(keptHere));
    }
    ObjectNode status = v.putObject("product_status");
    var flags = new LinkedHashMap<String, List<String>>();
    var threats = new LinkedHashMap<String, List<String>>();
    var remediations = new LinkedHashMap<List<String>, List<String>>();
    for (int k = 0; k < indexes.size(); k++) {
      VexStatement s = doc.statements().get(indexes.get(k));
      String pid = pids.get(k);
      status.withArray(list(s)).add(pid);
      if (s.justification() != VexJustification.NONE) {
        flags
            .computeIfAbsent(s.justification().toOpenVex().wireName(), x -> new ArrayList<>())
            .add(pid);
      }
      String impact = s.impact();
      if (impact.isEmpty()
          && s.status() == VexStatus.NOT_AFFECTED
          && s.justification() == VexJustification.NONE) {
        impact = NO_IMPACT;
      }
      if (!impact.isEmpty()) {
        threats.computeIfAbsent(impact, x -> new ArrayList<>()).add(pid);
      }
      for (String category : categories(s)) {
        String details = s.action().isEmpty() ? NO_ACTION : s.action();
        remediations.computeIfAbsent(List.of(category, details), x -> new ArrayList<>()).add(pid);
      }
    }
    if (!flags.isEmpty()) {
      ArrayNode a = v.putArray("flags");
      flags.forEach((label, ids) -> ids(a.addObject().put("label", label), ids));
    }
    if (!remediations.isEmpty()) {
      ArrayNode a = v.putArray("remediations");
      remediations.forEach(
          (key, ids) ->
              ids(a.addObject().put("category", key.get(0)).put("details", key.get(1)), ids));
    }
    if (!threats.isEmpty()) {
      ArrayNode a = v.putArray("threats");
      threats.forEach(
          (details, ids) ->
              ids(a.addObject().put("category", "impact").put("details", details), ids));
    }
    return v;
  }

  private static void ids(ObjectNode o, List<String> ids) {
    ArrayNode a = o.putArray("product_ids");
    new LinkedHashSet<>(ids).forEach(a::add);
  }

  /**
   * The profile VEX needs one of the four VEX lists per vulnerability (6.1.27.7), so the finer CSAF
   * lists ({@code first_affected}…) are not written; the state detail is kept instead.
   */
  private static String list(VexStatement s) {
    return switch (s.status()) {
      case NOT_AFFECTED -> "known_not_affected";
      case AFFECTED -> "known_affected";
      case FIXED -> "fixed";
      case UNDER_INVESTIGATION -> "under_investigation";
    };
  }

  /** Remediation categories: the responses in CSAF terms, or one default when needed. */
  private static List<String> categories(VexStatement s) {
    var out = new LinkedHashSet<String>();
    s.responses().forEach(r -> out.add(r.toCsaf().wireName()));
    if (out.isEmpty() && (!s.action().isEmpty() || s.status() == VexStatus.AFFECTED)) {
      out.add(
          (s.status() == VexStatus.FIXED ? VexResponse.VENDOR_FIX : VexResponse.NONE_AVAILABLE)
              .wireName());
    }
    return List.copyOf(out);
  }

  private static String system(String id) {
    int dash = id.indexOf('-');
    return dash > 0 ? id.substring(0, dash) : "alias";
  }

  private static ObjectNode document(VexDocument doc) {
    String date = date(doc);
    String trackingId =
        doc.id().isBlank()
            ? "CRAFT-VEX-" + UUID.nameUUIDFromBytes(date.getBytes(StandardCharsets.UTF_8))
            : doc.id().strip();
    ObjectNode d = Json.object();
    d.put("category", "csaf_vex");
    d.put("csaf_version", "2.0");
    ObjectNode publisher = d.putObject("publisher");
    publisher.put("category", "vendor");
    publisher.put("name", doc.author().isBlank() ? "Unknown" : doc.author().strip());
    publisher.put(
        "namespace", doc.author().startsWith("https://") ? doc.author() : "https://craft.invalid");
    d.put("title", "VEX " + trackingId);
    ObjectNode tracking = d.putObject("tracking");
    tracking.put("current_release_date", date);
    tracking.put("id", trackingId);
    tracking.put("initial_release_date", date);
    tracking
        .putArray("revision_history")
        .addObject()
        .put("date", date)
        .put("number", "1")
        .put("summary", "Initial version.");
    tracking.put("status", "final");
    tracking.put("version", "1");
    return d;
  }

  /** The document's time, else the first statement's, else now (CSAF requires one). */
  private static String date(VexDocument doc) {
    var candidates = new ArrayList<String>();
    candidates.add(doc.timestamp());
    doc.statements().forEach(s -> candidates.add(s.timestamp()));
    for (String c : candidates) {
      try {
        OffsetDateTime.parse(c);
        return c;
      } catch (DateTimeParseException e) {
        // try the next one
      }
    }
    return Instant.now().toString();
  }
}
