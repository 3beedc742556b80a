package app.scantill.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TitledPane;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

/**
 * What a person with a screen reader, a keyboard or weaker eyes would find wrong with a screen as it is
 * laid out now: a control a screen reader cannot name, text whose colour on what lies behind it is under
 * WCAG AA, and a focus order that jumps against the reading order. Call on the FX thread.
 */
public final class ScreenAccessibility {

    /** WCAG 2.1 AA: 4.5:1 for normal text, 3:1 for large text (24 px, or 18.66 px bold). */
    public static final double AA = 4.5;
    public static final double AA_LARGE = 3.0;

    private ScreenAccessibility() {
    }

    /** Controls a person works or reads as a whole that a screen reader could not name, described. */
    public static List<String> unnamed(Scene scene) {
        List<String> found = new ArrayList<>();
        java.util.Set<Node> labelled = new java.util.HashSet<>();
        walk(scene.getRoot(), node -> {
            if (node instanceof javafx.scene.control.Label label && label.getLabelFor() != null
                    && label.getText() != null && !label.getText().isBlank()) {
                labelled.add(label.getLabelFor()); // read as the control's name (JavaFX's labelFor)
            }
        });
        walk(scene.getRoot(), node -> {
            if (needsName(node) && name(node).isBlank() && !labelled.contains(node)) {
                found.add(ScreenFit.describe(node) + " role " + node.getAccessibleRole());
            }
        });
        return found;
    }

    /** Words whose colour on the background behind them is under AA, described with the ratio. */
    public static List<String> lowContrast(Scene scene) {
        List<String> found = new ArrayList<>();
        walk(scene.getRoot(), node -> {
            if (node instanceof Labeled labeled && labeled.getText() != null && !labeled.getText().isBlank()
                    && !labeled.isDisabled() && opacity(node) == 1 && labeled.getContentDisplay()
                    != ContentDisplay.GRAPHIC_ONLY && labeled.getTextFill() instanceof Color text) {
                Color behind = background(node);
                double ratio = contrast(text, behind);
                double least = large(labeled.getFont()) ? AA_LARGE : AA;
                if (ratio < least) {
                    found.add(String.format("%s: %s on %s is %.2f:1, under %.1f:1", ScreenFit.describe(node),
                            text, behind, ratio, least));
                }
            }
        });
        return found;
    }

    /**
     * As {@link #againstReadingOrder}, for the round Tab makes through a window: the round starts where
     * reading starts (the stop nearest the top, then the left), and the one step from the last stop back
     * to it is not a jump.
     */
    public static List<String> againstReadingOrderInRound(List<Node> round) {
        int start = 0;
        for (int i = 1; i < round.size(); i++) {
            Bounds best = round.get(start).localToScene(round.get(start).getLayoutBounds());
            Bounds b = round.get(i).localToScene(round.get(i).getLayoutBounds());
            if (b.getMinY() < best.getMinY() || (b.getMinY() == best.getMinY() && b.getMinX() < best.getMinX())) {
                start = i;
            }
        }
        List<Node> fromTop = new ArrayList<>(round.subList(start, round.size()));
        fromTop.addAll(round.subList(0, start));
        return againstReadingOrder(fromTop);
    }

    /**
     * Pairs of focus stops, in the order Tab visits them, where the second comes before the first in reading
     * order (left to right within a row, rows top to bottom); empty when the order follows the screen.
     */
    public static List<String> againstReadingOrder(List<Node> tabOrder) {
        List<String> found = new ArrayList<>();
        for (int i = 1; i < tabOrder.size(); i++) {
            Bounds a = tabOrder.get(i - 1).localToScene(tabOrder.get(i - 1).getLayoutBounds());
            Bounds b = tabOrder.get(i).localToScene(tabOrder.get(i).getLayoutBounds());
            boolean sameRow = b.getMinY() < a.getMaxY() && a.getMinY() < b.getMaxY();
            boolean follows = sameRow ? b.getMinX() >= a.getMinX() : b.getMinY() >= a.getMinY();
            if (!follows) {
                found.add(ScreenFit.describe(tabOrder.get(i)) + " after " + ScreenFit.describe(tabOrder.get(i - 1)));
            }
        }
        return found;
    }

