package app.scantill.ui.customer;

import app.scantill.ui.ModeBadge;
import app.scantill.ui.charge.QrCodeView;
import app.scantill.ui.customer.CustomerDisplayModel.Line;
import app.scantill.ui.customer.CustomerDisplayModel.Screen;
import java.util.EnumMap;
import java.util.Map;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The customer's screen, built in code: a header with the shop's name and the SANDBOX / TEST / LIVE
 * badge, and one pane per {@link Screen} of its model. The code to pay with fills as much of the
 * screen as it can, beside the amount on a landscape screen and above it on a portrait one. Styles in
 * customer.css.
 *
 * <p>The 1 Hz countdown timer runs only while the code is up; {@link #dispose()} stops it and removes
 * this view's listeners from the model.
 */
public final class CustomerDisplayView extends BorderPane {

    public static final String STYLESHEET = "/app/scantill/ui/customer/customer.css";

    private final CustomerDisplayModel model;
    private final Map<Screen, Node> panes = new EnumMap<>(Screen.class);
    private final QrCodeView qrCode = new QrCodeView();
    private final QrCodeView receiptCode = new QrCodeView();
    private final ListView<Line> lineList = new ListView<>();
    private final Timeline ticker;
    private final ChangeListener<Screen> screenListener = (obs, old, now) -> show(now);
    private final ListChangeListener<Line> linesListener = change -> lineList.scrollTo(lineList.getItems().size() - 1);

    public CustomerDisplayView(CustomerDisplayModel model) {
        this.model = model;
        getStyleClass().add("customer-display");
        getStylesheets().add(CustomerDisplayView.class.getResource(STYLESHEET).toExternalForm());
        setTop(header());
        StackPane body = new StackPane();
        body.getStyleClass().add("customer-body");
        panes.put(Screen.WELCOME, welcomePane());
        panes.put(Screen.CART, cartPane());
        panes.put(Screen.PREPARING, column("preparing-pane", new ProgressIndicator(),
                title("customer.title.preparing"), amount()));
        panes.put(Screen.PAY, new CustomerPayPane(model, qrCode));
        panes.put(Screen.PAID, paidPane());
        String alone = model.selfService() ? "kiosk" : "customer";
        panes.put(Screen.EXPIRED, column("expired-pane", title("customer.title.expired"), amount(),
                detail(alone + ".detail.expired")));
        panes.put(Screen.CANCELLED, column("cancelled-pane", title("customer.title.cancelled"),
                detail("customer.detail.cancelled")));
        panes.put(Screen.WAIT, column("wait-pane", new ProgressIndicator(), title("customer.title.wait")));
        panes.put(Screen.PROBLEM, column("problem-pane", title("customer.title.problem"),
                detail(alone + ".detail.problem")));
        panes.forEach((screen, pane) -> pane.setId("customer-" + screen.name().toLowerCase(java.util.Locale.ROOT)));
        body.getChildren().addAll(panes.values());
        setCenter(body);

        ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> model.tick()));
        ticker.setCycleCount(Animation.INDEFINITE);
        model.screenProperty().addListener(screenListener);
        model.lines().addListener(linesListener);
        show(model.screenProperty().get());
    }

    /** Without its header: the kiosk has its own, with the shop's name and the badge. */
    public void hideHeader() {
        setTop(null);
    }

    /** The code the customer scans: exactly the QR image and its quiet zone. */
    public QrCodeView qrCode() {
        return qrCode;
    }

    /** The receipt's code on the Paid screen. */
    public QrCodeView receiptCode() {
        return receiptCode;
    }

    /** Whether the 1 Hz countdown timer runs: only while the code is up. */
    public boolean isCountingDown() {
        return ticker.getStatus() == Animation.Status.RUNNING;
    }

    /** The window is gone: the timer stops and the model no longer hears from this view. */
    public void dispose() {
        ticker.stop();
        model.screenProperty().removeListener(screenListener);
        model.lines().removeListener(linesListener);
    }

    private void show(Screen screen) {
        Node visible = panes.get(screen);
        panes.values().forEach(pane -> pane.setVisible(pane == visible));
        if (screen == Screen.PAY) {
            model.tick();
            ticker.play();
        } else {
            ticker.stop();
        }
    }

    private Node header() {
        Label shop = new Label(model.shopName());
        shop.setId("customer-shop");
        shop.getStyleClass().add("customer-shop");
        shop.setMinWidth(Region.USE_PREF_SIZE);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        ModeBadge badge = new ModeBadge(model.modeBadgeProperty(), model.modeStyleProperty());
        badge.setId("customer-mode-badge");
        HBox header = new HBox(16, shop, gap, badge);
        header.getStyleClass().add("customer-header");
        header.setAlignment(Pos.CENTER_LEFT);
        return header;
    }

    private Node welcomePane() {
        VBox pane = column("welcome-pane");
        if (model.logoUrl() != null) {
            ImageView logo = new ImageView(new Image(model.logoUrl(), true)); // loads in the background
            logo.setId("customer-logo");
            logo.setPreserveRatio(true);
            logo.setSmooth(true);
            logo.fitHeightProperty().bind(heightProperty().multiply(0.35));
            logo.fitWidthProperty().bind(widthProperty().multiply(0.6));
            logo.setAccessibleRole(AccessibleRole.IMAGE_VIEW);
            logo.setAccessibleText(model.shopName());
            logo.visibleProperty().bind(logo.getImage().errorProperty().not());
            logo.managedProperty().bind(logo.visibleProperty());
            pane.getChildren().add(logo);
        }
        Label name = new Label(model.shopName());
        name.getStyleClass().add("welcome-shop");
        name.setWrapText(true);
        pane.getChildren().addAll(name, detail("customer.welcome"));
        return pane;
    }

    private Node cartPane() {
        lineList.setId("customer-lines");
        lineList.getStyleClass().add("customer-lines");
        lineList.setItems(model.lines());
        lineList.setFocusTraversable(false);
        lineList.setMouseTransparent(true); // the customer reads it; the cashier changes it
        lineList.setCellFactory(list -> new LineCell());
        lineList.setAccessibleText(model.words().text("customer.lines.accessible"));
        VBox.setVgrow(lineList, Priority.ALWAYS);

        Label count = new Label();
        count.getStyleClass().addAll("customer-count", "muted-text");
        count.textProperty().bind(model.itemCountTextProperty());
        Label caption = new Label(model.words().text("customer.total"));
        caption.getStyleClass().add("customer-total-caption");
        Label total = new Label();
        total.setId("customer-total");
        total.getStyleClass().addAll("customer-total", "strong-text");
        total.textProperty().bind(model.totalTextProperty());
        total.setMinWidth(Region.USE_PREF_SIZE);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox totalRow = new HBox(16, caption, count, gap, total);
        totalRow.setAlignment(Pos.BASELINE_LEFT);
        totalRow.getStyleClass().add("customer-total-row");
        VBox pane = new VBox(16, title("customer.title.cart"), lineList, totalRow);
        pane.getStyleClass().add("customer-cart");
        return pane;
    }

    private Node paidPane() {
        Label thanks = title("customer.title.paid");
        thanks.setId("customer-thanks");
        thanks.getStyleClass().add("customer-thanks");
        Label method = new Label();
        method.getStyleClass().add("customer-detail");
        method.textProperty().bind(model.paidTextProperty());
        // The receipt's code once Stripe tells its address: the customer keeps the receipt on the phone.
        receiptCode.setId("customer-receipt-qr");
        receiptCode.matrixProperty().bind(model.receiptQrProperty());
        receiptCode.setAccessibleRole(AccessibleRole.IMAGE_VIEW);
        receiptCode.setAccessibleText(model.words().text("customer.receipt.accessible"));
        receiptCode.getStyleClass().add("customer-receipt-qr");
        Label scan = detail("customer.receipt.scan");
        scan.setId("customer-receipt-caption");
        VBox receipt = new VBox(8, receiptCode, scan);
        receipt.setAlignment(Pos.CENTER);
        receipt.visibleProperty().bind(model.receiptQrProperty().isNotNull());
        receipt.managedProperty().bind(receipt.visibleProperty());
        return column("paid-pane", thanks, amount(), method, receipt);
    }

    private Label title(String key) {
        Label label = new Label(model.words().text(key));
        label.getStyleClass().addAll("customer-title", "strong-text");
        label.setWrapText(true);
        return label;
    }

    private Label detail(String key) {
        Label label = new Label(model.words().text(key));
        label.getStyleClass().add("customer-detail");
        label.setWrapText(true);
        return label;
    }

    private Label amount() {
        Label label = new Label();
        label.getStyleClass().addAll("customer-amount", "strong-text");
        label.textProperty().bind(model.amountTextProperty());
        return label;
    }

    private static VBox column(String styleClass, Node... children) {
        VBox box = new VBox(24, children);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().addAll("customer-pane", styleClass);
        return box;
    }

    /** A cart line: the product's name, then quantity and unit price, then the line's total. */
    private static final class LineCell extends ListCell<Line> {
        private final Label name = new Label();
        private final Label quantity = new Label();
        private final Label total = new Label();
        private final HBox row;

        LineCell() {
            name.getStyleClass().add("line-name");
            name.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(name, Priority.ALWAYS);
            quantity.getStyleClass().addAll("line-quantity", "muted-text");
            quantity.setMinWidth(Region.USE_PREF_SIZE);
            total.getStyleClass().addAll("line-total", "strong-text");
            total.setMinWidth(Region.USE_PREF_SIZE);
            row = new HBox(24, name, quantity, total);
            row.setAlignment(Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(Line line, boolean empty) {
            super.updateItem(line, empty);
            if (empty || line == null) {
                setGraphic(null);
                setAccessibleText(null);
                return;
            }
            name.setText(line.name());
            quantity.setText(line.quantity());
            total.setText(line.total());
            setAccessibleText(String.join(", ", line.name(), line.quantity(), line.total()));
            setGraphic(row);
        }
    }
}
