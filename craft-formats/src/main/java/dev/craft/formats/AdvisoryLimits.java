package dev.craft.formats;

import dev.craft.core.InvalidInputException;

/**
 * Bounds on advisory input, so that a broken or hostile file or archive fails with a clear error
 * instead of exhausting memory.
 *
 * @param maxRecordBytes largest single record file or archive entry (default 8 MiB; the largest
 *     real OSV records are a few hundred KiB)
 * @param maxTotalBytes most bytes read from one archive or folder, uncompressed (default 8 GiB)
 * @param maxRecords most records read from one path (default 2,000,000)
 * @param maxDepth deepest nesting of objects and arrays in a record
 * @param maxLineBytes longest line of a CSV file (KEV, EPSS)
 */
public record AdvisoryLimits(
    long maxRecordBytes, long maxTotalBytes, int maxRecords, int maxDepth, int maxLineBytes) {
  public static final AdvisoryLimits DEFAULT =
      new AdvisoryLimits(8L << 20, 8L << 30, 2_000_000, 64, 1 << 20);

  public AdvisoryLimits {
    if (maxRecordBytes <= 0
        || maxTotalBytes <= 0
        || maxRecords <= 0
        || maxDepth <= 0
        || maxLineBytes <= 0) {
      throw new InvalidInputException("advisory limits must be positive");
    }
  }

  public AdvisoryLimits withMaxRecordBytes(long bytes) {
    return new AdvisoryLimits(bytes, maxTotalBytes, maxRecords, maxDepth, maxLineBytes);
  }

  public AdvisoryLimits withMaxRecords(int records) {
    return new AdvisoryLimits(maxRecordBytes, maxTotalBytes, records, maxDepth, maxLineBytes);
  }

  public AdvisoryLimits withMaxTotalBytes(long bytes) {
    return new AdvisoryLimits(maxRecordBytes, bytes, maxRecords, maxDepth, maxLineBytes);
  }
}
