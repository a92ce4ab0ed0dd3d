package dev.craft.server;

import dev.craft.core.InvalidInputException;
import dev.craft.core.Permission;
import dev.craft.store.SbomRow;
import dev.craft.store.SbomStore;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * {@code /api/v1/products/{id}/documents/...}: the Annex II, V, VI and VII documents of a release
 * as HTML, PDF or JSON, the completeness report, and the package for a market surveillance
 * authority's reasoned request (Art. 13(22)).
 */
final class DocumentApi {
  private static final String BASE = "/api/v1/products/{id}/documents";

  private final DossierLoader dossiers;
  private final DocumentHtml html;
  private final SbomStore sboms;

  DocumentApi(DossierLoader dossiers, DocumentHtml html, SbomStore sboms) {
    this.dossiers = dossiers;
    this.html = html;
    this.sboms = sboms;
  }

  void routes(RoutesConfig r) {
    r.get(BASE + "/completeness", this::completeness);
    r.get(BASE + "/authority-package", this::authorityPackage);
    r.get(BASE + "/{kind}", this::document);
  }

  private Dossier dossier(Context ctx) {
    var p = Auth.principalOf(ctx);
    p.require(Permission.PRODUCT_READ);
    String release = ctx.queryParam("release");
    return dossiers.load(
        p.actor(), Params.id(ctx, "id", "product"), release == null ? "" : release);
  }

  private void completeness(Context ctx) {
    ctx.json(ComplianceJson.completeness(Documents.completeness(dossier(ctx))));
  }

  private void document(Context ctx) {
    DocumentKind kind = DocumentKind.of(ctx.pathParam("kind"));
    String format = ctx.queryParam("format");
    format = format == null ? "html" : format.strip().toLowerCase(Locale.ROOT);
    if (!format.equals("html") && !format.equals("pdf") && !format.equals("json")) {
      throw new InvalidInputException("format: expected html, pdf or json, got '" + format + "'");
    }
    ComplianceDocument doc = Documents.build(kind, dossier(ctx));
    String name = fileName(doc);
    switch (format) {
      case "pdf" ->
          ctx.contentType("application/pdf")
              .header("Content-Disposition", "attachment; filename=\"" + name + ".pdf\"")
              .result(DocumentPdf.render(doc));
      case "json" -> ctx.json(ComplianceJson.document(doc));
      default -> ctx.contentType("text/html; charset=utf-8").result(html.render(doc));
    }
  }

  /**
   * A zip of what Art. 13(22) and Annex VII ask to hand over: the declaration and the technical
   * documentation in all formats, the user information, and the SBOM as uploaded.
   */
  private void authorityPackage(Context ctx) {
    Dossier d = dossier(ctx);
    var bytes = new ByteArrayOutputStream();
    try (var zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
      for (DocumentKind kind :
          new DocumentKind[] {
            DocumentKind.DECLARATION_OF_CONFORMITY,
            DocumentKind.TECHNICAL_DOCUMENTATION,
            DocumentKind.USER_INFORMATION
          }) {
        ComplianceDocument doc = Documents.build(kind, d);
        put(zip, kind.slug() + ".pdf", DocumentPdf.render(doc));
        put(zip, kind.slug() + ".html", html.render(doc).getBytes(StandardCharsets.UTF_8));
        put(
            zip,
            kind.slug() + ".json",
            dev.craft.store.CraftJson.write(ComplianceJson.document(doc))
                .getBytes(StandardCharsets.UTF_8));
      }
      SbomRow sbom = d.sbom();
      String sbomNote;
      if (sbom == null) {
        sbomNote = "none uploaded for this release";
      } else {
        String name = "sbom." + extension(sbom.encoding());
        put(zip, name, sboms.original(sbom.id()));
        sbomNote =
            name
                + " ("
                + sbom.format()
                + " "
                + sbom.specVersion()
                + ", SHA-256 "
                + sbom.sha256()
                + ")";
      }
      put(
          zip,
          "README.txt",
          ("Documents for a reasoned request of a market surveillance authority (Art. 13(22)):\n"
                  + d.product().name()
                  + " "
                  + d.releaseVersion()
                  + "\nSoftware bill of materials (Annex VII point 8): "
                  + sbomNote
                  + "\n")
              .getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot build the authority package", e);
    }
    ctx.contentType("application/zip")
        .header(
            "Content-Disposition",
            "attachment; filename=\""
                + slug(d.product().name() + "-" + d.releaseVersion())
                + "-authority-package.zip\"")
        .result(bytes.toByteArray());
  }

  private static String extension(String encoding) {
    return switch (encoding) {
      case "xml" -> "xml";
      case "tag-value" -> "spdx";
      case "json-ld" -> "jsonld";
      default -> "json";
    };
  }

  private static void put(ZipOutputStream zip, String name, byte[] data) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(data);
    zip.closeEntry();
  }

  private static String fileName(ComplianceDocument doc) {
    return slug(doc.product() + "-" + doc.release() + "-" + doc.kind());
  }

  /** Safe in a Content-Disposition header and a file system. */
  static String slug(String text) {
    String s = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.]+", "-");
    return s.replaceAll("^-+|-+$", "");
  }
}
