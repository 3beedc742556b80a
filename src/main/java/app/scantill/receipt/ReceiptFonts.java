package app.scantill.receipt;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;

/**
 * The receipt's typefaces: DejaVu Sans (regular and bold), shipped in the jar, which covers Latin, Greek and
 * Cyrillic scripts and the currency signs; for Japanese, ScanTill Sans JP, shipped too (kana and the JIS X 0208
 * kanji, the font the screens use: docs/i18n.md), so a Japanese receipt is right on any computer; and for what
 * neither has (Chinese beyond those kanji, Korean), the first CJK font installed on this computer. Where none has
 * a character, it cannot be printed and the receipt says so (ADR 0121).
 */
public final class ReceiptFonts {

    /** The shipped fonts, in the jar. */
    public static final String REGULAR = "/app/scantill/receipt/fonts/DejaVuSans.ttf";
    public static final String BOLD = "/app/scantill/receipt/fonts/DejaVuSans-Bold.ttf";
    /** Japanese glyphs, shipped with the screens' fonts (one regular weight: bold Japanese prints regular). */
    public static final String JAPANESE = "/app/scantill/ui/fonts/ScanTillSansJP.ttf";

    /** Where systems keep a font with CJK glyphs, most common first. */
    static final List<String> FALLBACK_CANDIDATES = List.of(
            "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
            "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
            "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
            "/usr/share/fonts/truetype/fonts-japanese-gothic.ttf",
            "/System/Library/Fonts/Hiragino Sans GB.ttc",
            "/Library/Fonts/Arial Unicode.ttf",
            "C:/Windows/Fonts/YuGothR.ttc",
            "C:/Windows/Fonts/msgothic.ttc",
            "C:/Windows/Fonts/meiryo.ttc");

    private ReceiptFonts() {
    }

    static TrueTypeFont shipped(String resource) throws IOException {
        try (InputStream in = ReceiptFonts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("The receipt font " + resource + " is missing from the application");
            }
            return new TTFParser().parse(new RandomAccessReadBuffer(in));
        }
    }

    /** The first installed CJK font, when there is one. */
    static Optional<TrueTypeFont> fallback() {
        for (String candidate : FALLBACK_CANDIDATES) {
            Path p = Path.of(candidate);
            if (!Files.isReadable(p)) {
                continue;
            }
            try {
                if (candidate.endsWith(".ttc")) {
                    List<TrueTypeFont> fonts = new ArrayList<>();
                    new TrueTypeCollection(p.toFile()).processAllFonts(fonts::add);
                    if (!fonts.isEmpty()) {
                        return Optional.of(fonts.get(0));
                    }
                } else {
                    return Optional.of(new TTFParser().parse(new RandomAccessReadBufferedFile(p.toFile())));
                }
            } catch (IOException | RuntimeException e) {
                System.getLogger(ReceiptFonts.class.getName()).log(System.Logger.Level.INFO,
                        "Font {0} could not be read: {1}", candidate, e.getMessage());
            }
        }
        return Optional.empty();
    }

    /** Whether {@code font} draws the code point. */
    static boolean covers(TrueTypeFont font, int codePoint) {
        try {
            return font.getUnicodeCmapLookup().getGlyphId(codePoint) > 0;
        } catch (IOException e) {
            return false;
        }
    }
}
