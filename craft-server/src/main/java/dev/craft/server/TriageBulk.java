package dev.craft.server;

import dev.craft.core.Actor;
import dev.craft.core.InvalidInputException;
import dev.craft.core.NotFoundException;
import dev.craft.store.TriageInput;
import dev.craft.store.TriageQueries;
import dev.craft.store.TriageStore;
import dev.craft.store.TriagedFinding;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * One decision applied to several findings of a product, for the triage page's bulk actions and its
 * API. Every finding is looked up before the first is decided, so an unknown or foreign id changes
 * nothing; the decision itself is validated by {@link TriageInput} before any is written. Each
 * finding then gets its own decision, history entry and audit entry, as if decided alone.
 */
final class TriageBulk {
  static final int MAX = 500;

  private final TriageStore store;
  private final TriageQueries queries;

  TriageBulk(TriageStore store, TriageQueries queries) {
    this.store = store;
    this.queries = queries;
  }

  List<TriagedFinding> decide(Actor actor, long productId, List<Long> findingIds, TriageInput in) {
    var ids = new LinkedHashSet<>(findingIds);
    if (ids.isEmpty() || ids.size() > MAX) {
      throw new InvalidInputException("select 1 to " + MAX + " findings");
    }
    for (long id : ids) {
      queries.finding(actor, productId, id).orElseThrow(() -> new NotFoundException("finding", id));
    }
    List<TriagedFinding> out = new ArrayList<>();
    for (long id : ids) {
      store.decide(actor, productId, id, in);
    }
    for (long id : ids) {
      out.add(queries.finding(actor, productId, id).orElseThrow());
    }
    return out;
  }
}
