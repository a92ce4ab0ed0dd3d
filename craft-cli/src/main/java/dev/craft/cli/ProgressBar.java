package dev.craft.cli;

import java.util.Locale;

/**
 * One line of a terminal progress display, as text: pure, so that its layout is tested without a
 * terminal. With a known total it draws a bar, the percentage and the counts; without one (records
 * of a folder, which is not counted beforehand) only the count.
 */
final class ProgressBar {
  /** The narrowest bar worth drawing; below it the line shows the counts only. */
  static final int MIN_BAR = 10;

  private ProgressBar() {}

  /**
   * The line for {@code done} of {@code total} {@code unit} (total 0 or less: unknown), at most
   * {@code width} characters wide; {@code extra} (e.g. "12.5 MiB") follows the counts when it fits.
   */
  static String render(String label, long done, long total, String unit, String extra, int width) {
    if (width < 1) {
      throw new IllegalArgumentException("width must be positive, was " + width);
    }
    long shown = Math.max(0, total > 0 ? Math.min(done, total) : done);
    String counts;
    if (total > 0) {
      // The count is padded to the total's width so that the bar keeps its length.
      String all = String.format(Locale.ROOT, "%,d", total);
      String now = String.format(Locale.ROOT, "%,d", shown);
      counts = " ".repeat(all.length() - now.length()) + now + "/" + all + " " + unit;
    } else {
      counts = String.format(Locale.ROOT, "%,d %s", shown, unit);
    }
    if (unit.isEmpty()) {
      counts = extra; // a phase without counts, e.g. an upload: its size only
    } else if (!extra.isEmpty()) {
      counts = counts + ", " + extra;
    }
    String line;
    if (total > 0) {
      int percent = (int) (shown * 100 / total);
      String tail = String.format(Locale.ROOT, " %3d%% %s", percent, counts);
      int bar = width - label.length() - tail.length() - 3;
      if (bar >= MIN_BAR) {
        int filled = (int) (shown * bar / total);
        line = label + " [" + "#".repeat(filled) + "-".repeat(bar - filled) + "]" + tail;
      } else {
        line = label + tail;
      }
    } else {
      line = counts.isEmpty() ? label : label + " " + counts;
    }
    return line.length() <= width ? line : line.substring(0, width);
  }

  /** A byte count for people: B, KiB, MiB or GiB with one decimal. */
  static String bytes(long n) {
    if (n < 1024) {
      return n + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double v = n;
    int i = -1;
    while (v >= 1024 && i < units.length - 1) {
      v /= 1024;
      i++;
    }
    return String.format(Locale.ROOT, "%.1f %s", v, units[i]);
  }
}
