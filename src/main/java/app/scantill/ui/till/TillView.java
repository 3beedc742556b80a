package app.scantill.ui.till;

import app.scantill.i18n.Message;
import app.scantill.sale.Sale;
import app.scantill.ui.Theme;
import app.scantill.ui.cashier.CashierView;
import app.scantill.ui.cashier.CashierViewModel.NoticeLevel;
import app.scantill.ui.cashier.CashierViewModel;
import app.scantill.ui.editor.ProductEditing;
import app.scantill.ui.editor.ProductEditorViewModel;
import app.scantill.ui.editor.ProductEditorWindow;
import app.scantill.ui.cash.CashView;
import app.scantill.ui.cash.CashViewModel;
import app.scantill.ui.charge.ChargeView;
import app.scantill.ui.drawer.DrawerView;
import app.scantill.ui.drawer.DrawerViewModel;
import app.scantill.ui.charge.ChargeViewModel;
import app.scantill.ui.history.HistoryView;
import app.scantill.ui.history.HistoryViewModel;
import app.scantill.ui.receipt.ReceiptNode;
import app.scantill.ui.receipt.ReceiptPrinter;
import app.scantill.ui.receipt.ReceiptViewModel;
import app.scantill.ui.receipt.ReceiptWindow;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.layout.StackPane;
import javafx.stage.Modality;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

/**
 * The till window: the cashier screen, with the charge screen laid over it while a sale is being
 * paid, and the sales history in a window of its own. Closing with an open payment asks first.
 * The charge screen is released (its countdown timer and listeners) when it is replaced or the
 * window is hidden.
 */
public final class TillView {

    public static final String STYLESHEET = "/app/scantill/ui/till/till.css";
    /** How long closing waits for Stripe to confirm that an open session is expired. */
    private static final Duration CLOSE_PATIENCE = Duration.ofSeconds(15);

    private final TillViewModel model;
    private final CashierView cashierView;
    private final StackPane root = new StackPane();
    private final StackPane chargeLayer = new StackPane();
    /** The cash screen (F8), over the cart and over the charge screen it may take over. */
    private final StackPane cashLayer = new StackPane();
    /** The cash drawer screen (F7), over the cart. */
    private final StackPane drawerLayer = new StackPane();
    /** The charge screen for the current charge model; null before payments are attached. */
    private ChargeView chargeView;
    private Stage historyStage;
    private Stage productsStage;
    private boolean closing;
    /** A customer display shows the big code: the charge screen is small, over the products, not over the cart. */
    private boolean compactCharge;

    public TillView(TillViewModel model) {
        this.model = model;
        this.cashierView = new CashierView(model.cashier());
        chargeLayer.setId("chargeLayer");
        chargeLayer.getStyleClass().add("charge-layer");
        chargeLayer.visibleProperty().bind(model.chargeShownProperty());
        chargeLayer.managedProperty().bind(model.chargeShownProperty());
        cashLayer.setId("cashLayer");
        cashLayer.visibleProperty().bind(model.cashShownProperty());
        cashLayer.managedProperty().bind(model.cashShownProperty());
        drawerLayer.setId("drawerLayer");
        drawerLayer.setVisible(false);
        drawerLayer.setManaged(false);
        root.getChildren().addAll(cashierView.root(), chargeLayer, cashLayer, drawerLayer);
        model.drawerModelProperty().addListener((obs, old, now) -> showDrawerModel(now));
        showDrawerModel(model.drawerModelProperty().get());
        model.cashModelProperty().addListener((obs, old, now) -> showCashModel(now));
        showCashModel(model.cashModelProperty().get());
        model.cashShownProperty().addListener((obs, was, shown) -> {
            keepCartOutOfReach();
            if (!shown && !model.chargeShownProperty().get()) {
                cashierView.focusScanField();
            } else if (!shown && chargeView != null) {
                chargeView.focusPrimaryAction();
            }
        });
        root.getStylesheets().add(TillView.class.getResource(STYLESHEET).toExternalForm());
        model.chargeModelProperty().addListener((obs, old, now) -> showChargeModel(now));
        showChargeModel(model.chargeModelProperty().get());
        model.chargeShownProperty().addListener((obs, was, shown) -> {
            keepCartOutOfReach();
            if (!shown) {
                cashierView.focusScanField();
            } else if (chargeView != null) {
                chargeView.focusPrimaryAction();
            }
        });
        model.setOnOpenHistory(this::openHistory);
        model.setOnOpenProductEditor(this::openProductEditor);
        model.setOnShowReceipt(this::openReceipt);
        model.setOnPrintReceipt(this::printReceipt);
    }

