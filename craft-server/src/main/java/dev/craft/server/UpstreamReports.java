package dev.craft.server;

import dev.craft.core.Actor;
import dev.craft.core.Component;
import dev.craft.core.InvalidInputException;
import dev.craft.core.NotFoundException;
import dev.craft.core.Party;
import dev.craft.core.Text;
import dev.craft.store.FindingStore;
import dev.craft.store.FindingStore.FindingRow;
import dev.craft.store.SbomStore;
import dev.craft.store.TriageQueries;
import dev.craft.store.TriagedFinding;
import dev.craft.store.UpstreamReportStore;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Drafts reports to a component's maintainer (Art. 13(6): "Manufacturers shall, upon identifying a
 * vulnerability in a component, including in an open source-component, which is integrated in the
 * product with digital elements report the vulnerability to the person or entity manufacturing or
 * maintaining the component"): the contact proposed from the component's SBOM data, the text from
 * the finding and our analysis.
 */
final class UpstreamReports {
  /** Largest patch kept with a report. */
  static final int MAX_PATCH_BYTES = 5 * 1024 * 1024;

  /** Where the SBOM says the maintainer can be reached, best first. */
  private static final List<String> REFERENCE_TYPES =
      List.of("security-contact", "rfc-9116", "issue-tracker", "vcs", "website");

  private final UpstreamReportStore store;
  private final FindingStore findings;
  private final TriageQueries triage;
  private final SbomStore sboms;

  UpstreamReports(
      UpstreamReportStore store, FindingStore findings, TriageQueries triage, SbomStore sboms) {
    this.store = store;
    this.findings = findings;
    this.triage = triage;
    this.sboms = sboms;
  }

  UpstreamReportStore store() {
    return store;
  }

  /** A way to reach the maintainer, and where CRAFT found it. */
  record Contact(String value, String source) {}

  /** What a new draft starts from. */
  record Proposal(
      TriagedFinding finding,
      FindingRow row,
      List<Contact> contacts,
      String subject,
      String body) {}

  Proposal propose(Actor actor, long productId, long findingId, String signature) {
    TriagedFinding f =
        triage
            .finding(actor, productId, findingId)
            .orElseThrow(() -> new NotFoundException("finding", findingId));
    FindingRow row =
        findings.forRelease(actor, productId, f.releaseId()).stream()
            .filter(r -> r.id() == findingId)
            .findFirst()
            .orElseThrow(() -> new NotFoundException("finding", findingId));
    if (row.purl().isEmpty()) {
      throw new InvalidInputException(
          "finding " + findingId + " concerns the product itself, not a third-party component");
    }
    List<Contact> contacts =
        component(actor, productId, f.releaseId(), row.purl())
            .map(UpstreamReports::contacts)
            .orElse(List.of());
    String subject =
        "Security vulnerability "
            + row.vulnerabilityId()
            + " in "
            + row.name()
            + " "
            + row.version();
    return new Proposal(f, row, contacts, subject, body(f, row, signature));
  }

  private Optional<Component> component(Actor actor, long productId, long releaseId, String purl) {
    return sboms
        .current(actor, productId, releaseId)
        .flatMap(
            s ->
                sboms.inventory(s.id()).components().stream()
                    .filter(c -> c.purl().equals(purl))
                    .findFirst());
  }

  static List<Contact> contacts(Component c) {
    List<Contact> out = new ArrayList<>();
    for (String type : REFERENCE_TYPES) {
      c.externalReferences().stream()
          .filter(r -> r.type().equals(type) && !r.url().isBlank())
          .forEach(r -> out.add(new Contact(r.url(), "SBOM externalReferences " + type)));
    }
    party(out, c.supplier(), "SBOM supplier");
    party(out, c.manufacturer(), "SBOM manufacturer");
    c.authors().forEach(a -> party(out, a, "SBOM author"));
    return out.stream().distinct().toList();
  }

  private static void party(List<Contact> out, Party p, String source) {
    if (!p.email().isBlank()) {
      out.add(new Contact("mailto:" + p.email(), source + " " + p.name()));
    }
    if (!p.url().isBlank()) {
      out.add(new Contact(p.url(), source + " " + p.name()));
    }
  }

