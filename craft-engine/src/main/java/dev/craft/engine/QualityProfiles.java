package dev.craft.engine;

import dev.craft.core.InvalidInputException;
import dev.craft.core.Sbom;
import java.util.List;

/** The SBOM quality profiles CRAFT knows, by name. */
public final class QualityProfiles {
  public static final String CRA = "cra";
  public static final String TR_03183_2 = "tr-03183-2";

  private QualityProfiles() {}

  public static List<String> names() {
    return List.of(CRA, TR_03183_2);
  }

  public static void requireKnown(String name) {
    if (!names().contains(name)) {
      throw new InvalidInputException(
          "unknown quality profile '" + name + "': use one of " + String.join(", ", names()));
    }
  }

  /** Runs the named profile on {@code sbom}. */
  public static QualityReport check(Sbom sbom, String profileName) {
    requireKnown(profileName);
    return switch (profileName) {
      case CRA -> CraProfile.check(sbom);
      case TR_03183_2 -> Tr031832Profile.check(sbom);
      default -> throw new InvalidInputException("unknown quality profile " + profileName);
    };
  }
}
