package dev.craft.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Renders a {@link CaseReport} as an A4 PDF with Apache PDFBox (ADR 041). Uses the standard
 * Helvetica fonts, so characters outside WinAnsi are replaced by '?': the JSON export keeps the
 * exact text.
 */
final class CasePdf {
  private static final float MARGIN = 50;
  private static final float SIZE = 9.5f;
  private static final float LEADING = 12.5f;
  private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

  private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
  private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
  private PDDocument doc = new PDDocument();
  private PDPageContentStream out;
  private float y;

  private CasePdf() throws IOException {
    newPage();
  }

  static byte[] render(CaseDetails d) {
    try {
      CasePdf pdf = new CasePdf();
      return pdf.write(d);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render the case PDF", e);
    }
  }

  private byte[] write(CaseDetails d) throws IOException {
    try (PDDocument document = doc) {
      PDDocumentInformation info = document.getDocumentInformation();
      info.setTitle(CaseReport.title(d));
      info.setCreator("CRAFT");
      text(bold, 14, CaseReport.title(d));
      text(regular, 8, "Generated " + dev.craft.core.SrpValues.time(d.now()) + " by CRAFT");
      for (CaseReport.Section s : CaseReport.sections(d)) {
        y -= LEADING / 2;
        text(bold, 11.5f, s.title());
        for (CaseReport.Line l : s.lines()) {
          text(bold, SIZE, l.label());
          for (String paragraph : l.value().split("\\R")) {
            text(regular, SIZE, "    " + paragraph);
          }
        }
      }
      out.close();
      var bytes = new ByteArrayOutputStream();
      document.save(bytes);
      return bytes.toByteArray();
    }
  }

  private void text(PDType1Font font, float size, String raw) throws IOException {
    for (String line : wrap(font, size, printable(font, raw))) {
      if (y < MARGIN + LEADING) {
        out.close();
        newPage();
      }
      out.beginText();
      out.setFont(font, size);
      out.newLineAtOffset(MARGIN, y);
      out.showText(line);
      out.endText();
      y -= size > SIZE ? size + 4 : LEADING;
    }
  }

  private void newPage() throws IOException {
    PDPage page = new PDPage(PDRectangle.A4);
    doc.addPage(page);
    out = new PDPageContentStream(doc, page);
    y = PDRectangle.A4.getHeight() - MARGIN;
  }

  private static List<String> wrap(PDType1Font font, float size, String text) throws IOException {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ", -1)) {
      String candidate = line.isEmpty() ? word : line + " " + word;
      if (width(font, size, candidate) <= WIDTH || line.isEmpty()) {
        line.setLength(0);
        line.append(candidate);
      } else {
        lines.add(line.toString());
        line.setLength(0);
        line.append("    ").append(word);
      }
    }
    lines.add(line.toString());
    return lines;
  }

  private static float width(PDType1Font font, float size, String s) throws IOException {
    return font.getStringWidth(s) / 1000 * size;
  }

  /** Keeps the characters the font can encode; the others become '?'. */
  private static String printable(PDType1Font font, String s) {
    StringBuilder b = new StringBuilder(s.length());
    s.codePoints()
        .forEach(
            cp -> {
              String ch = cp == '\t' ? " " : new String(Character.toChars(cp));
              try {
                font.encode(ch);
                b.append(ch);
              } catch (IllegalArgumentException | IOException e) {
                b.append('?');
              }
            });
    return b.toString();
  }
}
