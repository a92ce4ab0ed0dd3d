package dev.craft.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.craft.core.ForbiddenException;
import dev.craft.core.NotFoundException;
import dev.craft.core.Permission;
import dev.craft.store.CsafRevisionStore;
import dev.craft.store.CsafStore;
import dev.craft.store.CsafStore.CsafRow;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Readable CSAF advisory pages: {@code /csaf/{trackingId}} (public for published TLP:CLEAR, else
 * PSIRT/auditors only) and the list {@code /csaf} for the PSIRT.
 */
final class CsafPages {
  private final Pages pages;
  private final WebUi web;
  private final Auth auth;
  private final CsafStore store;
  private final CsafRevisionStore revisions;

  CsafPages(Pages pages, WebUi web, Auth auth, CsafStore store, CsafRevisionStore revisions) {
    this.pages = pages;
    this.web = web;
    this.auth = auth;
    this.store = store;
    this.revisions = revisions;
  }

  void routes(RoutesConfig r) {
    r.get("/csaf", this::list);
    r.get("/csaf/{trackingId}", this::advisory);
    r.get("/csaf/{trackingId}/revisions/{number}", this::revision);
  }

  /** The exact bytes of one published revision, visible to whoever may see the advisory. */
  private void revision(Context ctx) {
    CsafRow row = visible(ctx);
    String number = ctx.pathParam("number").replaceFirst("\\.json$", "");
    if (number.length() > 40) {
      throw new NotFoundException("CSAF revision", number);
    }
    ctx.contentType("application/json")
        .result(CsafFiles.utf8(revisions.get(row.id(), number).document()));
  }

  private CsafRow visible(Context ctx) {
    String id = ctx.pathParam("trackingId");
    CsafRow row =
        (id.length() > 80 ? Optional.<CsafRow>empty() : store.findByTrackingId(id))
            .orElseThrow(() -> new NotFoundException("CSAF advisory", id));
    if (!(row.published() && row.tlp().equals("CLEAR"))) {
      psirt(ctx);
    }
    return row;
  }

  private void list(Context ctx) {
    Principal p = psirt(ctx);
    pages.render(
        ctx,
        "csaf-list.jte",
        Map.of("page", PageInfo.of("CSAF advisories", p), "advisories", store.list(500, 0)));
  }

  private void advisory(Context ctx) {
    String id = ctx.pathParam("trackingId");
    CsafRow row =
        (id.length() > 80 ? Optional.<CsafRow>empty() : store.findByTrackingId(id))
            .orElseThrow(() -> new NotFoundException("CSAF advisory", id));
    boolean isPublic = row.published() && row.tlp().equals("CLEAR");
    PageInfo page;
    if (isPublic) {
      page =
          auth.authenticate(ctx)
              .map(p -> PageInfo.of(row.title(), p))
              .orElse(PageInfo.anonymous(row.title()));
    } else {
      page = PageInfo.of(row.title(), psirt(ctx));
    }
    JsonNode doc = CsafService.parse(row.document());
    Map<String, Object> model = new HashMap<>();
    model.put("page", page);
    model.put("row", row);
    model.put("summary", doc.at("/document/notes/0/text").asText(""));
    model.put("publisher", doc.at("/document/publisher/name").asText(""));
    model.put("json", isPublic ? CsafFiles.BASE + "/clear/" + CsafFiles.relativePath(row) : "");
    model.put("vulnerabilities", vulnerabilities(doc));
    model.put("history", row.published() ? revisions.published(row.id()) : List.of());
    boolean canEdit =
        auth.authenticate(ctx).map(p -> p.can(Permission.VULNERABILITY_WRITE)).orElse(false);
    model.put("canEdit", canEdit);
    model.put("revising", canEdit && row.published() && revisions.findDraft(row.id()).isPresent());
    pages.render(ctx, "csaf-advisory.jte", model);
  }

  private Principal psirt(Context ctx) {
    Principal p = web.signedIn(ctx);
    if (!p.can(Permission.VULNERABILITY_WRITE) && !p.can(Permission.AUDIT_READ)) {
      throw new ForbiddenException("unpublished CSAF advisories are for the PSIRT and auditors");
    }
    return p;
  }

  static List<CsafVulnerabilityView> vulnerabilities(JsonNode doc) {
    Map<String, String> names = new HashMap<>();
    doc.path("product_tree")
        .findParents("product_id")
        .forEach(p -> names.put(p.path("product_id").asText(), p.path("name").asText()));
    List<CsafVulnerabilityView> out = new ArrayList<>();
    for (JsonNode v : doc.path("vulnerabilities")) {
      Map<String, List<String>> status = new LinkedHashMap<>();
      for (String s : CsafDocuments.STATUSES) {
        List<String> products = new ArrayList<>();
        v.path("product_status")
            .path(s)
            .forEach(id -> products.add(names.getOrDefault(id.asText(), id.asText())));
        if (!products.isEmpty()) {
          status.put(s.replace('_', ' '), products);
        }
      }
      List<String> remediations = new ArrayList<>();
      for (JsonNode r : v.path("remediations")) {
        String url = r.path("url").asText("");
        remediations.add(
            r.path("category").asText().replace('_', ' ')
                + ": "
                + r.path("details").asText()
                + (url.isEmpty() ? "" : " (" + url + ")"));
      }
      List<String> acks = new ArrayList<>();
      v.path("acknowledgements").forEach(a -> a.path("names").forEach(n -> acks.add(n.asText())));
      JsonNode cvss = v.at("/scores/0/cvss_v3");
      String score =
          cvss.isMissingNode()
              ? ""
              : cvss.path("baseScore").asText()
                  + " "
                  + cvss.path("baseSeverity").asText()
                  + " ("
                  + cvss.path("vectorString").asText()
                  + ")";
      out.add(
          new CsafVulnerabilityView(
              v.path("cve").asText(""),
              v.path("title").asText(""),
              v.at("/notes/0/text").asText(""),
              score,
              status,
              remediations,
              acks));
    }
    return out;
  }
}
