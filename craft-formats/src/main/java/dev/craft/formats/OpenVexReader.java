package dev.craft.formats;

import com.fasterxml.jackson.databind.JsonNode;
import dev.craft.core.InvalidInputException;
import dev.craft.core.VexDocument;
import dev.craft.core.VexJustification;
import dev.craft.core.VexProduct;
import dev.craft.core.VexStatement;
import dev.craft.core.VexStatus;
import dev.craft.core.WireEnum;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads OpenVEX 0.2.0 and the older 0.0.1 form (context {@code https://openvex.dev/ns}, where
 * vulnerabilities and products may be plain strings). A statement with several products becomes one
 * statement per product and subcomponent.
 */
final class OpenVexReader {
  /** CRAFT's kept fields at the end of {@code status_notes} ({@link VexKept}). */
  static final Pattern MARKER = Pattern.compile("(?s)^(.*?)\\n?\\[craft:vex (\\{.*\\})\\]$");

  private OpenVexReader() {}

  static VexReadResult read(JsonNode root, ReadLimits limits) {
    List<VexStatement> statements = new ArrayList<>();
    for (VexSlot s : slots(root, limits)) {
      statements.add(s.statement());
    }
    String context = Json.compact(root.get("@context"));
    String version = context.contains("v0.2.0") ? "0.2.0" : "0.0.1";
    JsonNode docVersion = root.path("version");
    return new VexReadResult(
        VexFormat.OPENVEX,
        version,
        new VexDocument(
            Json.text(root, "@id"),
            Json.text(root, "author"),
            Json.text(root, "timestamp"),
            docVersion.isMissingNode() || docVersion.isNull() ? "" : docVersion.asText(),
            statements));
  }

  /** Every statement with its index; kept fields applied unless {@code plain}. */
  static List<VexSlot> slots(JsonNode root, ReadLimits limits) {
    return slots(root, limits, false);
  }

  static List<VexSlot> slots(JsonNode root, ReadLimits limits, boolean plain) {
    JsonNode statements = root.path("statements");
    if (!statements.isArray()) {
      throw new InvalidInputException("OpenVEX: /statements is missing or not an array");
    }
    var out = new ArrayList<VexSlot>();
    for (int i = 0; i < statements.size(); i++) {
      JsonNode st = statements.get(i);
      String where = "OpenVEX /statements/" + i;
      JsonNode vuln = st.path("vulnerability");
      String id = vuln.isTextual() ? vuln.asText() : Json.text(vuln, "name");
      if (id.isBlank()) {
        throw new InvalidInputException(where + ": no vulnerability name");
      }
      List<String> aliases = vuln.isObject() ? VexKept.texts(vuln.path("aliases")) : List.of();
      VexStatus status =
          WireEnum.parse(VexStatus.class, where + "/status", Json.text(st, "status"));
      String justificationText = Json.text(st, "justification");
      VexJustification justification =
          justificationText.isEmpty()
              ? VexJustification.NONE
              : WireEnum.parse(VexJustification.class, where + "/justification", justificationText);
      String notes = Json.text(st, "status_notes");
      JsonNode kept = Json.object();
      Matcher m = MARKER.matcher(notes);
      if (m.matches()) {
        notes = m.group(1);
        kept = Json.parseKept(m.group(2));
      }
      List<VexProduct[]> targets = targets(st.path("products"));
      for (VexProduct[] t : targets) {
        var statement =
            new VexStatement(
                id,
                aliases,
                t[0],
                t[1],
                status,
                "",
                justification,
                Json.text(st, "impact_statement"),
                Json.text(st, "action_statement"),
                List.of(),
                notes,
                Json.text(st, "timestamp"),
                Json.text(st, "last_updated"));
        out.add(new VexSlot(String.valueOf(i), plain ? statement : VexKept.apply(statement, kept)));
        VexReader.checkCount(out.size(), limits);
      }
    }
    return out;
  }

  /** Product/subcomponent pairs; one pair of NONE when the statement names no product. */
  private static List<VexProduct[]> targets(JsonNode products) {
    var out = new ArrayList<VexProduct[]>();
    for (JsonNode p : products) {
      VexProduct product = product(p);
      JsonNode subs = p.path("subcomponents");
      if (subs.isArray() && !subs.isEmpty()) {
        for (JsonNode s : subs) {
          out.add(new VexProduct[] {product, product(s)});
        }
      } else {
        out.add(new VexProduct[] {product, VexProduct.NONE});
      }
    }
    if (out.isEmpty()) {
      out.add(new VexProduct[] {VexProduct.NONE, VexProduct.NONE});
    }
    return out;
  }

  /** {@code @id} is a purl, a CPE or any other IRI (then also the name); identifiers win. */
  static VexProduct product(JsonNode p) {
    String id = p.isTextual() ? p.asText() : Json.text(p, "@id");
    JsonNode identifiers = p.path("identifiers");
    String purl = Json.text(identifiers, "purl");
    String cpe = Json.text(identifiers, "cpe23");
    if (cpe.isEmpty()) {
      cpe = Json.text(identifiers, "cpe22");
    }
    if (purl.isEmpty() && id.startsWith("pkg:")) {
      purl = id;
    }
    if (cpe.isEmpty() && id.startsWith("cpe:")) {
      cpe = id;
    }
    String name = purl.isEmpty() && cpe.isEmpty() ? id : "";
    return new VexProduct(id, name, "", purl, cpe);
  }
}
