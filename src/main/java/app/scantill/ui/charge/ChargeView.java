package app.scantill.ui.charge;

import app.scantill.checkout.ChargeStatus.Phase;
import app.scantill.ui.KeyCap;
import app.scantill.ui.ModeBadge;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The charge screen: a progress indicator while the session is created, then the QR code with the
 * amount, a countdown and Cancel, then the outcome. One pane per phase; the view model decides
 * which is shown. Styles in charge.css.
 *
 * <p>The 1 Hz countdown timer runs only while a countdown is on screen, and {@link #dispose()}
 * (called by whoever shows this screen, when it goes away) stops it and removes this screen's
 * listeners from the view model for good.
 */
public final class ChargeView extends BorderPane {

    /** The style class of a pane's way back, fired by Esc. */
    private static final String ESCAPE_ACTION = "escape-action";
    private static final KeyCombination RECEIPT_KEY = new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN);

    private final ChargeViewModel model;
    private final Map<Phase, Node> panes = new EnumMap<>(Phase.class);
    private final QrCodeView qrCode = new QrCodeView();
    private final Timeline ticker;
    private final ChangeListener<Phase> phaseListener = (obs, old, now) -> show(now);
    private final ChangeListener<String> countdownListener = (obs, old, now) -> tickWhileCounting(now);
    private AwaitingPane awaiting;
    /** Paid: the receipt (its QR code, print, PDF), Ctrl+P. */
    private Button receipt;

    public ChargeView(ChargeViewModel model) {
        this.model = model;
        getStyleClass().add("charge-view");
        getStylesheets().add(ChargeView.class.getResource("charge.css").toExternalForm());

        setTop(header());
        StackPane body = new StackPane();
        body.getStyleClass().add("charge-body");
        Node awaiting = awaitingPane();
        panes.put(Phase.IDLE, new Region());
        panes.put(Phase.CREATING, creatingPane());
        panes.put(Phase.AWAITING_PAYMENT, awaiting);
        panes.put(Phase.CONNECTION_LOST, awaiting);
        panes.put(Phase.CANCELLING, cancellingPane());
        panes.put(Phase.PAID, paidPane());
        panes.put(Phase.EXPIRED, expiredPane());
        panes.put(Phase.CANCELLED, cancelledPane());
        panes.put(Phase.FAILED, failedPane());
        panes.put(Phase.NEEDS_ATTENTION, attentionPane());
        panes.values().stream().distinct().forEach(body.getChildren()::add);
        setCenter(body);

        model.phaseProperty().addListener(phaseListener);
        show(model.phaseProperty().get());

        ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> model.tick()));
        ticker.setCycleCount(Animation.INDEFINITE);
        model.countdownProperty().addListener(countdownListener);
        tickWhileCounting(model.countdownProperty().get());
        // Esc is the visible pane's way back (Cancel, Back to cart); Enter its default button.
        addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ESCAPE && fireEscapeAction()) {
                event.consume();
            } else if (event.getCode() == KeyCode.F8 && model.cashOfferedProperty().get()) {
                model.takeCash();
                event.consume();
            } else if (RECEIPT_KEY.match(event) && model.phaseProperty().get() == Phase.PAID && receipt.isVisible()) {
                receipt.fire();
                event.consume();
            }
        });
    }

    /**
     * Compact: a narrow column beside the cart with a small QR code, for a till whose customer display
     * shows the big one; otherwise the screen lies over the cart with the code as large as it allows.
     */
    public void setCompact(boolean compact) {
        awaiting.setCompact(compact);
        getStyleClass().remove("compact");
        if (compact) {
            getStyleClass().add("compact");
        }
    }

    /**
     * The screen is gone: stops the countdown timer and removes this screen's listeners from the
     * view model. The view model itself stays with its owner, which disposes it separately.
     */
    public void dispose() {
        model.countdownProperty().removeListener(countdownListener);
        model.phaseProperty().removeListener(phaseListener);
        ticker.stop();
    }

    /** Whether the 1 Hz countdown timer is running: only while a countdown is on screen. */
    public boolean isCountingDown() {
        return ticker.getStatus() == Animation.Status.RUNNING;
    }

    /** Ticks only while there is a countdown to show; otherwise the timer would wake the FX thread for nothing. */
    private void tickWhileCounting(String countdown) {
        if (countdown == null || countdown.isEmpty()) {
            ticker.stop();
        } else {
            ticker.play(); // no-op while already running
        }
    }

    /** The QR node: exactly the code and its quiet zone. */
    public QrCodeView qrCode() {
        return qrCode;
    }

    private void show(Phase phase) {
        Node visible = panes.get(phase);
        panes.values().forEach(pane -> pane.setVisible(pane == visible));
        focusPrimaryAction();
    }

    /**
     * Puts the keyboard focus on the visible screen's main button (New sale, New QR code, Retry,
     * Cancel), so Enter and Esc act on the charge screen and never reach the cart underneath.
     */
    public void focusPrimaryAction() {
        Node visible = panes.get(model.phaseProperty().get());
        if (visible == null || getScene() == null) {
            return;
        }
        List<Button> buttons = new ArrayList<>();
        collectButtons(visible, buttons);
        buttons.stream().filter(Button::isDefaultButton).findFirst()
                .or(() -> buttons.stream().findFirst())
                .ifPresentOrElse(Button::requestFocus, this::requestFocus);
    }

    /** Fires the visible pane's Esc button (the one showing the Esc key cap); false when it has none. */
    private boolean fireEscapeAction() {
        Node visible = panes.get(model.phaseProperty().get());
        if (visible == null) {
            return false;
        }
        List<Button> buttons = new ArrayList<>();
        collectButtons(visible, buttons);
        return buttons.stream().filter(b -> b.getStyleClass().contains(ESCAPE_ACTION) && !b.isDisabled())
                .findFirst().map(b -> {
                    b.fire();
                    return true;
                }).orElse(false);
    }

    private static void collectButtons(Node node, List<Button> into) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Button button) {
            into.add(button);
        } else if (node instanceof javafx.scene.Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collectButtons(child, into));
        }
    }

    private Node header() {
        ModeBadge badge = new ModeBadge(model.modeBadgeProperty(), model.modeStyleProperty());
        badge.setId("mode-badge");
        Label sale = new Label();
        sale.setId("sale-id");
        sale.getStyleClass().addAll("sale-id", "muted-text");
        sale.textProperty().bind(saleText());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(12, badge, spacer, sale);
        header.getStyleClass().add("charge-header");
        header.setAlignment(Pos.CENTER_LEFT);
        return header;
    }

    private Node creatingPane() {
        ProgressIndicator progress = new ProgressIndicator();
        progress.setId("creating-progress");
        Label title = title("charge.title.creating");
        Label amount = amount();
        Label detail = message();
        Button cancel = escapeButton("charge.button.cancel", "cancel-creating", model::cancel);
        return column("creating-pane", progress, title, amount, detail, cancel);
    }

    private Node awaitingPane() {
        awaiting = new AwaitingPane(model, qrCode, amount(), escapeButton("charge.button.cancel", "cancel-button", model::cancel));
        return awaiting;
    }

    private Node cancellingPane() {
        ProgressIndicator progress = new ProgressIndicator();
        return column("cancelling-pane", progress, title("charge.title.cancelling"), amount(), message());
    }

    private Node paidPane() {
        Label title = title("charge.title.paid");
        title.setId("paid-title");
        title.getStyleClass().add("paid-title");
        Label method = new Label();
        method.setId("paid-method");
        method.getStyleClass().addAll("detail", "muted-text");
        method.textProperty().bind(Bindings.createStringBinding(() -> model.methodTextProperty().get().isEmpty() ? ""
                : words("charge.paid_with", model.methodTextProperty().get()), model.methodTextProperty()));
        Label sale = saleLine();
        Button next = enterButton("charge.button.new_sale", "new-sale", model::newSale);
        // Its words come with the receipt's offer (none, no button): it has no key of its own to look up.
        receipt = new Button();
        receipt.setId("paid-receipt");
        receipt.setOnAction(e -> model.receipt());
        receipt.textProperty().bind(model.receiptLabelProperty());
        KeyCap.show(receipt, words("screen.key.receipt"));
        receipt.visibleProperty().bind(model.receiptLabelProperty().isNotEmpty());
        receipt.managedProperty().bind(receipt.visibleProperty());
        return column("paid-pane", title, amount(), method, sale, message(), new HBox(12, next, receipt));
    }

    private Node expiredPane() {
        Label title = title("charge.title.expired");
        Button again = enterButton("charge.button.new_qr", "new-qr", model::newQrCode);
        Button back = escapeButton("charge.button.back", "expired-back", model::backToCart);
        return column("expired-pane", title, amount(), saleLine(), new HBox(12, again, back));
    }

    private Node cancelledPane() {
        Label title = title("charge.title.cancelled");
        title.setId("cancelled-title");
        Button back = escapeButton("charge.button.back", "cancelled-back", model::backToCart);
        return column("cancelled-pane", title, amount(), saleLine(), back);
    }

    private Node failedPane() {
        Label title = title("charge.title.failed");
        Label detail = message();
        detail.setId("failed-message");
        Button retry = enterButton("charge.button.retry", "retry", model::retry);
        retry.visibleProperty().bind(model.retryableProperty());
        retry.managedProperty().bind(retry.visibleProperty());
        retry.defaultButtonProperty().bind(model.retryableProperty());
        Button cardOnly = enterButton("charge.button.card_only", "card-only", model::chargeCardOnly);
        cardOnly.visibleProperty().bind(model.cardOnlyOfferedProperty());
        cardOnly.managedProperty().bind(cardOnly.visibleProperty());
        // One key press: when offered it is the screen's default button, focused, so Enter charges by card.
        cardOnly.defaultButtonProperty().bind(model.cardOnlyOfferedProperty());
        Button back = escapeButton("charge.button.back", "failed-back", model::backToCart);
        back.visibleProperty().bind(model.retryableProperty().not());
        back.managedProperty().bind(back.visibleProperty());
        Button cancel = escapeButton("charge.button.cancel", "failed-cancel", model::cancel);
        cancel.visibleProperty().bind(model.retryableProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        Label cashOffer = new Label(words("charge.cash_offer"));
        cashOffer.setId("cash-offer");
        cashOffer.getStyleClass().add("charge-message");
        cashOffer.setWrapText(true);
        cashOffer.visibleProperty().bind(model.cashOfferedProperty());
        cashOffer.managedProperty().bind(cashOffer.visibleProperty());
        Button cash = button("charge.button.cash", "take-cash", model::takeCash);
        cash.visibleProperty().bind(model.cashOfferedProperty());
        cash.managedProperty().bind(cash.visibleProperty());
        return column("failed-pane", title, detail, cashOffer, new HBox(12, retry, cash, cardOnly, cancel, back));
    }

    private Node attentionPane() {
        Label title = title("charge.title.attention");
        title.getStyleClass().add("attention-title");
        Label detail = message();
        detail.setId("attention-message");
        TextField session = new TextField();
        session.setId("attention-session");
        session.setEditable(false);
        session.getStyleClass().add("payment-url");
        session.textProperty().bind(Bindings.createStringBinding(
                () -> words("charge.session", model.sessionIdProperty().get()), model.sessionIdProperty()));
        session.visibleProperty().bind(model.sessionIdProperty().isNotEmpty());
        Button back = escapeButton("charge.button.back", "attention-back", model::backToCart);
        return column("attention-pane", title, amount(), saleLine(), session, detail, back);
    }

    /** A text of this screen in its reader's language. */
    private String words(String key, Object... args) {
        return model.words().text(key, args);
    }

    /** "Sale S-…" while there is a sale, nothing otherwise. */
    private javafx.beans.binding.StringBinding saleText() {
        return Bindings.createStringBinding(() -> model.saleIdProperty().get().isEmpty() ? ""
                : words("charge.sale", model.saleIdProperty().get()), model.saleIdProperty());
    }

    private Label title(String key) {
        Label label = new Label(words(key));
        label.getStyleClass().addAll("charge-title", "strong-text");
        label.setWrapText(true);
        return label;
    }

    private Label amount() {
        Label label = new Label();
        label.getStyleClass().addAll("charge-amount", "strong-text");
        label.textProperty().bind(model.amountTextProperty());
        return label;
    }

    private Label message() {
        Label label = new Label();
        label.getStyleClass().add("charge-message");
        label.setWrapText(true);
        label.textProperty().bind(model.messageProperty());
        return label;
    }

    private Label saleLine() {
        Label label = new Label();
        label.getStyleClass().addAll("detail", "muted-text");
        label.textProperty().bind(saleText());
        return label;
    }

    private Button button(String key, String id, Runnable action) {
        Button button = new Button(words(key));
        button.setId(id);
        button.setOnAction(e -> action.run());
        return button;
    }

    /** A button Esc fires while its pane is up, showing the Esc key cap. */
    private Button escapeButton(String key, String id, Runnable action) {
        Button button = button(key, id, action);
        button.getStyleClass().add(ESCAPE_ACTION);
        KeyCap.show(button, words("help.keys.escape"));
        return button;
    }

    /** The pane's default button (Enter), showing the Enter key cap. */
    private Button enterButton(String key, String id, Runnable action) {
        Button button = button(key, id, action);
        button.setDefaultButton(true);
        KeyCap.show(button, words("help.keys.scan"));
        return button;
    }

    private static VBox column(String styleClass, Node... children) {
        VBox box = new VBox(16, children);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().addAll("charge-pane", styleClass);
        return box;
    }
}
