package dev.craft.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.craft.store.CraftJson;
import dev.craft.store.FindingStore.FindingRow;
import java.time.LocalDate;
import java.util.Optional;

/** Short texts for the pages: a finding's evidence in one line, a support period's state. */
public final class FindingText {
  private FindingText() {}

  /**
   * The evidence as a sentence: the affected entry and what decided it, or why it could not be
   * decided.
   */
  public static String evidence(FindingRow f) {
    JsonNode e;
    try {
      e = CraftJson.mapper().readTree(f.evidence());
    } catch (JsonProcessingException ex) {
      return "";
    }
    if (e.path("source").asText().equals("cvd")) {
      String report = e.path("cvdReport").asText();
      return (report.isEmpty() ? "recorded by hand" : "recorded from CVD report #" + report)
          + "; "
          + e.path("reason").asText();
    }
    String pkg = e.path("ecosystem").asText() + " " + e.path("packageName").asText();
    String range = e.path("range").asText();
    String compared = e.path("compared").asText();
    String reason = e.path("reason").asText();
    StringBuilder out = new StringBuilder(pkg);
    if (!range.isEmpty()) {
      out.append("; ").append(range);
    }
    if (!compared.isEmpty()) {
      out.append("; ").append(compared);
    }
    if (!reason.isEmpty()) {
      out.append("; ").append(reason);
    }
    return out.toString();
  }

  public static String support(Optional<LocalDate> end, boolean releaseEnded) {
    if (releaseEnded) {
      return "ended: the release is marked end of support (out of support)";
    }
    if (end.isEmpty()) {
      return "unknown (no support period recorded)";
    }
    return end.get().isBefore(LocalDate.now())
        ? "ended on " + end.get() + " (out of support)"
        : "until " + end.get();
  }
}
