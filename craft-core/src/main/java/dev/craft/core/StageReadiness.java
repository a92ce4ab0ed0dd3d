package dev.craft.core;

import java.util.List;

/** What one stage still needs before it can be submitted. */
public record StageReadiness(SubmissionStage stage, List<FieldIssue> issues) {
  public StageReadiness {
    issues = List.copyOf(issues);
  }

  /** No blocking issue: the SRP form can be filled in completely. */
  public boolean ready() {
    return issues.stream().noneMatch(FieldIssue::blocking);
  }

  public List<FieldIssue> blocking() {
    return issues.stream().filter(FieldIssue::blocking).toList();
  }

  public List<FieldIssue> warnings() {
    return issues.stream().filter(i -> !i.blocking()).toList();
  }
}
