package app.scantill.ui.kiosk;

import app.scantill.ui.ModeBadge;
import app.scantill.ui.Theme;
import app.scantill.ui.customer.CustomerDisplayModel;
import app.scantill.ui.customer.CustomerDisplayView;
import app.scantill.ui.kiosk.KioskViewModel.Screen;
import java.util.Locale;
import java.util.function.Function;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.TouchEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import javafx.util.Duration;

/**
 * The kiosk's one window, full screen for the customer: a header with the shop's name, the SANDBOX /
 * TEST / LIVE badge, the scanner's field and Staff; under it the attract screen, the shop
 * ({@link KioskShop}) or the payment (the customer display's own screens with {@link KioskPayBar}); over
 * everything when needed "Still there?", "One moment…" during a reset, and the PIN pad. Styles in kiosk.css.
 *
 * <p>Every touch, key and scroll tells the model the customer is there; a 1 Hz timer lets it ask and
 * reset. The scanner's field keeps the keyboard focus, as on the cashier's screen. No History, no refunds,
 * no settings: nothing here opens them. The window cannot be closed or left full screen without the PIN.
 */
public final class KioskView {

    public static final String STYLESHEET = "/app/scantill/ui/kiosk/kiosk.css";

    private final KioskViewModel model;
    private final CustomerDisplayModel display;
    private final CustomerDisplayView payment;
    private final KioskPayBar payBar;
    private final StackPane root = new StackPane();
    private final TextField scanField = new TextField();
    private final Timeline ticker;

