package dev.craft.formats;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * CSAF 2.0 mandatory tests on {@code /document/tracking}: 6.1.14 (sorted revision history), 6.1.16
 * (latest document version), 6.1.17 (status draft), 6.1.18 (released revision history), 6.1.19
 * (pre-release revisions), 6.1.20 (non-draft version), 6.1.21 (missing revision), 6.1.22 (revision
 * defined twice), 6.1.30 (mixed integer and semantic versioning).
 */
final class CsafTrackingChecks {
  private static final String HISTORY = "/document/tracking/revision_history";

  private CsafTrackingChecks() {}

  /** One revision history item that parsed. */
  private record Item(int index, OffsetDateTime date, CsafVersionNumber number) {}

  static void check(JsonNode root, List<CsafProblem> out) {
    JsonNode tracking = root.path("document").path("tracking");
    String status = Json.text(tracking, "status");
    boolean released = status.equals("final") || status.equals("interim");
    Optional<CsafVersionNumber> version = CsafVersionNumber.parse(Json.text(tracking, "version"));
    JsonNode history = tracking.path("revision_history");
    var items = new ArrayList<Item>();
    Set<String> numbers = new HashSet<>();
    boolean anyInteger = version.map(CsafVersionNumber::integer).orElse(false);
    boolean anySemver = version.map(v -> !v.integer()).orElse(false);
    for (int i = 0; i < history.size(); i++) {
      String text = Json.text(history.get(i), "number");
      String path = HISTORY + "/" + i + "/number";
      Optional<CsafVersionNumber> n = CsafVersionNumber.parse(text);
      if (n.isEmpty()) {
        continue;
      }
      anyInteger |= n.get().integer();
      anySemver |= !n.get().integer();
      String key = n.get().integer() + "/" + text.replaceFirst("\\+.*$", "");
      if (!numbers.add(key)) {
        out.add(new CsafProblem("6.1.22", path, "revision " + text + " is listed more than once"));
      }
      if (released && n.get().isZero()) {
        out.add(
            new CsafProblem("6.1.18", path, "a " + status + " document lists revision " + text));
      }
      if (n.get().isPrerelease()) {
        out.add(new CsafProblem("6.1.19", path, "revision " + text + " is a pre-release"));
      }
      int index = i;
      date(Json.text(history.get(i), "date"))
          .ifPresent(d -> items.add(new Item(index, d, n.get())));
    }
    if (anyInteger && anySemver) {
      out.add(
          new CsafProblem(
              "6.1.30", "/document/tracking", "integer and semantic versioning are mixed"));
    }
    if (version.isPresent()) {
      CsafVersionNumber v = version.get();
      if (!status.equals("draft") && (v.isZero() || v.isPrerelease())) {
        out.add(
            new CsafProblem(
                "6.1.17",
                "/document/tracking/status",
                "version " + Json.text(tracking, "version") + " requires status draft"));
      }
      if (released && v.isPrerelease()) {
        out.add(
            new CsafProblem(
                "6.1.20",
                "/document/tracking/version",
                "a " + status + " document has a pre-release version"));
      }
    }
    if (items.isEmpty() || anyInteger && anySemver) {
      return;
    }
    // Stable sort by date: items with equal dates keep their order in the document.
    items.sort(Comparator.comparing(Item::date, Comparator.comparing(OffsetDateTime::toInstant)));
    for (int k = 1; k < items.size(); k++) {
      if (items.get(k).number().compareTo(items.get(k - 1).number()) < 0) {
        out.add(
            new CsafProblem(
                "6.1.14", HISTORY, "sorted by date, the revision numbers are not ascending"));
        break;
      }
    }
    CsafVersionNumber last = items.get(items.size() - 1).number();
    if (version.isPresent()) {
      CsafVersionNumber v = version.get();
      boolean draft = status.equals("draft");
      CsafVersionNumber a = draft ? v.withoutPrerelease() : v;
      CsafVersionNumber b = draft ? last.withoutPrerelease() : last;
      if (!a.sameAs(b)) {
        out.add(
            new CsafProblem(
                "6.1.16",
                "/document/tracking/version",
                "the version is not the number of the latest revision"));
      }
    }
    missing(items, out);
  }

  /** 6.1.21: starting at 0 or 1, no (major) number is skipped when sorted by date. */
  private static void missing(List<Item> items, List<CsafProblem> out) {
    BigInteger first = items.get(0).number().major();
    if (first.compareTo(BigInteger.ONE) > 0) {
      out.add(new CsafProblem("6.1.21", HISTORY, "the first revision is neither 0 nor 1"));
      return;
    }
    for (int k = 1; k < items.size(); k++) {
      BigInteger step = items.get(k).number().major().subtract(items.get(k - 1).number().major());
      if (step.compareTo(BigInteger.ONE) > 0) {
        out.add(
            new CsafProblem(
                "6.1.21",
                HISTORY + "/" + items.get(k).index(),
                "a revision before " + items.get(k).number().major() + " is missing"));
        return;
      }
    }
  }

  private static Optional<OffsetDateTime> date(String text) {
    try {
      return Optional.of(OffsetDateTime.parse(text));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
