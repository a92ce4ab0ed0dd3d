package dev.craft.store;

import dev.craft.core.ConflictException;
import dev.craft.core.ReleaseDraft;
import dev.craft.core.ReleaseStatus;
import java.util.List;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * The release gate of Annex I Part I (2)(a) ("made available on the market without known
 * exploitable vulnerabilities"): a release is not set to {@code released}, nor given a
 * placed-on-market date, while a finding of its current SBOM is exploitable or in KEV without a
 * recorded mitigation. The one place the rule is enforced.
 */
final class ReleaseGate {
  private ReleaseGate() {}

  static void check(Handle h, long releaseId, ReleaseDraft draft) {
    record Before(String status, boolean placed) {}
    var before =
        h.createQuery("SELECT status, placed_on_market IS NOT NULL FROM release WHERE id = :id")
            .bind("id", releaseId)
            .map((rs, ctx) -> new Before(rs.getString(1), rs.getBoolean(2)))
            .findOne();
    if (before.isEmpty()) {
      return; // the update reports the missing release
    }
    boolean releasing =
        draft.status() == ReleaseStatus.RELEASED
            && !before.get().status().equals(ReleaseStatus.RELEASED.wireName());
    boolean placing = draft.placedOnMarket() != null && !before.get().placed();
    if (!releasing && !placing) {
      return;
    }
    List<TriagedFinding> blockers = TriageQueries.blockers(h, releaseId);
    if (!blockers.isEmpty()) {
      throw new ConflictException(
          "the release cannot be placed on the market while it has known exploitable"
              + " vulnerabilities (Annex I Part I (2)(a)); blocking findings: "
              + blockers.stream().map(ReleaseGate::describe).collect(Collectors.joining("; ")));
    }
  }

  static String describe(TriagedFinding f) {
    return f.vulnerabilityId()
        + " in "
        + f.purl()
        + " (finding "
        + f.findingId()
        + ": "
        + f.blocksRelease().orElse("")
        + ")";
  }
}
