package dev.craft.formats;

import java.util.List;

/**
 * EUVD records read from one response or file.
 *
 * @param total the {@code total} of a search response (all pages), or the number of records read
 */
public record EuvdPage(int total, List<EuvdRecord> records) {
  public EuvdPage {
    records = List.copyOf(records);
  }
}