    /** The name a screen reader reads: the accessible text, else a labelled control's own words. */
    public static String name(Node node) {
        String text = node.getAccessibleText();
        if (text != null && !text.isBlank()) {
            return text;
        }
        if (node instanceof Labeled labeled && labeled.getContentDisplay() != ContentDisplay.GRAPHIC_ONLY
                && labeled.getText() != null && labeled.getText().codePoints().anyMatch(Character::isLetterOrDigit)) {
            return labeled.getText();
        }
        return "";
    }

    private static boolean needsName(Node node) {
        return node instanceof ButtonBase || node instanceof TextInputControl || node instanceof ComboBoxBase
                || node instanceof TableView || node instanceof ListView || node instanceof ProgressIndicator
                || node instanceof ImageView || node.getAccessibleRole() == AccessibleRole.IMAGE_VIEW;
    }

    /** Visits shown nodes, not the inner parts of a control (its skin's own buttons, fields and bars). */
    private static void walk(Node node, java.util.function.Consumer<Node> visit) {
        if (node.getParent() == null) {
            node.applyCss(); // as the next pulse would: a change just made is styled and laid out first
            if (node instanceof Parent root) {
                root.layout();
            }
        }
        if (!node.isVisible() || isSkinPart(node)) {
            return;
        }
        visit.accept(node);
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> walk(child, visit));
        }
    }

    /** A node inside a control other than a container of content (scroll, split and titled panes). */
    private static boolean isSkinPart(Node node) {
        for (Node up = node.getParent(); up != null; up = up.getParent()) {
            if (up instanceof ScrollPane || up instanceof SplitPane || up instanceof TitledPane) {
                return false;
            }
            if (up instanceof Control && !(up instanceof Labeled)) {
                return true; // a table's or a picker's own parts; a button's graphic is still read
            }
        }
        return false;
    }

    private static double opacity(Node node) {
        double opacity = 1;
        for (Node n = node; n != null; n = n.getParent()) {
            opacity *= n.getOpacity();
        }
        return opacity;
    }

    /** What lies behind a node: every background fill from the window down to it, blended in order. */
    static Color background(Node node) {
        List<Node> chain = new ArrayList<>();
        for (Node n = node; n != null; n = n.getParent()) {
            chain.add(0, n);
        }
        Color seen = node.getScene() != null && node.getScene().getFill() instanceof Color fill ? fill : Color.WHITE;
        for (Node n : chain) {
            if (n instanceof Region region && region.getBackground() != null) {
                seen = paint(region.getBackground(), seen);
            }
        }
        return seen;
    }

    private static Color paint(Background background, Color under) {
        Color seen = under;
        for (BackgroundFill fill : background.getFills()) {
            Color c = fill.getFill() instanceof Color plain ? plain : middle(fill.getFill());
            if (c != null) {
                seen = over(c, seen);
            }
        }
        return seen;
    }

    /** A gradient read as the average of its stops (the default look's buttons are gentle gradients). */
    private static Color middle(javafx.scene.paint.Paint paint) {
        List<javafx.scene.paint.Stop> stops = paint instanceof javafx.scene.paint.LinearGradient l ? l.getStops()
                : paint instanceof javafx.scene.paint.RadialGradient r ? r.getStops() : List.of();
        if (stops.isEmpty()) {
            return null;
        }
        double red = 0;
        double green = 0;
        double blue = 0;
        double alpha = 0;
        for (javafx.scene.paint.Stop stop : stops) {
            red += stop.getColor().getRed();
            green += stop.getColor().getGreen();
            blue += stop.getColor().getBlue();
            alpha += stop.getColor().getOpacity();
        }
        int n = stops.size();
        return Color.color(red / n, green / n, blue / n, alpha / n);
    }

    private static Color over(Color top, Color under) {
        double a = top.getOpacity();
        return Color.color(top.getRed() * a + under.getRed() * (1 - a), top.getGreen() * a + under.getGreen() * (1 - a),
                top.getBlue() * a + under.getBlue() * (1 - a));
    }

    private static boolean large(Font font) {
        boolean bold = font.getStyle().toLowerCase(java.util.Locale.ROOT).contains("bold")
                || FontWeight.findByName(font.getStyle()) == FontWeight.BOLD;
        return font.getSize() >= 24 || (bold && font.getSize() >= 18.66);
    }

    public static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color c) {
        return 0.2126 * channel(c.getRed()) + 0.7152 * channel(c.getGreen()) + 0.0722 * channel(c.getBlue());
    }

    private static double channel(double s) {
        return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    }
}
