package dev.craft.formats;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Set;

/**
 * CSAF 2.0 mandatory tests on {@code /document}: 6.1.12 (language), 6.1.15 (translator), 6.1.28
 * (translation). 6.1.12 checks the subtags against the JDK's ISO 639 languages and ISO 3166
 * regions, not the whole IANA subtag registry (docs/csaf.md).
 */
final class CsafDocumentChecks {
  private static final Set<String> LANGUAGES = languages();
  private static final Set<String> REGIONS = Set.of(Locale.getISOCountries());

  private CsafDocumentChecks() {}

  static void check(JsonNode root, List<CsafProblem> out) {
    JsonNode doc = root.path("document");
    for (String field : List.of("lang", "source_lang")) {
      String tag = Json.text(doc, field);
      if (!tag.isEmpty() && !validLanguage(tag)) {
        out.add(
            new CsafProblem(
                "6.1.12", "/document/" + field, "'" + tag + "' is not a known language"));
      }
    }
    if ("translator".equals(Json.text(doc.path("publisher"), "category"))
        && Json.text(doc, "source_lang").isEmpty()) {
      out.add(
          new CsafProblem(
              "6.1.15", "/document/source_lang", "a translator must give the source language"));
    }
    String lang = Json.text(doc, "lang");
    if (!lang.isEmpty() && lang.equalsIgnoreCase(Json.text(doc, "source_lang"))) {
      out.add(
          new CsafProblem(
              "6.1.28", "/document/source_lang", "the source language is the document language"));
    }
  }

  static boolean validLanguage(String tag) {
    String[] parts = tag.split("-");
    String primary = parts[0].toLowerCase(Locale.ROOT);
    if (primary.equals("x") || primary.equals("i")) {
      return parts.length > 1; // private use and grandfathered tags
    }
    if (!LANGUAGES.contains(primary)) {
      return false;
    }
    for (int i = 1; i < parts.length; i++) {
      String p = parts[i];
      if (p.length() == 1) {
        return true; // an extension or private use section follows: not checked
      }
      if (p.length() == 2 && !REGIONS.contains(p.toUpperCase(Locale.ROOT))) {
        return false;
      }
    }
    return true;
  }

  private static Set<String> languages() {
    var out = new HashSet<String>(Arrays.asList(Locale.getISOLanguages()));
    for (String two : Locale.getISOLanguages()) {
      try {
        out.add(Locale.of(two).getISO3Language());
      } catch (MissingResourceException e) {
        // no three-letter code known for it
      }
    }
    return Set.copyOf(out);
  }
}
