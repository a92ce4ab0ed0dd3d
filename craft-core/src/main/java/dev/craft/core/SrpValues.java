package dev.craft.core;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A case's values for the SRP form, by field key: the case's own facts (type, title, T0, Member
 * States, products …) merged with its content. Times are in UTC in the SRP's format ("2026-09-02
 * 09:15 UTC").
 */
public final class SrpValues {
  private static final DateTimeFormatter SRP_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private SrpValues() {}

  public static Map<String, String> of(ReportingCase c) {
    CaseDraft f = c.facts();
    Map<String, String> v = new LinkedHashMap<>();
    v.put("notificationType", f.kind().id());
    v.put("title", f.title());
    v.put("summary", f.summary());
    v.put("manufacturerName", f.manufacturer());
    v.put(
        "memberStates",
        f.memberStates().stream().map(MemberState::code).collect(Collectors.joining(", ")));
    v.put(
        "productName",
        f.products().stream().map(AffectedProduct::name).collect(Collectors.joining("; ")));
    v.put("productVersion", versions(f));
    v.put("awareAt", time(f.awareAt()));
    if (f.kind() == Art14Kind.VULNERABILITY) {
      v.put("measureAvailableAt", time(f.measureAvailableAt()));
      v.put(
          "pecGrounds",
          f.dissemination().pecGrounds().stream()
              .map(PecGround::basis)
              .collect(Collectors.joining(", ")));
    } else {
      v.put("occurredAt", time(f.occurredAt()));
    }
    // Content wins over derived product names and versions: the SRP wants the official names.
    f.content().forEach(v::put);
    return v;
  }

  public static String time(@Nullable Instant at) {
    return at == null ? "" : SRP_TIME.format(at);
  }

  private static String versions(CaseDraft f) {
    boolean several = f.products().size() > 1;
    return f.products().stream()
        .filter(p -> !p.releases().isEmpty())
        .map(
            p -> {
              String list =
                  p.releases().stream()
                      .map(AffectedProduct.AffectedRelease::version)
                      .collect(Collectors.joining(", "));
              return several ? p.name() + " " + list : list;
            })
        .collect(Collectors.joining("; "));
  }
}
