package dev.craft.core;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** What a submission to the single reporting platform was: one of the Art. 14 stages. */
public enum SubmissionStage implements WireEnum {
  EARLY_WARNING(Art14Stage.EARLY_WARNING),
  NOTIFICATION(Art14Stage.NOTIFICATION),
  /** An intermediate report on relevant status updates, when the coordinator asks (Art. 14(6)). */
  INTERMEDIATE(null),
  FINAL_REPORT(Art14Stage.FINAL_REPORT);

  private final @Nullable Art14Stage clockStage;

  SubmissionStage(@Nullable Art14Stage clockStage) {
    this.clockStage = clockStage;
  }

  /** The clock stage this submission satisfies; empty for intermediate reports. */
  public Optional<Art14Stage> clockStage() {
    return Optional.ofNullable(clockStage);
  }

  public String label() {
    return clockStage == null ? "intermediate report" : clockStage.label();
  }

  public static SubmissionStage of(Art14Stage stage) {
    for (SubmissionStage s : values()) {
      if (s.clockStage == stage) {
        return s;
      }
    }
    throw new IllegalArgumentException(stage.name());
  }

  public static SubmissionStage fromWire(String value) {
    return WireEnum.parse(SubmissionStage.class, "stage", value);
  }
}
