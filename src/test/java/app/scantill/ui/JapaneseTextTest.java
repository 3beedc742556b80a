package app.scantill.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Japanese renders: every character of the Japanese bundle has a glyph in the shipped font (or in the
 * theme's own font, for Latin and punctuation), and a Japanese label drawn in the theme looks nothing
 * like the missing-glyph box.
 */
@ExtendWith(ApplicationExtension.class)
class JapaneseTextTest {

    /** A private-use character: no font has a glyph for it, so it draws as the missing-glyph box. */
    private static final String NO_GLYPH = "\ue000";

    @Start
    void start(Stage stage) {
        stage.show();
    }

    @Test
    void everyCharacterOfTheJapaneseBundleHasAGlyphInTheShippedFont() throws IOException, FontFormatException {
        Font shipped;
        try (InputStream in = Objects.requireNonNull(Theme.class.getResourceAsStream(Theme.JAPANESE_FONT))) {
            shipped = Font.createFont(Font.TRUETYPE_FONT, in);
        }
        Font theme = new Font("DejaVu Sans", Font.PLAIN, 12);
        List<String> missing = new ArrayList<>();
        TreeSet<Integer> characters = new TreeSet<>();
        japaneseBundle().codePoints().filter(c -> c > 0x7f).forEach(characters::add);
        for (int c : characters) {
            if (!shipped.canDisplay(c) && !theme.canDisplay(c)) {
                missing.add(new String(Character.toChars(c)) + " U+" + Integer.toHexString(c));
            }
        }
        assertThat(missing).as("characters of messages_ja.properties without a glyph").isEmpty();
        assertThat(shipped.canDisplay('支')).isTrue();
        assertThat(Theme.class.getResource(Theme.JAPANESE_FONT).openConnection().getContentLengthLong())
                .as("the shipped font stays small").isLessThan(2L * 1024 * 1024);
    }

    @Test
    void aJapaneseLabelInTheThemeDrawsGlyphsNotBoxes() throws Exception {
        Theme.loadJapaneseFont();

        Image box = drawn(NO_GLYPH);
        List<String> boxes = new ArrayList<>();
        for (String c : List.of("支", "払", "い", "済", "み", "カ", "ー", "ド", "会", "計")) {
            if (sameImage(drawn(c), box)) {
                boxes.add(c);
            }
        }
        assertThat(boxes).as("characters drawn as the missing-glyph box").isEmpty();
        assertThat(drawn("支払い済み").getWidth()).isNotEqualTo(drawn(NO_GLYPH.repeat(5)).getWidth());
        assertThat(sameImage(drawn("支"), drawn("計"))).as("two kanji, two different glyphs").isFalse();
    }

    /** {@code text} as a label of the theme draws it (theme.css: DejaVu Sans 15 px). */
    private static Image drawn(String text) throws ExecutionException, InterruptedException {
        return WaitForAsyncUtils.asyncFx(() -> {
            Label label = new Label(text);
            Scene scene = new Scene(new StackPane(label));
            Theme.applyTo(scene);
            label.applyCss();
            label.autosize();
            return label.snapshot(null, null);
        }).get();
    }

    private static boolean sameImage(Image a, Image b) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            return false;
        }
        PixelReader pa = a.getPixelReader();
        PixelReader pb = b.getPixelReader();
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (pa.getArgb(x, y) != pb.getArgb(x, y)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static String japaneseBundle() throws IOException {
        try (InputStream in = JapaneseTextTest.class.getResourceAsStream("/app/scantill/i18n/messages_ja.properties")) {
            return new String(Objects.requireNonNull(in).readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