  static String body(TriagedFinding f, FindingRow row, String signature) {
    var sb = new StringBuilder();
    sb.append("Hello,\n\n");
    sb.append("while handling vulnerabilities in our product ")
        .append(f.productName())
        .append(' ')
        .append(f.releaseVersion())
        .append(" we identified a vulnerability in a component that you maintain.\n\n");
    sb.append("Component: ").append(row.name()).append(' ').append(row.version()).append('\n');
    sb.append("Package URL: ").append(row.purl()).append('\n');
    sb.append("Vulnerability: ").append(row.vulnerabilityId());
    if (!row.aliases().isBlank()) {
      sb.append(" (").append(row.aliases().replace(' ', ',').replace(",", ", ")).append(')');
    }
    sb.append('\n');
    sb.append("Severity: ").append(row.severity());
    if (row.cvss() > 0) {
      sb.append(", CVSS ").append(row.cvss()).append(' ').append(row.cvssVector());
    }
    sb.append('\n');
    String evidence = FindingText.evidence(row).strip();
    if (!evidence.isEmpty()) {
      sb.append("Evidence: ").append(evidence).append('\n');
    }
    sb.append("Our analysis: ").append(f.effectiveState());
    if (f.justification() != null && !f.justification().isBlank()) {
      sb.append(" (").append(f.justification()).append(')');
    }
    if (f.detail() != null && !f.detail().isBlank()) {
      sb.append(": ").append(f.detail());
    }
    sb.append("\n\n");
    sb.append(
        "We report it to you as Article 13(6) of Regulation (EU) 2024/2847 (Cyber Resilience Act)"
            + " asks of manufacturers that integrate a component. Please confirm receipt and let us"
            + " know whether and in which version a fix is planned. If we develop a fix ourselves"
            + " we will share it with you. Please treat this report as confidential until a fix is"
            + " available or we agree on a disclosure date.\n\n");
    sb.append("Regards,\n").append(signature).append('\n');
    return sb.toString();
  }

  /** A new draft from the finding; contact, subject and body default to the proposal's. */
  UpstreamReportStore.Row draft(
      Actor actor,
      long productId,
      long findingId,
      String signature,
      @Nullable String contact,
      @Nullable String subject,
      @Nullable String body) {
    Proposal p = propose(actor, productId, findingId, signature);
    String c = Text.optional("contact", contact, 500);
    String source = "";
    if (c.isEmpty() && !p.contacts().isEmpty()) {
      c = p.contacts().getFirst().value();
      source = p.contacts().getFirst().source();
    } else {
      String given = c;
      source =
          p.contacts().stream()
              .filter(x -> x.value().equals(given))
              .map(Contact::source)
              .findFirst()
              .orElse("");
    }
    String s = Text.optional("subject", subject, 300);
    String b = Text.optional("body", body, 50_000);
    return store.create(
        actor,
        new UpstreamReportStore.Draft(
            productId,
            findingId,
            p.row().vulnerabilityId(),
            p.row().purl(),
            p.row().name(),
            p.row().version(),
            c,
            source,
            s.isEmpty() ? p.subject() : s,
            b.isEmpty() ? p.body() : b));
  }

  static UpstreamReportStore.Change change(
      @Nullable String contact,
      @Nullable String subject,
      @Nullable String body,
      @Nullable String status,
      @Nullable String sentOn,
      @Nullable String channel,
      @Nullable String acknowledgedOn,
      @Nullable String fixedOn,
      @Nullable String fixUrl) {
    String url = fixUrl == null ? null : Text.optional("fixUrl", fixUrl, 2000);
    if (url != null && !url.isEmpty() && !url.matches("https?://\\S+")) {
      throw new InvalidInputException("fixUrl: an http(s) URL");
    }
    return new UpstreamReportStore.Change(
        contact == null ? null : Text.optional("contact", contact, 500),
        subject == null ? null : Text.required("subject", subject, 300),
        body == null ? null : Text.required("body", body, 50_000),
        status == null || status.isBlank() ? null : status.strip(),
        date("sentOn", sentOn),
        channel == null ? null : Text.optional("channel", channel, 200),
        date("acknowledgedOn", acknowledgedOn),
        date("fixedOn", fixedOn),
        url);
  }

  private static @Nullable LocalDate date(String field, @Nullable String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (java.time.format.DateTimeParseException e) {
      throw new InvalidInputException(field + ": a date YYYY-MM-DD");
    }
  }

  /** A patch file name safe to send back in Content-Disposition. */
  static String patchName(@Nullable String name) {
    String n = name == null ? "" : name.replaceAll("[^A-Za-z0-9._-]", "_");
    if (n.length() > 200) {
      n = n.substring(0, 200);
    }
    return n.isEmpty() ? "fix.patch" : n;
  }
}
