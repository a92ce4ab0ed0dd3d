package dev.craft.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.craft.core.Art14Kind;
import dev.craft.core.CaseDraft;
import dev.craft.core.InvalidInputException;
import dev.craft.core.MemberState;
import dev.craft.core.RoutingFacts;
import dev.craft.core.SrpField;
import dev.craft.core.SrpFields;
import dev.craft.core.SrpFormat;
import dev.craft.store.CraftJson;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Turns the Art. 14 pages' form posts into the same JSON bodies the API takes, so both share one
 * set of rules ({@link CaseJson}). Times come from datetime-local inputs in the case's zone.
 */
public final class CaseForms {
  public static final List<String> ROUTING =
      List.of(
          "decisionsTakenIn",
          "mostEmployeesIn",
          "authorisedRepresentativeIn",
          "importerIn",
          "distributorIn",
          "mostUsersIn");

  private CaseForms() {}

  static ObjectNode newCase(Context ctx) {
    ObjectNode b = CraftJson.mapper().createObjectNode();
    ZoneId zone = CaseJson.zone(ctx.formParam("zone"));
    b.put("kind", value(ctx, "kind"));
    b.put("title", value(ctx, "title"));
    b.put("summary", value(ctx, "summary"));
    b.put("zone", zone.getId());
    putTime(b, "awareAt", ctx.formParam("awareAt"), zone);
    b.put("determination", value(ctx, "determination"));
    if (!value(ctx, "evidenceDescription").isBlank()) {
      b.putArray("evidence")
          .addObject()
          .put("description", value(ctx, "evidenceDescription"))
          .put("reference", value(ctx, "evidenceReference"));
    }
    if (!value(ctx, "signalValue").isBlank()) {
      b.putArray("signals")
          .addObject()
          .put("source", value(ctx, "signalSource"))
          .put("value", value(ctx, "signalValue"));
    }
    strings(b.putArray("severityCriteria"), ctx.formParams("severityCriteria"));
    strings(b.putArray("memberStates"), ctx.formParams("memberStates"));
    String product = value(ctx, "productId");
    if (!product.isBlank()) {
      try {
        b.putArray("products").addObject().put("productId", Long.parseLong(product));
      } catch (NumberFormatException e) {
        throw new InvalidInputException("productId: must be a product id");
      }
    }
    b.put("manufacturer", value(ctx, "manufacturer"));
    b.put(
        "enterpriseSize",
        ctx.formParam("enterpriseSize") == null ? "unknown" : value(ctx, "enterpriseSize"));
    return b;
  }

  static ObjectNode facts(Context ctx, CaseDraft c) {
    ObjectNode b = CraftJson.mapper().createObjectNode();
    if (c.kind() == Art14Kind.VULNERABILITY) {
      putTime(b, "measureAvailableAt", ctx.formParam("measureAvailableAt"), c.zone());
      strings(b.putArray("pecGrounds"), ctx.formParams("pecGrounds"));
    } else {
      putTime(b, "occurredAt", ctx.formParam("occurredAt"), c.zone());
    }
    strings(b.putArray("memberStates"), ctx.formParams("memberStates"));
    b.put("enterpriseSize", value(ctx, "enterpriseSize"));
    b.put("manufacturer", value(ctx, "manufacturer"));
    b.put("delayRequested", "on".equals(ctx.formParam("delayRequested")));
    b.put("status", value(ctx, "status"));
    ObjectNode routing = b.putObject("routing");
    for (String key : ROUTING) {
      routing.put(key, value(ctx, key));
    }
    return b;
  }

  /** The content fields of the case's kind that the form sent; an empty field is cleared. */
  static ObjectNode content(Context ctx, Art14Kind kind) {
    ObjectNode b = CraftJson.mapper().createObjectNode();
    ObjectNode content = b.putObject("content");
    for (SrpField f : editable(kind)) {
      String v = ctx.formParam(f.key());
      if (v == null) {
        continue;
      }
      if (v.isBlank()) {
        content.putNull(f.key());
      } else {
        content.put(f.key(), v);
      }
    }
    if (ctx.formParam("title") != null) {
      b.put("title", value(ctx, "title"));
      b.put("summary", value(ctx, "summary"));
    }
    return b;
  }

  static ObjectNode submission(Context ctx, ZoneId zone, Instant now) {
    ObjectNode b = CraftJson.mapper().createObjectNode();
    b.put("stage", value(ctx, "stage"));
    String at = value(ctx, "submittedAt");
    if (at.isBlank()) {
      b.put("submittedAt", now.toString());
    } else {
      putTime(b, "submittedAt", at, zone);
    }
    b.put("reference", value(ctx, "reference"));
    b.put("note", value(ctx, "note"));
    String request = value(ctx, "requestId");
    if (!request.isBlank()) {
      try {
        b.put("requestId", Long.parseLong(request));
      } catch (NumberFormatException e) {
        throw new InvalidInputException("requestId: must be a request id");
      }
    }
    return b;
  }

  /** The SRP fields kept in a case's content, i.e. edited on the content form. */
  public static List<SrpField> editable(Art14Kind kind) {
    return SrpFields.of(kind).stream()
        .filter(f -> !CaseDraft.DERIVED_FIELDS.contains(f.key()))
        .filter(f -> f.format() == SrpFormat.TEXT || f.format() == SrpFormat.CHOICE)
        .toList();
  }

  /** One routing fact by its form name. */
  public static @Nullable MemberState routing(RoutingFacts r, String key) {
    return switch (key) {
      case "decisionsTakenIn" -> r.decisionsTakenIn();
      case "mostEmployeesIn" -> r.mostEmployeesIn();
      case "authorisedRepresentativeIn" -> r.authorisedRepresentativeIn();
      case "importerIn" -> r.importerIn();
      case "distributorIn" -> r.distributorIn();
      case "mostUsersIn" -> r.mostUsersIn();
      default -> throw new IllegalArgumentException(key);
    };
  }

  static Instant time(String field, String local, ZoneId zone) {
    try {
      return LocalDateTime.parse(local.strip()).atZone(zone).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(field + ": '" + local + "' is not a date and time");
    }
  }

  private static void putTime(ObjectNode b, String field, String local, ZoneId zone) {
    if (local == null || local.isBlank()) {
      b.putNull(field);
    } else {
      b.put(field, time(field, local, zone).toString());
    }
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.stream().filter(v -> !v.isBlank()).forEach(array::add);
  }

  private static String value(Context ctx, String name) {
    String v = ctx.formParam(name);
    return v == null ? "" : v;
  }
}
