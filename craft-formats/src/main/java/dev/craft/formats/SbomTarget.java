package dev.craft.formats;

import dev.craft.core.InvalidInputException;
import dev.craft.core.SbomFormat;
import java.util.Arrays;
import java.util.List;

/** What {@link SbomWriter} can produce. */
public enum SbomTarget {
  CYCLONEDX_1_6("cyclonedx-1.6", SbomFormat.CYCLONEDX, "1.6"),
  CYCLONEDX_1_7("cyclonedx-1.7", SbomFormat.CYCLONEDX, "1.7"),
  SPDX_2_3("spdx-2.3", SbomFormat.SPDX, "2.3"),
  SPDX_3_0_1("spdx-3.0.1", SbomFormat.SPDX, "3.0.1");

  private final String id;
  private final SbomFormat format;
  private final String version;

  SbomTarget(String id, SbomFormat format, String version) {
    this.id = id;
    this.format = format;
    this.version = version;
  }

  public String id() {
    return id;
  }

  public SbomFormat format() {
    return format;
  }

  public String version() {
    return version;
  }

  public static List<String> ids() {
    return Arrays.stream(values()).map(SbomTarget::id).toList();
  }

  public static SbomTarget fromId(String id) {
    for (SbomTarget t : values()) {
      if (t.id.equals(id)) {
        return t;
      }
    }
    throw new InvalidInputException(
        "unknown target '" + id + "': use one of " + String.join(", ", ids()));
  }
}
