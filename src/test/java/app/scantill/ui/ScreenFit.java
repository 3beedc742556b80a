package app.scantill.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.text.Text;

/**
 * What a person would find wrong with a screen at a given window size: a control that lies (partly)
 * outside the window, words cut short with "…", a button smaller than a fingertip (44 px). Content that
 * scrolls (inside a scroll pane, a list or a table) may lie beyond its viewport; the viewport itself may not.
 */
public final class ScreenFit {

    /** The screens tills have, width x height: a 1024x768 touch screen, 1280x800, 1920x1080, a portrait 1080x1920. */
    public static final List<double[]> TILL_SCREENS = List.of(new double[] {1024, 768}, new double[] {1280, 800},
            new double[] {1920, 1080}, new double[] {1080, 1920});

    /** The smallest touch target, in pixels, each way (WCAG 2.5.5, Apple's and Google's guides). */
    public static final double TOUCH = 44;
    private static final double SLACK = 0.5;

    private ScreenFit() {
    }

    /**
     * Lays out the window's content as it would be at {@code width} x {@code height} and inspects it there
     * (FX thread). The content moves into a scene of that size for the moment and back: the headless test
     * screen is 1280x800, and a window larger than it cannot be drawn there.
     */
    public static <T> T at(Scene window, double width, double height, java.util.function.Function<Scene, T> inspect) {
        Parent root = window.getRoot();
        window.setRoot(new javafx.scene.layout.Region());
        Scene probe = new Scene(root, width, height);
        probe.getStylesheets().setAll(window.getStylesheets());
        try {
            probe.snapshot(null); // CSS and layout at that size, as a pulse would do them
            return inspect.apply(probe);
        } finally {
            probe.setRoot(new javafx.scene.layout.Region());
            window.setRoot(root);
        }
    }

    /** What does not fit, at each till screen size in turn (FX thread), each problem naming its size. */
    public static List<String> problemsAtEverySize(Scene window) {
        List<String> all = new ArrayList<>();
        for (double[] size : TILL_SCREENS) {
            at(window, size[0], size[1], ScreenFit::problems)
                    .forEach(p -> all.add((int) size[0] + "x" + (int) size[1] + ": " + p));
        }
        return all;
    }

    /** Every problem of the scene's showing controls, described for a test failure; empty when it fits. Call on the FX thread. */
    public static List<String> problems(Scene scene) {
        List<String> problems = new ArrayList<>();
        scene.getRoot().applyCss(); // as the next pulse would: a change just made is laid out first
        scene.getRoot().layout();
        check(scene.getRoot(), scene.getWidth(), scene.getHeight(), false, problems);
        return problems;
    }

    private static void check(Node node, double width, double height, boolean scrolled, List<String> problems) {
        if (!node.isVisible() || node.getOpacity() == 0) {
            return;
        }
        Bounds bounds = node.localToScene(node.getLayoutBounds());
        if (bounds.getWidth() == 0 && bounds.getHeight() == 0) {
            return; // not laid out at all: a closed popup's list, say
        }
        if (node instanceof Control && !scrolled && bounds.getWidth() > 0 && bounds.getHeight() > 0
                && (bounds.getMinX() < -SLACK || bounds.getMinY() < -SLACK || bounds.getMaxX() > width + SLACK
                        || bounds.getMaxY() > height + SLACK)) {
            problems.add("outside the " + (int) width + "x" + (int) height + " window: " + describe(node) + " at "
                    + round(bounds));
        }
        if (node instanceof Labeled labeled && !scrolled) {
            cut(labeled).ifPresent(problems::add);
        }
        if (node instanceof Control control && !scrolled && (control.getWidth() < control.minWidth(-1) - SLACK
                || control.getHeight() < control.minHeight(control.getWidth()) - SLACK)) {
            problems.add("squeezed below its least size: " + describe(node) + " is " + (int) control.getWidth() + "x"
                    + (int) control.getHeight() + ", needs " + (int) Math.ceil(control.minWidth(-1)) + "x"
                    + (int) Math.ceil(control.minHeight(control.getWidth())));
        }
        // A date picker or a combo box is touched as a whole; the field inside it is its part.
        boolean touchable = node instanceof ButtonBase || node instanceof javafx.scene.control.ComboBoxBase
                || (node instanceof TextInputControl input && input.isEditable() && !input.isDisabled()
                        && !(node.getParent() instanceof javafx.scene.control.ComboBoxBase));
        if (touchable && !scrolled && !node.isDisabled()
                && (bounds.getWidth() < TOUCH - SLACK || bounds.getHeight() < TOUCH - SLACK)) {
            problems.add("smaller than " + (int) TOUCH + " px: " + describe(node) + " is " + (int) bounds.getWidth()
                    + "x" + (int) bounds.getHeight());
        }
        if (node instanceof Parent parent) {
            // What scrolls may lie beyond its viewport: a scroll pane's content, a list's or a table's rows.
            boolean inside = scrolled || node instanceof ScrollPane || node instanceof VirtualFlow;
            for (Node child : parent.getChildrenUnmodifiable()) {
                check(child, width, height, inside, problems);
            }
        }
    }

