package dev.craft.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.craft.core.Classification;
import dev.craft.core.ConformityModule;
import dev.craft.core.DocumentationFacts;
import dev.craft.core.InvalidInputException;
import dev.craft.core.ProductClass;
import dev.craft.core.RequirementAssessment;
import dev.craft.core.RiskAssessmentDraft;
import dev.craft.core.ScopeExemption;
import dev.craft.core.ScopeFacts;
import dev.craft.core.StandardsApplied;
import dev.craft.core.SubstantialModification;
import dev.craft.core.SupportPlan;
import dev.craft.core.WireEnum;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Reads the compliance records from loosely typed input: JSON bodies ({@link #json}) and HTML forms
 * (a field lookup). One parser for both, so the API and the UI validate alike.
 */
final class ComplianceInput {
  static final int MAX_REQUIREMENTS = 50;

  private ComplianceInput() {}

  /** A field lookup over a JSON object: strings as they are, booleans and numbers as text. */
  static Function<String, @Nullable String> json(ObjectNode body) {
    return field -> {
      JsonNode v = body.get(field);
      if (v == null || v.isNull()) {
        return null;
      }
      if (v.isContainerNode()) {
        throw new InvalidInputException(field + ": must be a single value");
      }
      return v.asText();
    };
  }

  static ScopeFacts scope(Function<String, @Nullable String> f) {
    return new ScopeFacts(
        bool(f, "dataConnection"),
        WireEnum.parse(ScopeExemption.class, "exemption", or(f.apply("exemption"), "none")),
        bool(f, "freeOpenSource"),
        bool(f, "commercialActivity"),
        date(f, "placedOnMarket"),
        bool(f, "substantiallyModified"),
        or(f.apply("rationale"), ""));
  }

  static Classification classification(Function<String, @Nullable String> f) {
    String module = or(f.apply("chosenModule"), "");
    return new Classification(
        ProductClass.parse(or(f.apply("productClass"), "default")),
        f.apply("annexCategory"),
        or(f.apply("coreFunctionality"), ""),
        StandardsApplied.parse(or(f.apply("standards"), "none")),
        or(f.apply("standardsReferences"), ""),
        bool(f, "euccRequired"),
        bool(f, "fossPublicDocs"),
        module.isBlank() ? null : module(module),
        or(f.apply("notifiedBody"), ""));
  }

  static SupportPlan supportPlan(Function<String, @Nullable String> f) {
    LocalDate start = date(f, "start");
    LocalDate end = date(f, "end");
    if (start == null || end == null) {
      throw new InvalidInputException(
          (start == null ? "start" : "end") + ": required, in the form YYYY-MM-DD");
    }
    String months = or(f.apply("expectedUseMonths"), "");
    int expected;
    try {
      expected = Integer.parseInt(months.strip());
    } catch (NumberFormatException e) {
      throw new InvalidInputException("expectedUseMonths: must be a whole number of months");
    }
    return new SupportPlan(
        start,
        end,
        expected,
        or(f.apply("factors"), ""),
        or(f.apply("shortPeriodJustification"), ""));
  }

  static DocumentationFacts documentation(Function<String, @Nullable String> f) {
    String[] v =
        DocumentationFacts.FIELDS.stream().map(n -> or(f.apply(n), "")).toArray(String[]::new);
    return new DocumentationFacts(
        v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12], v[13],
        v[14], v[15], v[16], v[17], v[18], v[19]);
  }

  /** The header fields of a risk assessment, plus its requirement decisions. */
  static RiskAssessmentDraft riskAssessment(
      Function<String, @Nullable String> f, List<RequirementAssessment> requirements) {
    return new RiskAssessmentDraft(
        or(f.apply("intendedPurpose"), ""),
        or(f.apply("foreseeableUse"), ""),
        or(f.apply("foreseeableMisuse"), ""),
        or(f.apply("operationalEnvironment"), ""),
        or(f.apply("assets"), ""),
        or(f.apply("threats"), ""),
        requirements,
        WireEnum.parse(
            SubstantialModification.class,
            "substantialModification",
            or(f.apply("substantialModification"), "not_assessed")),
        or(f.apply("substantialModificationRationale"), ""));
  }

  /**
   * {@code requirements}: an array of {requirementId, applicable, howMet, justification, evidence}.
   */
  static List<RequirementAssessment> requirements(ObjectNode body) {
    JsonNode list = body.get("requirements");
    if (list == null || list.isNull()) {
      return List.of();
    }
    if (!list.isArray() || list.size() > MAX_REQUIREMENTS) {
      throw new InvalidInputException(
          "requirements: must be an array of at most " + MAX_REQUIREMENTS + " objects");
    }
    List<RequirementAssessment> out = new ArrayList<>();
    for (JsonNode item : list) {
      if (!item.isObject()) {
        throw new InvalidInputException("requirements: every item must be an object");
      }
      var f = json((ObjectNode) item);
      List<String> evidence = new ArrayList<>();
      JsonNode links = item.get("evidence");
      if (links != null && !links.isNull()) {
        if (!links.isArray()) {
          throw new InvalidInputException("requirements[].evidence: must be an array of strings");
        }
        for (JsonNode l : links) {
          if (!l.isTextual()) {
            throw new InvalidInputException("requirements[].evidence: must be an array of strings");
          }
          evidence.add(l.textValue());
        }
      }
      out.add(
          new RequirementAssessment(
              or(f.apply("requirementId"), ""),
              bool(f, "applicable"),
              or(f.apply("howMet"), ""),
              or(f.apply("justification"), ""),
              evidence));
    }
    return out;
  }

  static ConformityModule module(String id) {
    for (ConformityModule m : ConformityModule.values()) {
      if (m.id().equalsIgnoreCase(id.strip())) {
        return m;
      }
    }
    throw new InvalidInputException(
        "chosenModule: unknown procedure '" + id + "' (expected A, B+C, H or EUCC)");
  }

  static boolean bool(Function<String, @Nullable String> f, String field) {
    String v = f.apply(field);
    if (v == null || v.isBlank() || v.equals("false")) {
      return false;
    }
    if (v.equals("true") || v.equals("on")) {
      return true;
    }
    throw new InvalidInputException(field + ": must be true or false");
  }

  static @Nullable LocalDate date(Function<String, @Nullable String> f, String field) {
    String v = f.apply(field);
    if (v == null || v.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(v.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(field + ": not a date in the form YYYY-MM-DD: " + v);
    }
  }

  static String or(@Nullable String v, String fallback) {
    return v == null ? fallback : v;
  }
}