    public KioskView(KioskViewModel model, CustomerDisplayModel display) {
        this.model = model;
        this.display = display;
        this.payment = new CustomerDisplayView(display);
        payment.hideHeader();
        Function<Runnable, Runnable> touch = action -> () -> {
            model.touched();
            action.run();
            focusScanner();
        };
        this.payBar = new KioskPayBar(model, touch);

        StackPane screens = new StackPane(attract(touch), new KioskShop(model, touch), paying());
        screens.getStyleClass().add("kiosk-screens");
        BorderPane frame = new BorderPane(screens);
        frame.setTop(header(touch));
        root.getChildren().addAll(frame, stillThere(touch), resetting(),
                new KioskPinPadView(model.pinPad(), model.cashier().words()));
        root.getStyleClass().add("kiosk");
        root.getStylesheets().add(KioskView.class.getResource(STYLESHEET).toExternalForm());

        for (javafx.event.EventType<?> input : java.util.List.of(MouseEvent.MOUSE_PRESSED, TouchEvent.TOUCH_PRESSED,
                KeyEvent.KEY_PRESSED, ScrollEvent.SCROLL)) {
            root.addEventFilter(input, event -> model.touched());
        }
        model.screenProperty().addListener((obs, old, now) -> show(screens, now));
        show(screens, model.screenProperty().get());
        model.pinPad().shownProperty().addListener((obs, was, shown) -> {
            scanField.setDisable(shown);
            if (!shown) {
                focusScanner();
            }
        });
        ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> model.tick()));
        ticker.setCycleCount(Animation.INDEFINITE);
        ticker.play();
    }

    public StackPane root() {
        return root;
    }

    /**
     * Full screen on {@code stage}: Esc does not leave it and closing the window asks for the PIN instead.
     * Hiding the window releases the timer and the listeners.
     */
    public void showIn(Stage stage) {
        if (model.cashier().words().locale().getLanguage().equals(Locale.JAPANESE.getLanguage())) {
            Theme.loadJapaneseFont(); // before the first frame, or its words would show as boxes
        }
        Scene scene = new Scene(root, 1280, 800);
        Theme.applyTo(scene);
        stage.setTitle(model.cashier().words().text("kiosk.window_title", display.shopName()));
        stage.setScene(scene);
        stage.setFullScreenExitHint("");
        stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
        stage.setOnCloseRequest(event -> {
            event.consume();
            model.staffExit();
        });
        stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, event -> dispose());
        stage.show();
        stage.setFullScreen(true); // once shown: some platforms have no window to make full screen before
        focusScanner();
    }

    /** The window is gone: the timer stops and the models no longer hear from this view. */
    public void dispose() {
        ticker.stop();
        payment.dispose();
        payBar.dispose();
        display.dispose();
        model.dispose();
    }

    /** Whether the 1 Hz timer runs (until the window goes). */
    public boolean isTicking() {
        return ticker.getStatus() == Animation.Status.RUNNING;
    }

    public CustomerDisplayView payment() {
        return payment;
    }

    private void show(StackPane screens, Screen now) {
        for (int i = 0; i < screens.getChildren().size(); i++) {
            screens.getChildren().get(i).setVisible(i == now.ordinal());
        }
        focusScanner();
    }

    private void focusScanner() {
        if (!model.pinPad().shownProperty().get()) {
            scanField.requestFocus();
        }
    }

    private Node header(Function<Runnable, Runnable> touch) {
        Label shop = new Label(display.shopName());
        shop.setId("kiosk-shop");
        shop.getStyleClass().add("kiosk-shop-name");
        shop.setMinWidth(Region.USE_PREF_SIZE);
        ModeBadge badge = new ModeBadge(model.cashier().modeBadgeProperty(), model.cashier().modeStyleProperty());
        badge.setId("kiosk-mode-badge");
        // The scanner types into this field and presses Enter by itself; a customer may type a code too.
        scanField.setId("kiosk-scan");
        scanField.getStyleClass().add("kiosk-scan");
        scanField.setPromptText(model.cashier().words().text("kiosk.scan.prompt"));
        scanField.setAccessibleText(scanField.getPromptText());
        scanField.setOnAction(event -> {
            if (model.cashier().scan(scanField.getText())) {
                scanField.clear();
            }
        });
        HBox.setHgrow(scanField, Priority.ALWAYS);
        Button staff = new Button(model.cashier().words().text("kiosk.button.staff"));
        staff.setId("kiosk-staff");
        staff.getStyleClass().add("kiosk-staff");
        staff.setFocusTraversable(false);
        staff.setOnAction(event -> model.staffExit());
        HBox header = new HBox(16, shop, badge, scanField, staff);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("kiosk-header");
        return header;
    }

    private Node attract(Function<Runnable, Runnable> touch) {
        VBox pane = new VBox(28);
        pane.setId("kiosk-attract");
        pane.setAlignment(Pos.CENTER);
        pane.getStyleClass().add("kiosk-attract");
        if (display.logoUrl() != null) {
            ImageView logo = new ImageView(new Image(display.logoUrl(), true));
            logo.setPreserveRatio(true);
            logo.fitHeightProperty().bind(root.heightProperty().multiply(0.3));
            logo.fitWidthProperty().bind(root.widthProperty().multiply(0.5));
            logo.setAccessibleText(display.shopName());
            logo.visibleProperty().bind(logo.getImage().errorProperty().not());
            logo.managedProperty().bind(logo.visibleProperty());
            pane.getChildren().add(logo);
        }
        Label name = new Label(display.shopName());
        name.getStyleClass().add("kiosk-attract-shop");
        name.setWrapText(true);
        Label invite = new Label(model.cashier().words().text("kiosk.attract"));
        invite.getStyleClass().add("kiosk-attract-invite");
        invite.setWrapText(true);
        Button start = new Button(model.cashier().words().text("kiosk.button.start"));
        start.setId("kiosk-start");
        start.getStyleClass().addAll("kiosk-action", "kiosk-primary");
        start.setFocusTraversable(false);
        Runnable begin = touch.apply(model::touched);
        start.setOnAction(event -> begin.run());
        pane.getChildren().addAll(name, invite, start);
        return pane;
    }

    private Node paying() {
        BorderPane pane = new BorderPane(payment);
        pane.setBottom(payBar);
        pane.setId("kiosk-paying");
        return pane;
    }

    private Node stillThere(Function<Runnable, Runnable> touch) {
        Label title = new Label(model.cashier().words().text("kiosk.still_there"));
        title.getStyleClass().addAll("kiosk-title", "strong-text");
        Label left = new Label();
        left.setId("kiosk-still-there-left");
        left.getStyleClass().add("kiosk-detail");
        left.setWrapText(true);
        left.textProperty().bind(Bindings.createStringBinding(() -> model.cashier().words().text(
                model.screenProperty().get() == Screen.PAYING ? "kiosk.still_there.paying" : "kiosk.still_there.items",
                model.answerSecondsLeftProperty().get()), model.answerSecondsLeftProperty(), model.screenProperty()));
        Button here = new Button(model.cashier().words().text("kiosk.button.still_here"));
        here.setId("kiosk-still-here");
        here.getStyleClass().addAll("kiosk-action", "kiosk-primary");
        Runnable answer = touch.apply(model::stillHere);
        here.setOnAction(event -> answer.run());
        VBox card = new VBox(20, title, left, here);
        card.setAlignment(Pos.CENTER);
        card.getStyleClass().add("kiosk-card");
        card.setMaxSize(560, Region.USE_PREF_SIZE);
        StackPane overlay = new StackPane(card);
        overlay.setId("kiosk-still-there");
        overlay.getStyleClass().add("kiosk-overlay");
        overlay.visibleProperty().bind(model.askingProperty());
        return overlay;
    }

    private Node resetting() {
        Label title = new Label(model.cashier().words().text("customer.title.wait"));
        title.getStyleClass().addAll("kiosk-title", "strong-text");
        ProgressIndicator busy = new ProgressIndicator();
        busy.setAccessibleText(title.getText());
        VBox card = new VBox(20, busy, title);
        card.setAlignment(Pos.CENTER);
        card.getStyleClass().add("kiosk-card");
        card.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        StackPane overlay = new StackPane(card);
        overlay.setId("kiosk-resetting");
        overlay.getStyleClass().add("kiosk-overlay");
        overlay.visibleProperty().bind(model.resettingProperty());
        return overlay;
    }
}
