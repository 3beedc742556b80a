package app.scantill.ui.receipt;

import app.scantill.i18n.Translator;
import app.scantill.receipt.Paper;
import java.io.File;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Group;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.transform.Scale;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The receipt window: the paper choice, the receipt itself as the preview (the very node that is printed),
 * and Print, Save as PDF and Close. Only builds nodes and binds them to {@link ReceiptViewModel}.
 */
public final class ReceiptView {

    /** Asks where to save the PDF; empty when the person cancels. */
    @FunctionalInterface
    public interface PdfTargetChooser {
        Optional<Path> choose(Window owner, String suggestedFileName);
    }

    /** How much larger than print size the preview is drawn. */
    static final double PREVIEW_ZOOM = 1.5;

    private final ReceiptViewModel model;
    private final ReceiptPrinter printer;
    private final PdfTargetChooser chooser;
    private final Translator words;
    private final BorderPane root = new BorderPane();
    private final StackPane paperArea = new StackPane();
    private Runnable onClose = () -> { };

    public ReceiptView(ReceiptViewModel model, ReceiptPrinter printer, PdfTargetChooser chooser) {
        this.model = Objects.requireNonNull(model, "model");
        this.printer = Objects.requireNonNull(printer, "printer");
        this.chooser = Objects.requireNonNull(chooser, "chooser");
        this.words = model.desk().words();
        root.getStyleClass().add("receipt-view");
        root.getStylesheets().add(Objects.requireNonNull(ReceiptView.class.getResource("receipt.css")).toExternalForm());
        root.setTop(toolbar());
        paperArea.getStyleClass().add("receipt-paper");
        paperArea.setPadding(new Insets(18));
        // The receipt is laid out in points, as printed; on screen it is shown larger to be read.
        Group zoomed = new Group(paperArea);
        zoomed.getTransforms().add(new Scale(PREVIEW_ZOOM, PREVIEW_ZOOM));
        StackPane centred = new StackPane(zoomed);
        centred.setPadding(new Insets(16));
        ScrollPane scroll = new ScrollPane(centred);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("receipt-scroll");
        root.setCenter(scroll);
        Label message = new Label();
        message.setId("receipt-message");
        message.getStyleClass().add("receipt-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        root.setBottom(message);
        model.blocksProperty().addListener((o, was, now) -> redraw());
        redraw();
    }

    public Parent root() {
        return root;
    }

    public void setOnClose(Runnable action) {
        this.onClose = Objects.requireNonNull(action, "action");
    }

    /** The receipt node currently shown (and printed). */
    public Region receiptNode() {
        return (Region) paperArea.getChildren().get(0);
    }

    private HBox toolbar() {
        ComboBox<Paper> paper = new ComboBox<>(FXCollections.observableArrayList(Paper.values()));
        paper.setId("receipt-paper-choice");
        paper.setCellFactory(list -> new PaperCell());
        paper.setButtonCell(new PaperCell());
        paper.valueProperty().bindBidirectional(model.paperProperty());

        paper.setMinWidth(Region.USE_PREF_SIZE);
        Button print = new Button(words.text("receipt.dialog.print"));
        print.setMinWidth(Region.USE_PREF_SIZE);
        print.setId("receipt-print");
        print.disableProperty().bind(model.busyProperty());
        print.setOnAction(e -> model.printed(printer.print(receiptNode(), window(), true)));

        Button pdf = new Button(words.text("receipt.dialog.pdf"));
        pdf.setMinWidth(Region.USE_PREF_SIZE);
        pdf.setId("receipt-pdf");
        pdf.disableProperty().bind(model.busyProperty());
        pdf.setOnAction(e -> chooser.choose(window(), model.suggestedFileName()).ifPresent(model::savePdf));

        Button close = new Button(words.text("receipt.dialog.close"));
        close.setId("receipt-close");
        close.setCancelButton(true);
        close.setOnAction(e -> onClose.run());

        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Label paperLabel = new Label(words.text("receipt.dialog.paper"));
        paperLabel.setMinWidth(Region.USE_PREF_SIZE);
        HBox bar = new HBox(paperLabel, paper, print, pdf, grow, close);
        bar.getStyleClass().add("receipt-toolbar");
        return bar;
    }

    private void redraw() {
        VBox node = ReceiptNode.of(model.blocksProperty().get(), model.paperProperty().get());
        paperArea.getChildren().setAll(node);
        paperArea.setMaxWidth(Region.USE_PREF_SIZE);
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    /** Chooses the PDF's place with the system's file chooser. */
    public static Optional<Path> chooseWithFileChooser(Window owner, String suggestedFileName) {
        FileChooser fc = new FileChooser();
        fc.setInitialFileName(suggestedFileName);
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("PDF", "*.pdf"));
        File chosen = fc.showSaveDialog(owner);
        return Optional.ofNullable(chosen).map(File::toPath);
    }

    private final class PaperCell extends ListCell<Paper> {
        @Override
        protected void updateItem(Paper item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : words.text(switch (item) {
                case ROLL_58 -> "receipt.dialog.paper.roll_58";
                case ROLL_80 -> "receipt.dialog.paper.roll_80";
                case A4 -> "receipt.dialog.paper.a4";
            }));
        }
    }
}
