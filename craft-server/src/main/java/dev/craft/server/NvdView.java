package dev.craft.server;

import dev.craft.store.NvdStore.NvdRow;
import java.util.List;
import java.util.Map;

/** An NVD CVE as the advisory page shows it: its row and the CPE criteria parsed back from JSON. */
public record NvdView(NvdRow row, List<Map<String, Object>> cpeMatches) {
  public NvdView {
    cpeMatches = List.copyOf(cpeMatches);
  }
}
