package app.scantill.receipt;

import app.scantill.qr.QrEncoder;
import app.scantill.qr.QrMatrix;
import app.scantill.receipt.ReceiptBlock.Align;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Writes laid-out receipt blocks as a PDF with Apache PDFBox: the fonts embedded (subsets of DejaVu Sans, of the
 * shipped Japanese font for Japanese text and, for other CJK text, of an installed CJK font), so the text is
 * selectable and searchable and every currency sign prints as on screen; the QR code drawn as vector squares, so
 * it scans at any zoom. A roll receipt is one page as long as its content; an A4 receipt starts a new page when
 * one is full.
 */
public final class ReceiptPdf {

    /** What writing the PDF found worth telling the cashier. */
    public record Written(int pages, boolean missingGlyphs) {
    }

    private static final double LINE = 1.35;
    private static final double HEADING = 1.35;

    private final Paper paper;
    private final float size;
    private final float column;
    private final float left;
    private final float margin;
    private final float pageHeight;

    private PDDocument doc;
    private PDType0Font regular;
    private PDType0Font bold;
    private TrueTypeFont regularTtf;
    private TrueTypeFont boldTtf;
    /** The shipped Japanese font, loaded on its first character. */
    private TrueTypeFont japaneseTtf;
    private PDType0Font japanese;
    private TrueTypeFont fallbackTtf;
    private PDType0Font fallback;
    private boolean fallbackSought;
    private boolean missing;

    private ReceiptPdf(Paper paper) {
        this.paper = paper;
        this.size = (float) paper.fontPoints();
        this.column = (float) Paper.points(paper.columnMm());
        this.left = (float) Paper.points((paper.widthMm() - paper.columnMm()) / 2);
        this.margin = (float) Paper.points(paper.isRoll() ? 4 : 20);
        this.pageHeight = (float) Paper.points(Paper.A4_HEIGHT_MM);
    }

    /** Writes the PDF of {@code blocks} on {@code paper}; {@code title} names the document in its properties. */
    public static Written write(List<ReceiptBlock> blocks, Paper paper, String title, OutputStream out)
            throws IOException {
        return new ReceiptPdf(paper).render(blocks, title, out);
    }

