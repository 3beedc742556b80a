package app.scantill.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import javafx.scene.Scene;
import javafx.scene.text.Font;

/**
 * The app-wide stylesheet: named colours, fonts and the look of common controls. Each feature adds
 * its own sheet on top (e.g. {@code ui/cashier/cashier.css}) and refers to these colours by name.
 */
public final class Theme {

    public static final String STYLESHEET = "/app/scantill/ui/theme.css";

    /** Japanese glyphs for a till whose system has no CJK font (docs/i18n.md, "Japanese text"). */
    public static final String JAPANESE_FONT = "/app/scantill/ui/fonts/ScanTillSansJP.ttf";

    private static boolean japaneseLoaded;

    private Theme() {
    }

    /**
     * Makes the shipped Japanese font available. JavaFX then finds Japanese glyphs in it for any text
     * the theme's font (DejaVu Sans) lacks them for, screens and product names alike. About 1 MB:
     * loaded before the first frame only when the window speaks Japanese, otherwise after it (ADR 0071).
     * Any thread; loads once.
     */
    public static synchronized void loadJapaneseFont() {
        if (japaneseLoaded) {
            return;
        }
        try (InputStream in = Objects.requireNonNull(Theme.class.getResourceAsStream(JAPANESE_FONT), JAPANESE_FONT)) {
            japaneseLoaded = Font.loadFont(in, 12) != null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String stylesheet() {
        return Objects.requireNonNull(Theme.class.getResource(STYLESHEET), STYLESHEET).toExternalForm();
    }

    public static void applyTo(Scene scene) {
        if (!scene.getStylesheets().contains(stylesheet())) {
            scene.getStylesheets().add(0, stylesheet());
        }
    }
}
