package dev.craft.core;

import java.util.List;

/**
 * What the manufacturer says about spreading its notification (Art. 16(2)): the sensitivity of the
 * information (SRP field 15, a content field) is kept in the case's content; here are the
 * particularly exceptional circumstances it invokes (SRP v28/v29) and whether it asks the
 * coordinator to delay dissemination on cybersecurity-related grounds, with its reason (SRP v30).
 */
public record Dissemination(List<PecGround> pecGrounds, boolean delayRequested) {
  public static final Dissemination NONE = new Dissemination(List.of(), false);

  public Dissemination {
    pecGrounds = List.copyOf(pecGrounds);
  }
}