    public Parent root() {
        return root;
    }

    /** Puts the window on the stage and takes over its close button. */
    public void showIn(Stage stage) {
        if (model.cashier().words().locale().getLanguage().equals("ja")) {
            Theme.loadJapaneseFont(); // before the first frame, or its words would show as boxes
        }
        Scene scene = new Scene(root, 1280, 800);
        Theme.applyTo(scene);
        stage.setTitle(words("app.name"));
        stage.setMinWidth(1000);
        stage.setMinHeight(680);
        stage.setScene(scene);
        stage.setOnCloseRequest(this::onCloseRequest);
        stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, event -> releaseChargeScreen());
        stage.show();
        cashierView.focusScanField();
    }

    private void showDrawerModel(DrawerViewModel drawerModel) {
        drawerLayer.getChildren().clear();
        drawerLayer.visibleProperty().unbind();
        drawerLayer.managedProperty().unbind();
        if (drawerModel != null) {
            drawerLayer.getChildren().add(new DrawerView(drawerModel));
            drawerLayer.visibleProperty().bind(drawerModel.shownProperty());
            drawerLayer.managedProperty().bind(drawerModel.shownProperty());
            drawerModel.shownProperty().addListener((obs, was, shown) -> {
                cashierView.root().setDisable(shown);
                if (!shown) {
                    cashierView.focusScanField();
                }
            });
        }
    }

    private void showCashModel(CashViewModel cashModel) {
        cashLayer.getChildren().clear();
        if (cashModel != null) {
            CashView view = new CashView(cashModel);
            view.setOnReceipt(model::showCashReceipt);
            cashLayer.getChildren().add(view);
        }
    }

    private void showChargeModel(ChargeViewModel chargeModel) {
        releaseChargeScreen();
        if (chargeModel != null) {
            chargeView = new ChargeView(chargeModel);
            chargeView.setCompact(compactCharge);
            chargeLayer.getChildren().add(chargeView);
        }
    }

    /**
     * While the charge screen lies over the cart, the cart is out of reach: Tab stays on the charge screen
     * and a screen reader does not read what is under the dim. Beside the cart (compact), both stay in reach.
     */
    private void keepCartOutOfReach() {
        cashierView.root().setDisable((model.chargeShownProperty().get() && !compactCharge)
                || model.cashShownProperty().get());
        if (chargeView != null) {
            chargeView.setDisable(model.cashShownProperty().get());
        }
    }

    /**
     * Whether a customer display shows the customer the code: then the charge screen is a small code with
     * the status over the product area, and the cart stays in the cashier's sight; otherwise it lies over
     * the whole window with the code as large as it allows.
     */
    public void setCustomerDisplayShown(boolean shown) {
        compactCharge = shown;
        root.getChildren().remove(chargeLayer);
        cashierView.coverProducts(null);
        chargeLayer.getStyleClass().remove("compact");
        if (shown) {
            chargeLayer.getStyleClass().add("compact");
            cashierView.coverProducts(chargeLayer);
        } else {
            root.getChildren().add(chargeLayer);
            cashLayer.toFront();
        }
        if (chargeView != null) {
            chargeView.setCompact(shown);
        }
        keepCartOutOfReach();
    }

    private void releaseChargeScreen() {
        if (chargeView != null) {
            chargeView.dispose();
            chargeLayer.getChildren().remove(chargeView);
            chargeView = null;
        }
    }

    private void openHistory() {
        if (historyStage != null) {
            historyStage.toFront();
            return;
        }
        var historyModel = model.newHistoryModel();
        if (historyModel.isEmpty()) {
            model.report(NoticeLevel.ERROR, Message.of("till.history_unavailable"));
            return;
        }
        HistoryViewModel history = historyModel.get();
        Stage stage = new Stage();
        stage.initOwner(root.getScene() == null ? null : root.getScene().getWindow());
        stage.setTitle(words("history.window_title"));
        HistoryView view = new HistoryView(history);
        view.closeOnEscape(stage);
        // At most the screen the till is on: a 1024x768 till screen shows the whole window.
        Rectangle2D screen = screenArea();
        Scene scene = new Scene(view.root(), Math.min(1100, screen.getWidth()), Math.min(720, screen.getHeight()));
        Theme.applyTo(scene);
        stage.setScene(scene);
        stage.setOnHidden(event -> historyStage = null);
        historyStage = stage;
        stage.show();
        history.refresh();
        history.loadReport();
    }

    /** The product editor (F3), in a window of its own: keys and scans there never reach the cart. */
    private void openProductEditor() {
        if (productsStage != null) {
            productsStage.toFront();
            return;
        }
        Optional<ProductEditing> editing = model.productEditing();
        if (editing.isEmpty()) {
            model.report(NoticeLevel.WARNING, Message.of("catalog.editor.unavailable"));
            return;
        }
        CashierViewModel cashier = model.cashier();
        ProductEditorViewModel editor = new ProductEditorViewModel(editing.get(), cashier.catalogProperty(),
                cashier::showCatalog, cashier.words(), model.executor());
        productsStage = ProductEditorWindow.open(window(), editor, editing.get().files());
        productsStage.addEventHandler(WindowEvent.WINDOW_HIDDEN, event -> {
            productsStage = null;
            cashierView.focusScanField();
        });
    }

    /** The usable area of the screen the till window is on. */
    private Rectangle2D screenArea() {
        Bounds b = root.localToScreen(root.getLayoutBounds());
        List<Screen> screens = b == null ? List.of() : Screen.getScreensForRectangle(b.getMinX(), b.getMinY(),
                Math.max(1, b.getWidth()), Math.max(1, b.getHeight()));
        return (screens.isEmpty() ? Screen.getPrimary() : screens.get(0)).getVisualBounds();
    }

    private void openReceipt(Sale sale) {
        model.afterSale().ifPresent(desk -> ReceiptWindow.open(window(), desk, model.executor(), sale, null));
    }

    /**
     * Prints the receipt of a sale just paid on the default printer, with the hosted receipt's QR code when
     * Stripe tells it in time; the outcome goes to the message bar.
     */
    private void printReceipt(Sale sale) {
        model.afterSale().ifPresent(desk -> {
            ReceiptViewModel receipt = new ReceiptViewModel(desk, model.executor(), sale, null);
            receipt.blocksProperty().addListener((o, was, blocks) -> {
                if (receipt.busyProperty().get()) {
                    return;
                }
                Message outcome = ReceiptPrinter.system().print(ReceiptNode.of(blocks, receipt.paperProperty().get()),
                        window(), false);
                model.report(NoticeLevel.INFO, outcome);
            });
            receipt.load();
        });
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    /** A text of the window in the cashier's language. */
    private String words(String key) {
        return model.cashier().words().text(key);
    }

    private void onCloseRequest(WindowEvent event) {
        if (closing) {
            event.consume();
            return;
        }
        if (!model.closingNeedsConfirmation()) {
            return;
        }
        event.consume();
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION);
        Window owner = root.getScene().getWindow();
        ask.initOwner(owner);
        ask.initModality(Modality.WINDOW_MODAL);
        ask.setTitle(words("till.close.title"));
        ask.setHeaderText(words("till.close.header"));
        ask.setContentText(words("till.close.content"));
        ButtonType cancelAndClose = new ButtonType(words("till.close.cancel_and_close"), ButtonBar.ButtonData.OK_DONE);
        ButtonType stay = new ButtonType(words("till.close.keep_waiting"), ButtonBar.ButtonData.CANCEL_CLOSE);
        ask.getButtonTypes().setAll(cancelAndClose, stay);
        ask.showAndWait().filter(cancelAndClose::equals).ifPresent(answer -> {
            closing = true;
            model.report(NoticeLevel.INFO, Message.of("till.close.cancelling"));
            model.cancelThenClose(CLOSE_PATIENCE, Platform::exit);
        });
    }
}
