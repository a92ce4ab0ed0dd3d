package dev.craft.core;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/** The editable fields of a release, validated. */
public record ReleaseDraft(
    String version,
    @Nullable LocalDate releaseDate,
    @Nullable LocalDate placedOnMarket,
    ReleaseStatus status) {

  public ReleaseDraft {
    version = Text.required("version", version, 100);
    if (version.chars().anyMatch(Character::isWhitespace)) {
      throw new InvalidInputException("version: must not contain white space");
    }
    if (releaseDate != null && placedOnMarket != null && placedOnMarket.isBefore(releaseDate)) {
      throw new InvalidInputException("placedOnMarket: must not be before releaseDate");
    }
  }

  public static ReleaseDraft of(
      @Nullable String version,
      @Nullable String releaseDate,
      @Nullable String placedOnMarket,
      @Nullable String status) {
    return new ReleaseDraft(
        version == null ? "" : version,
        date("releaseDate", releaseDate),
        date("placedOnMarket", placedOnMarket),
        WireEnum.parse(
            ReleaseStatus.class,
            "status",
            status == null || status.isBlank() ? "planned" : status.strip()));
  }

  private static @Nullable LocalDate date(String field, @Nullable String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(field + ": not a date in the form YYYY-MM-DD: " + value);
    }
  }
}