    /** A label whose words do not fit shows them ending in "…" (or not at all): that is cut. */
    private static java.util.Optional<String> cut(Labeled labeled) {
        String text = labeled.getText();
        if (text == null || text.isEmpty()) {
            return java.util.Optional.empty();
        }
        for (Node child : labeled.getChildrenUnmodifiable()) {
            if (child instanceof Text shown && shown.getStyleClass().contains("text") && shown.isVisible()) {
                if (!shown.getText().equals(text)) {
                    return java.util.Optional.of("cut: " + describe(labeled) + " shows '" + shown.getText() + "' of '"
                            + text + "'");
                }
                if (labeled.isWrapText() && widestWord(labeled) > shown.getWrappingWidth() + SLACK
                        && shown.getWrappingWidth() > 0) {
                    return java.util.Optional.of("cut: a word of " + describe(labeled) + " is broken across lines in "
                            + (int) shown.getWrappingWidth() + " px");
                }
                // Words too tall for their control are clipped by the skin; wrapped lines may end in a space.
                Bounds words = shown.getBoundsInParent();
                boolean across = !labeled.isWrapText()
                        && (words.getMinX() < -SLACK || words.getMaxX() > labeled.getWidth() + SLACK);
                if (shown.getClip() != null || across || words.getMinY() < -SLACK
                        || words.getMaxY() > labeled.getHeight() + SLACK) {
                    return java.util.Optional.of("cut: the words of " + describe(labeled) + " run over its "
                            + (int) labeled.getWidth() + "x" + (int) labeled.getHeight() + " edges " + round(words));
                }
                return java.util.Optional.empty();
            }
        }
        return java.util.Optional.empty();
    }

    /** The width of the label's widest word in its own font: narrower than that, a word breaks mid-word. */
    private static double widestWord(Labeled labeled) {
        if (labeled.getText().codePoints().anyMatch(c -> Character.isIdeographic(c)
                || Character.UnicodeScript.of(c) == Character.UnicodeScript.HIRAGANA
                || Character.UnicodeScript.of(c) == Character.UnicodeScript.KATAKANA)) {
            return 0; // Japanese breaks between any two characters: there are no words to keep whole
        }
        double widest = 0;
        for (String word : labeled.getText().split("\\s+")) {
            Text measure = new Text(word);
            measure.setFont(labeled.getFont());
            widest = Math.max(widest, measure.getLayoutBounds().getWidth());
        }
        return widest;
    }

    public static String describe(Node node) {
        String text = node instanceof Labeled l ? " '" + l.getText() + "'" : "";
        return node.getClass().getSimpleName() + (node.getId() == null ? "" : "#" + node.getId()) + text
                + node.getStyleClass();
    }

    private static String round(Bounds b) {
        return "[" + (int) b.getMinX() + "," + (int) b.getMinY() + " " + (int) b.getWidth() + "x" + (int) b.getHeight()
                + "]";
    }
}
