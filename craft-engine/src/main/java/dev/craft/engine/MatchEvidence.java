package dev.craft.engine;

import java.util.Objects;

/**
 * Why a finding was made: the advisory record and file, the {@code affected[]} entry, and either
 * the {@code versions[]} entry or the range that matched (or could not be evaluated), with the
 * comparator and the versions compared.
 *
 * @param affectedIndex index of the entry in the record's {@code affected[]}
 * @param match {@code versions} (listed explicitly), {@code range}, or {@code none} for an
 *     indeterminate finding that no single range explains
 * @param rangeIndex index of the range in the entry's {@code ranges[]}, -1 if not a range
 * @param range the range as text ({@code SEMVER: introduced 0, fixed 1.6.0}), empty if not a range
 * @param comparator the version scheme used ({@code pypi}, {@code golang}…), empty if none
 * @param version the component version compared
 * @param compared the bounds that decided it ({@code introduced 0 <= 1.5.0 < fixed 1.6.0}), or the
 *     list entry
 * @param reason for an indeterminate finding, why no answer could be given; empty otherwise
 */
public record MatchEvidence(
    String source,
    String record,
    int affectedIndex,
    String ecosystem,
    String packageName,
    String match,
    int rangeIndex,
    String range,
    String comparator,
    String version,
    String compared,
    String reason) {
  public MatchEvidence {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(record, "record");
    Objects.requireNonNull(ecosystem, "ecosystem");
    Objects.requireNonNull(packageName, "packageName");
    Objects.requireNonNull(match, "match");
    Objects.requireNonNull(range, "range");
    Objects.requireNonNull(comparator, "comparator");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(compared, "compared");
    Objects.requireNonNull(reason, "reason");
  }
}
