package app.scantill.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The palette of theme.css read as WCAG 2.1 reads it: every pair of named colours the screens put text on
 * has a contrast ratio of at least 4.5:1 (AA for normal text), computed from the hex values in the file,
 * so a change of one colour that makes any of its texts hard to read fails here.
 */
class PaletteContrastTest {

    private static final Path THEME = Path.of("src/main/resources/app/scantill/ui/theme.css");
    /** WCAG 2.1 AA, normal text. */
    static final double AA = 4.5;

    /** Text colour, background colour: each pair some screen shows (the rule that does it in the comment). */
    private static final String[][] TEXT_ON = {
        {"-st-ink", "-st-background"},          // labels on the window
        {"-st-ink", "-st-surface"},             // cards, tables, buttons
        {"-st-ink", "-st-surface-alt"},         // table headers, key caps, the customer's total row
        {"-st-ink", "-st-selection"},           // the selected cart line
        {"-st-ink", "-st-accent-soft"},         // a pressed button
        {"-st-ink-muted", "-st-background"},    // the catalog's status line
        {"-st-ink-muted", "-st-surface"},       // counts, countdown, captions
        {"-st-ink-muted", "-st-surface-alt"},   // table header words
        {"-st-brand-ink", "-st-brand"},         // the header, the currency badge
        {"-st-brand-ink", "-st-accent"},        // Charge, a chosen category, a default button
        {"-st-brand-ink", "-st-accent-hover"},
        {"-st-brand-ink", "-st-accent-pressed"},
        {"-st-brand-ink", "-st-error"},         // History's attention badge
        {"-st-brand-ink", "-st-sandbox"},       // the SANDBOX / TEST / LIVE badge
        {"-st-brand-ink", "-st-test"},
        {"-st-brand-ink", "-st-live"},
        {"-st-brand-ink", "-st-warn"},          // the lost-connection banner
        {"-st-ok", "-st-ok-soft"},              // chargeable
        {"-st-warn", "-st-warn-soft"},          // below the minimum, warnings
        {"-st-error", "-st-error-soft"},        // errors, catalog problems
        {"-st-info", "-st-info-soft"},          // notices, the phone note
        {"-st-accent", "-st-surface"},          // a product's price
        {"-st-error", "-st-surface"},           // Clear cart, This sale needs attention
        {"-st-ok", "-st-surface"},              // Paid, Thank you
        {"-st-brand", "-st-surface"},           // the shop's name on the welcome screen
    };

    @Test
    void everyTextColourOnItsBackgroundMeetsWcagAa() throws IOException {
        Map<String, int[]> palette = palette(Files.readString(THEME));
        List<String> weak = new ArrayList<>();
        for (String[] pair : TEXT_ON) {
            assertThat(palette).as("theme.css names %s and %s", pair[0], pair[1]).containsKeys(pair[0], pair[1]);
            double ratio = contrast(palette.get(pair[0]), palette.get(pair[1]));
            if (ratio < AA) {
                weak.add(String.format("%s on %s: %.2f:1", pair[0], pair[1], ratio));
            }
        }
        assertThat(weak).as("pairs under WCAG AA's 4.5:1").isEmpty();
    }

    @Test
    void theRatioIsWcagsOwn() {
        assertThat(contrast(new int[] {0, 0, 0}, new int[] {255, 255, 255})).isCloseTo(21.0, within());
        assertThat(contrast(new int[] {255, 255, 255}, new int[] {255, 255, 255})).isCloseTo(1.0, within());
        // #767676 on white is the classic "just AA" grey.
        assertThat(contrast(new int[] {0x76, 0x76, 0x76}, new int[] {255, 255, 255})).isCloseTo(4.54, within());
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(0.01);
    }

    /** The named colours of theme.css's .root written as #rrggbb. */
    static Map<String, int[]> palette(String css) {
        Map<String, int[]> colours = new LinkedHashMap<>();
        Matcher m = Pattern.compile("(-st-[a-z-]+)\\s*:\\s*#([0-9a-fA-F]{6})\\s*;").matcher(css);
        while (m.find()) {
            int rgb = Integer.parseInt(m.group(2), 16);
            colours.put(m.group(1), new int[] {rgb >> 16 & 255, rgb >> 8 & 255, rgb & 255});
        }
        return colours;
    }

    /** WCAG 2.1's contrast ratio of two opaque sRGB colours. */
    static double contrast(int[] a, int[] b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    static double luminance(int[] rgb) {
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double s = rgb[i] / 255.0;
            c[i] = s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }
}
