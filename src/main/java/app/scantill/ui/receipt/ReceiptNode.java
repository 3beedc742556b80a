package app.scantill.ui.receipt;

import app.scantill.qr.QrEncoder;
import app.scantill.qr.QrMatrix;
import app.scantill.receipt.Paper;
import app.scantill.receipt.ReceiptBlock;
import app.scantill.receipt.ReceiptFonts;
import app.scantill.ui.Theme;
import app.scantill.ui.charge.QrImageRenderer;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

/**
 * A receipt drawn as JavaFX nodes from the same blocks as its PDF, in the same typefaces (the shipped DejaVu
 * Sans, and the shipped Japanese font for what DejaVu lacks, loaded once): the preview on screen and what JavaFX
 * printing sends to the printer. Its size is in points (1/72 inch), as printing measures, so a page of the
 * paper's width holds it at scale 1.
 */
public final class ReceiptNode {

    private static final String FAMILY = loadFamily();

    private ReceiptNode() {
    }

    /** The receipt as one node, the column as wide as the paper allows. */
    public static VBox of(List<ReceiptBlock> blocks, Paper paper) {
        double column = Paper.points(paper.columnMm());
        double size = paper.fontPoints();
        VBox box = new VBox(size * 0.2);
        box.getStyleClass().add("receipt");
        box.setId("receipt-node");
        box.setFillWidth(true);
        box.setPrefWidth(column);
        box.setMaxWidth(column);
        box.setMinWidth(column);
        for (ReceiptBlock block : blocks) {
            box.getChildren().add(node(block, column, size));
        }
        return box;
    }

    private static Region node(ReceiptBlock block, double column, double size) {
        if (block instanceof ReceiptBlock.Heading h) {
            Label l = label(h.text(), size * 1.35, true);
            l.getStyleClass().add("receipt-heading");
            return centered(l, column);
        }
        if (block instanceof ReceiptBlock.Text t) {
            Label l = label(t.text(), size, t.bold());
            l.getStyleClass().add("receipt-text");
            return t.align() == ReceiptBlock.Align.CENTER ? centered(l, column) : l;
        }
        if (block instanceof ReceiptBlock.Row r) {
            Label left = label(r.left(), size, r.bold());
            Label right = label(r.right(), size, r.bold());
            left.getStyleClass().add("receipt-row-left");
            right.getStyleClass().add("receipt-row-right");
            right.setMinWidth(Region.USE_PREF_SIZE);
            HBox.setHgrow(left, Priority.ALWAYS);
            left.setMaxWidth(Double.MAX_VALUE);
            HBox row = new HBox(size * 0.6, left, right);
            row.getStyleClass().add("receipt-row");
            row.setAlignment(Pos.BOTTOM_LEFT);
            return row;
        }
        if (block instanceof ReceiptBlock.Rule) {
            Region rule = new Region();
            rule.getStyleClass().add("receipt-rule");
            rule.setMinHeight(1);
            rule.setPrefHeight(1);
            return rule;
        }
        if (block instanceof ReceiptBlock.Qr q) {
            QrMatrix m = new QrEncoder().encode(q.url());
            double side = Math.min(column * 0.75, Paper.points(40));
            ImageView image = new ImageView(QrImageRenderer.render(m, Math.max(2, (int) Math.ceil(side / m.size()))));
            image.setId("receipt-qr");
            image.setSmooth(false);
            image.setPreserveRatio(true);
            image.setFitWidth(side);
            return centered(new StackPane(image), column);
        }
        Region gap = new Region();
        gap.setMinHeight(size * 0.7);
        return gap;
    }

    private static Label label(String text, double size, boolean bold) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setFont(Font.font(FAMILY, bold ? FontWeight.BOLD : FontWeight.NORMAL, size));
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    private static HBox centered(Region node, double column) {
        HBox box = new HBox(node);
        box.setAlignment(Pos.CENTER);
        box.setPrefWidth(column);
        return box;
    }

    private static String loadFamily() {
        // JavaFX draws what DejaVu Sans lacks with a loaded font that has it: Japanese on any computer, also a
        // receipt printed before the window loaded the font itself.
        Theme.loadJapaneseFont();
        String family = "System";
        for (String resource : List.of(ReceiptFonts.REGULAR, ReceiptFonts.BOLD)) {
            try (InputStream in = ReceiptNode.class.getResourceAsStream(resource)) {
                Font f = in == null ? null : Font.loadFont(in, 10);
                if (f != null) {
                    family = f.getFamily();
                }
            } catch (IOException e) {
                System.getLogger(ReceiptNode.class.getName()).log(System.Logger.Level.WARNING,
                        "Receipt font " + resource + " could not be loaded; using the system font", e);
            }
        }
        return family;
    }
}