    public static byte[] bytes(List<ReceiptBlock> blocks, Paper paper, String title) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(blocks, paper, title, out);
        return out.toByteArray();
    }

    // ------------------------------------------------------------ lines to draw

    /** One drawn line: runs of text at positions, or a rule, or a QR code, with its height. */
    private record Line(float height, List<Piece> pieces, float rule, QrMatrix qr, float qrSide) {
    }

    private record Piece(String text, boolean bold, float x) {
    }

    private Written render(List<ReceiptBlock> blocks, String title, OutputStream out) throws IOException {
        try (PDDocument d = new PDDocument()) {
            doc = d;
            regularTtf = ReceiptFonts.shipped(ReceiptFonts.REGULAR);
            boldTtf = ReceiptFonts.shipped(ReceiptFonts.BOLD);
            regular = PDType0Font.load(doc, regularTtf, true);
            bold = PDType0Font.load(doc, boldTtf, true);
            List<Line> lines = new ArrayList<>();
            for (ReceiptBlock block : blocks) {
                lay(block, lines);
            }
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(title);
            info.setCreator("ScanTill");
            int pages = draw(lines);
            doc.save(out);
            return new Written(pages, missing);
        }
    }

    private void lay(ReceiptBlock block, List<Line> lines) throws IOException {
        if (block instanceof ReceiptBlock.Heading h) {
            float s = (float) (size * HEADING);
            for (String part : wrap(h.text(), true, s, column)) {
                float w = width(part, true, s);
                lines.add(new Line(s * (float) LINE, List.of(new Piece(part, true, left + (column - w) / 2)), 0, null, 0));
            }
        } else if (block instanceof ReceiptBlock.Text t) {
            for (String part : wrap(t.text(), t.bold(), size, column)) {
                float x = t.align() == Align.CENTER ? left + (column - width(part, t.bold(), size)) / 2 : left;
                lines.add(new Line(size * (float) LINE, List.of(new Piece(part, t.bold(), x)), 0, null, 0));
            }
        } else if (block instanceof ReceiptBlock.Row r) {
            float rightWidth = width(r.right(), r.bold(), size);
            List<String> parts = wrap(r.left(), r.bold(), size, Math.max(column / 3, column - rightWidth - size));
            for (int i = 0; i < parts.size(); i++) {
                List<Piece> pieces = new ArrayList<>();
                pieces.add(new Piece(parts.get(i), r.bold(), left));
                if (i == parts.size() - 1) {
                    pieces.add(new Piece(r.right(), r.bold(), left + column - rightWidth));
                }
                lines.add(new Line(size * (float) LINE, pieces, 0, null, 0));
            }
        } else if (block instanceof ReceiptBlock.Rule) {
            lines.add(new Line(size * 0.8f, List.of(), 0.6f, null, 0));
        } else if (block instanceof ReceiptBlock.Gap) {
            lines.add(new Line(size * 0.7f, List.of(), 0, null, 0));
        } else if (block instanceof ReceiptBlock.Qr q) {
            float side = (float) Math.min(column * 0.75, Paper.points(40));
            lines.add(new Line(side + size * 0.5f, List.of(), 0, new QrEncoder().encode(q.url()), side));
        }
    }

    private int draw(List<Line> lines) throws IOException {
        float content = 0;
        for (Line l : lines) {
            content += l.height();
        }
        float width = (float) Paper.points(paper.widthMm());
        float height = paper.isRoll() ? content + 2 * margin : pageHeight;
        int pages = 0;
        PDPageContentStream cs = null;
        float y = 0;
        try {
            for (Line line : lines) {
                if (cs == null || y - line.height() < margin) {
                    if (cs != null) {
                        cs.close();
                    }
                    PDPage page = new PDPage(new PDRectangle(width, height));
                    doc.addPage(page);
                    pages++;
                    cs = new PDPageContentStream(doc, page);
                    y = height - margin;
                }
                y -= line.height();
                drawLine(cs, line, y);
            }
        } finally {
            if (cs != null) {
                cs.close();
            }
        }
        return pages;
    }

    private void drawLine(PDPageContentStream cs, Line line, float baseline) throws IOException {
        float textBase = baseline + line.height() * 0.25f;
        for (Piece p : line.pieces()) {
            float x = p.x();
            for (Run run : runs(p.text(), p.bold())) {
                cs.beginText();
                cs.setFont(run.font(), run.size());
                cs.newLineAtOffset(x, textBase);
                cs.showText(run.text());
                cs.endText();
                x += run.font().getStringWidth(run.text()) / 1000 * run.size();
            }
        }
        if (line.rule() > 0) {
            cs.setLineWidth(line.rule());
            float mid = baseline + line.height() / 2;
            cs.moveTo(left, mid);
            cs.lineTo(left + column, mid);
            cs.stroke();
        }
        if (line.qr() != null) {
            QrMatrix m = line.qr();
            float module = line.qrSide() / m.size();
            float x0 = left + (column - line.qrSide()) / 2;
            float top = baseline + line.height();
            for (int yy = 0; yy < m.size(); yy++) {
                for (int xx = 0; xx < m.size(); xx++) {
                    if (m.isDark(xx, yy)) {
                        cs.addRect(x0 + xx * module, top - (yy + 1) * module, module, module);
                    }
                }
            }
            cs.fill();
        }
    }

    // ------------------------------------------------------------ text in fonts

    private record Run(String text, PDType0Font font, float size) {
    }

    /**
     * The text split into runs of one font each: DejaVu where it has the glyph, else the shipped Japanese font,
     * else an installed CJK font.
     */
    private List<Run> runs(String text, boolean isBold) throws IOException {
        return runs(text, isBold, size);
    }

    private List<Run> runs(String text, boolean isBold, float s) throws IOException {
        List<Run> runs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        PDType0Font currentFont = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.getType(cp) == Character.FORMAT) {
                // Invisible marks (e.g. the right-to-left mark Hebrew amounts carry) take no glyph.
                continue;
            }
            PDType0Font font = fontFor(cp, isBold);
            String piece = new String(Character.toChars(cp));
            if (font == null) {
                missing = true;
                font = isBold ? bold : regular;
                piece = "?";
            }
            if (currentFont != null && font != currentFont) {
                runs.add(new Run(current.toString(), currentFont, s));
                current.setLength(0);
            }
            currentFont = font;
            current.append(piece);
        }
        if (currentFont != null && current.length() > 0) {
            runs.add(new Run(current.toString(), currentFont, s));
        }
        return runs;
    }

    private PDType0Font fontFor(int cp, boolean isBold) throws IOException {
        if (Character.isWhitespace(cp) || ReceiptFonts.covers(isBold ? boldTtf : regularTtf, cp)) {
            return isBold ? bold : regular;
        }
        if (japaneseTtf == null) {
            japaneseTtf = ReceiptFonts.shipped(ReceiptFonts.JAPANESE);
            // Embedded as a subset: a receipt carries the few glyphs it uses, not the megabyte.
            japanese = PDType0Font.load(doc, japaneseTtf, true);
        }
        if (ReceiptFonts.covers(japaneseTtf, cp)) {
            return japanese;
        }
        if (!fallbackSought) {
            fallbackSought = true;
            Optional<TrueTypeFont> found = ReceiptFonts.fallback();
            if (found.isPresent()) {
                fallbackTtf = found.get();
                fallback = PDType0Font.load(doc, fallbackTtf, true);
            }
        }
        return fallbackTtf != null && ReceiptFonts.covers(fallbackTtf, cp) ? fallback : null;
    }

    private float width(String text, boolean isBold, float s) throws IOException {
        float w = 0;
        for (Run run : runs(text, isBold, s)) {
            w += run.font().getStringWidth(run.text()) / 1000 * s;
        }
        return w;
    }

    /** Splits at spaces to fit {@code max}; a word longer than a line is cut. */
    private List<String> wrap(String text, boolean isBold, float s, float max) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ", -1)) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (width(candidate, isBold, s) <= max) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (line.length() > 0) {
                lines.add(line.toString());
                line.setLength(0);
            }
            String rest = word;
            while (width(rest, isBold, s) > max && rest.length() > 1) {
                int cut = rest.length() - 1;
                while (cut > 1 && width(rest.substring(0, cut), isBold, s) > max) {
                    cut--;
                }
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            line.append(rest);
        }
        lines.add(line.toString());
        return lines;
    }
}
