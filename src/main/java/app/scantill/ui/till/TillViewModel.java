package app.scantill.ui.till;

import app.scantill.cart.CartSnapshot;
import app.scantill.checkout.CashDesk;
import app.scantill.checkout.CashDrawer;
import app.scantill.checkout.ChargeService;
import app.scantill.checkout.ChargeStatus.Phase;
import app.scantill.checkout.ChargeStatus;
import app.scantill.checkout.RecoverySummary;
import app.scantill.config.AppConfig;
import app.scantill.config.SandboxBind;
import app.scantill.config.Settings;
import app.scantill.i18n.Message;
import app.scantill.i18n.Sentences;
import app.scantill.i18n.Translator;
import app.scantill.journal.SalesHistory;
import app.scantill.journal.SalesJournal;
import app.scantill.receipt.Paper;
import app.scantill.receipt.Shop;
import app.scantill.refund.RefundService;
import app.scantill.sale.Sale;
import app.scantill.sale.SaleIdGenerator;
import app.scantill.till.TillServices;
import app.scantill.ui.cashier.CashierViewModel.NoticeLevel;
import app.scantill.ui.cashier.CashierViewModel;
import app.scantill.ui.cash.CashViewModel;
import app.scantill.ui.charge.ChargeViewModel;
import app.scantill.ui.editor.ProductEditing;
import app.scantill.ui.drawer.DrawerViewModel;
import app.scantill.ui.history.HistoryViewModel;
import app.scantill.ui.receipt.AfterSale;
import app.scantill.ui.support.UiExecutor;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The till window's state: which screen is up (the cart or the charge), which money it moves, and
 * what the cashier is told about the set-up. It joins the cashier screen to the charge flow and
 * owns the rules between them: the cart is locked while a customer could pay, and freed only when
 * the sale is paid, cancelled or abandoned before any session existed.
 *
 * <p>The payment services start in the background while the cart is already usable; until they are
 * {@link #attach attached}, Charge says so instead of doing nothing.
 */
public final class TillViewModel {

    /** Phases that bring the charge screen up, whoever started them (the cashier or start-up recovery). */
    private static final Set<Phase> SHOWN = EnumSet.of(Phase.CREATING, Phase.AWAITING_PAYMENT,
            Phase.CONNECTION_LOST, Phase.CANCELLING, Phase.FAILED, Phase.NEEDS_ATTENTION);

    /** How long recovery waits for one sale to settle or show its session open before moving on. */
    private static final Duration RECOVERY_PER_SALE = Duration.ofSeconds(10);

    private static final System.Logger LOG = System.getLogger(TillViewModel.class.getName());

    private final CashierViewModel cashier;
    private final UiExecutor executor;
    private final Clock clock;
    private final ReadOnlyBooleanWrapper chargeShown = new ReadOnlyBooleanWrapper(this, "chargeShown", false);
    private final ReadOnlyObjectWrapper<ChargeViewModel> chargeModel =
            new ReadOnlyObjectWrapper<>(this, "chargeModel");
    private final ReadOnlyBooleanWrapper attached = new ReadOnlyBooleanWrapper(this, "attached", false);
    /** True while start-up recovery checks unfinished sales: no new sale may start meanwhile. */
    private final ReadOnlyBooleanWrapper recovering = new ReadOnlyBooleanWrapper(this, "recovering", false);
    private TillServices services;
    /** Whether the cashier was told the store's Stripe key may not read events (told once). */
    private volatile boolean eventsRefusalSaid;
    private Runnable onOpenHistory = () -> { };
    private Runnable onOpenProductEditor = () -> { };
    /** The product editor's services; none on a till that may not edit its catalog (a kiosk). */
    private ProductEditing productEditing;
    private AfterSale afterSale;
    private Consumer<Sale> onShowReceipt = sale -> { };
    private Consumer<Sale> onPrintReceipt = sale -> { };
    /** The cash screen (F8), once the journal is open; cash needs nothing else. */
    private final ReadOnlyObjectWrapper<CashViewModel> cashModel = new ReadOnlyObjectWrapper<>(this, "cashModel");
    private final ReadOnlyBooleanWrapper cashShown = new ReadOnlyBooleanWrapper(this, "cashShown", false);
    /** The cash drawer screen (F7), once the journal is open. */
    private final ReadOnlyObjectWrapper<DrawerViewModel> drawerModel = new ReadOnlyObjectWrapper<>(this, "drawerModel");
    /** The cart last handed to the charge flow: cash takes it over when Stripe cannot be reached. */
    private CartSnapshot chargedCart;
    /** The card attempt the open cash screen takes over, or null. */
    private String takingOver;
    /** The hosted receipt of the sale on the Paid screen, once Stripe tells it; "" otherwise. */
    private final ReadOnlyStringWrapper receiptUrl = new ReadOnlyStringWrapper(this, "receiptUrl", "");

    /** The window speaks the cashier's language ({@link CashierViewModel#words()}) on every screen. */
    public TillViewModel(CashierViewModel cashier, UiExecutor executor, Clock clock) {
        this.cashier = Objects.requireNonNull(cashier, "cashier");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.clock = Objects.requireNonNull(clock, "clock");
        cashier.setOnCharge(this::charge);
        cashier.setOnCash(this::cash);
        cashier.setOnOpenDrawer(this::openDrawer);
        cashier.setOnOpenHistory(() -> onOpenHistory.run());
        cashier.setOnOpenProductEditor(() -> onOpenProductEditor.run());
        cashier.showMode(Message.of("mode.starting"));
    }

    /**
     * Hands the started services to the screens (JavaFX thread). Set-up problems go to the message
     * bar; a till that cannot take payments says why and keeps the cart usable.
     */
    public void attach(TillServices started) {
        this.services = Objects.requireNonNull(started, "started");
        Optional<ChargeService> charges = started.charges();
        cashier.showMode(charges.map(c -> Message.of("mode." + c.mode().name().toLowerCase(Locale.ROOT)))
                .orElse(Message.of("mode.off")));
        charges.ifPresent(service -> {
            ChargeViewModel model = new ChargeViewModel(service, executor, cashier.words(), clock);
            model.setOnNewSale(() -> {
                cashier.completeSale();
                release();
            });
            model.setOnBackToCart(this::release);
            model.setOnTakeCash(saleId -> openCash(chargedCart, saleId));
            service.addTakenOverListener(attempt -> executor.onUiThread(() -> reportTakenOver(attempt)));
            if (started.sandbox().isPresent() && onThisComputerOnly(started.config().sandboxBind())) {
                // Only a browser on this computer reaches the sandbox's pay page: say so beside the code.
                model.warnSandboxOnLoopbackOnly();
            }
            model.phaseProperty().addListener((obs, old, now) -> {
                if (now != null && SHOWN.contains(now)) {
                    cashier.lockCart();
                    chargeShown.set(true);
                }
                if (now == Phase.PAID && afterSale != null && afterSale.printOnPaid()) {
                    withPaidSale(onPrintReceipt);
                }
                if (now == Phase.PAID) {
                    withPaidSale(this::lookUpReceipt);
                } else {
                    receiptUrl.set("");
                }
            });
            // Told once: the till's clock is minutes off Stripe's (payments go on, on Stripe's clock).
            model.clockNoticeProperty().addListener((obs, old, now) -> {
                if (now != null && !now.isEmpty()) {
                    // Worded by the charge screen's model, in the cashier's language already.
                    cashier.notify(NoticeLevel.WARNING, Message.of("till.notice", now));
                }
            });
            model.amazonPayNoteProperty().addListener((obs, old, now) -> cashier.showAmazonPayNote(now));
            cashier.showAmazonPayNote(model.amazonPayNoteProperty().get());
            chargeModel.set(model);
        });
        afterSale = started.journal().map(journal -> afterSaleDesk(started, journal)).orElse(null);
        started.journal().ifPresent(journal -> cashModel.set(cashScreen(new CashDesk(journal,
                started.config().registerId(), new SaleIdGenerator(clock)))));
        started.journal().ifPresent(journal -> drawerModel.set(new DrawerViewModel(new CashDrawer(journal,
                started.config().registerId(), clock, cashier.words().zone()), executor, cashier.words())));
        if (afterSale != null) {
            Optional.ofNullable(chargeModel.get()).ifPresent(m -> m.setOnReceipt(
                    afterSale.words().text("charge.paid.receipt"), () -> withPaidSale(onShowReceipt)));
        }
        started.onStoreWatch(watch -> {
            // Said once: the store's key may not read events, so every till polls its own sessions.
            if (watch.equals("NO_PERMISSION") && !eventsRefusalSaid) {
                eventsRefusalSaid = true;
                executor.onUiThread(() -> cashier.notify(NoticeLevel.WARNING,
                        Message.of("store.no_events_permission")));
            }
        });
        List<Message> problems = started.problems();
        if (!problems.isEmpty()) {
            cashier.notify(charges.isPresent() ? NoticeLevel.WARNING : NoticeLevel.ERROR,
                    Message.of("till.problems", Sentences.of(problems)));
        }
        attached.set(true);
        if (charges.isPresent()) {
            recover(started);
        }
    }

    /**
     * Start-up recovery, off the JavaFX thread: a sale paid while the till was closed is recorded,
     * an open one comes back on the charge screen (through the charge model's phase), and the
     * cashier reads a one-line summary.
     */
    private void recover(TillServices started) {
        recovering.set(true);
        executor.submit(
                () -> started.recover(RECOVERY_PER_SALE, round -> executor.onUiThread(() -> reportRecovery(round))),
                summary -> {
                    recovering.set(false);
                    summary.ifPresent(this::reportRecovery);
                },
                failure -> {
                    recovering.set(false);
                    LOG.log(Level.ERROR, "Start-up recovery failed", failure);
                    cashier.notify(NoticeLevel.ERROR, Message.of("till.recovery_failed"));
                });
    }

    private void reportRecovery(RecoverySummary summary) {
        if (summary.isEmpty()) {
            return;
        }
        boolean attention = summary.stripeUnreachable() || summary.count(RecoverySummary.Outcome.NEEDS_ATTENTION) > 0;
        List<Message> lines = new ArrayList<>();
        lines.add(summary.headline());
        lines.addAll(summary.sentences());
        cashier.notify(attention ? NoticeLevel.WARNING : NoticeLevel.INFO, Message.of("till.recovery", Sentences.of(lines)));
    }

    /** The cashier pressed Charge with a chargeable cart. */
    public void charge(CartSnapshot cart) {
        ChargeViewModel model = chargeModel.get();
        if (recovering.get()) {
            cashier.notify(NoticeLevel.INFO, Message.of("till.recovering"));
            return;
        }
        if (model == null) {
            cashier.notify(NoticeLevel.ERROR, services == null ? Message.of("till.payments_starting")
                    : Message.of("till.payments_off", Sentences.of(services.problems())));
            return;
        }
        cashier.lockCart();
        chargeShown.set(true);
        chargedCart = cart;
        model.charge(cart.currency(), cart.lines(), cart.discounts());
    }

    /** The cashier pressed Cash (F8) with a cart: the cash screen, no network needed. */
    public void cash(CartSnapshot cart) {
        if (cashModel.get() == null) {
            cashier.notify(NoticeLevel.ERROR, services == null ? Message.of("till.payments_starting")
                    : Message.of("till.payments_off", Sentences.of(services.problems())));
            return;
        }
        if (chargeShown.get() || cashShown.get()) {
            return;
        }
        cashier.lockCart();
        openCash(cart, null);
    }

    private void openCash(CartSnapshot cart, String replaces) {
        if (cart == null || cashModel.get() == null) {
            return;
        }
        takingOver = replaces;
        cashModel.get().open(cart, replaces);
        cashShown.set(true);
    }

    private CashViewModel cashScreen(CashDesk desk) {
        CashViewModel model = new CashViewModel(desk, executor, cashier.words());
        model.setOnBack(() -> {
            cashShown.set(false);
            if (takingOver != null) {
                takingOver = null;
                Optional.ofNullable(chargeModel.get()).ifPresent(ChargeViewModel::cashDeclined);
            } else {
                cashier.unlockCart();
            }
        });
        model.setOnPaid(sale -> {
            if (takingOver != null) {
                takingOver = null;
                Optional.ofNullable(chargeModel.get()).ifPresent(m -> m.takenOverByCash(sale.id()));
            }
            if (afterSale != null && afterSale.printOnPaid()) {
                onPrintReceipt.accept(sale);
            }
        });
        model.setOnNewSale(() -> {
            cashShown.set(false);
            cashier.completeSale();
            release();
        });
        return model;
    }

    /** How a card attempt cash took over ended: said once, loudly when the customer paid twice. */
    private void reportTakenOver(ChargeService.TakenOverAttempt attempt) {
        String cashSale = attempt.cash().map(c -> c.saleId()).orElse("?");
        if (attempt.paidTwice()) {
            cashier.notify(NoticeLevel.ERROR, Message.of("cash.card_paid_after_cash", attempt.card().id(), cashSale));
        } else {
            cashier.notify(NoticeLevel.INFO, Message.of("cash.card_attempt_cancelled", attempt.card().id()));
        }
    }

    /** F7: the cash drawer on {@code currency} (the cart's), or the first currency of the catalog, or the locale's. */
    private void openDrawer(java.util.Currency currency) {
        DrawerViewModel drawer = drawerModel.get();
        if (drawer == null) {
            cashier.notify(NoticeLevel.ERROR, services == null ? Message.of("till.payments_starting")
                    : Message.of("till.payments_off", Sentences.of(services.problems())));
            return;
        }
        if (chargeShown.get() || cashShown.get()) {
            return;
        }
        java.util.Currency shown = currency != null ? currency : cashier.firstCatalogCurrency()
                .orElseGet(() -> java.util.Currency.getInstance(cashier.words().locale().getCountry().isEmpty()
                        ? java.util.Locale.US : cashier.words().locale()));
        drawer.open(shown);
    }

    public ReadOnlyObjectProperty<DrawerViewModel> drawerModelProperty() {
        return drawerModel.getReadOnlyProperty();
    }

    /** Shows the receipt of the sale just paid in cash. */
    public void showCashReceipt() {
        Optional.ofNullable(cashModel.get()).map(m -> m.paidSaleProperty().get()).ifPresent(onShowReceipt);
    }

    public ReadOnlyObjectProperty<CashViewModel> cashModelProperty() {
        return cashModel.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty cashShownProperty() {
        return cashShown.getReadOnlyProperty();
    }

    /** Whether the sandbox listens where no phone can reach it: loopback, or a loopback address given. */
    private static boolean onThisComputerOnly(SandboxBind bind) {
        return bind.kind() == SandboxBind.Kind.LOOPBACK
                || bind.addressIfGiven().map(java.net.InetAddress::isLoopbackAddress).orElse(false);
    }

    /** A line for the cashier after start-up recovery, e.g. a sale paid while the till was closed. */
    public void report(NoticeLevel level, Message text) {
        cashier.notify(level, text);
    }

    /** Whether closing the window now could leave a customer able to pay a sale the till forgot. */
    public boolean closingNeedsConfirmation() {
        return services != null && services.charges().map(ChargeService::hasOpenSession).orElse(false);
    }

    /**
     * Cancels the open sale (expiring its session) off the JavaFX thread, then runs {@code then}
     * on it whatever the outcome: the journal keeps a sale that could not be cancelled in time, and
     * start-up recovery finishes it.
     */
    public void cancelThenClose(Duration patience, Runnable then) {
        ChargeService service = services.charges().orElseThrow();
        executor.submit(() -> service.cancelAndWait(patience), status -> then.run(), failure -> then.run());
    }

    /** A history screen model over the journal, or empty when the journal could not be opened. */
    public Optional<HistoryViewModel> newHistoryModel() {
        if (services == null) {
            return Optional.empty();
        }
        return services.records().map(records -> {
            // Sales from the records (a store's ledger, or this till's journal); refunds from the store's ledger with
            // this till's own from its journal over them, or from this till's journal alone.
            SalesHistory sales = services.refundRecords()
                    .map(refunds -> new SalesHistory(records, refunds, cashier.words().zone(), clock))
                    .orElseGet(() -> new SalesHistory(records, cashier.words().zone(), clock))
                    .withTaxRounding(services.config().get(Settings.TAX_ROUNDING));
            HistoryViewModel history = new HistoryViewModel(sales, cashier.words(), executor,
                    services::notYetInLedger);
            if (afterSale != null) {
                history.attachAfterSale(afterSale);
            }
            return history;
        });
    }

    /** What the receipt and refund windows need; empty until the services are attached with a journal. */
    public Optional<AfterSale> afterSale() {
        return Optional.ofNullable(afterSale);
    }

    public UiExecutor executor() {
        return executor;
    }

    /** Shows the receipt of a paid sale (the window opens it: it owns the stages). */
    public void setOnShowReceipt(Consumer<Sale> action) {
        this.onShowReceipt = Objects.requireNonNull(action, "action");
    }

    /** Prints the receipt of a sale just paid, when {@code receipt.print_on_paid} is set. */
    public void setOnPrintReceipt(Consumer<Sale> action) {
        this.onPrintReceipt = Objects.requireNonNull(action, "action");
    }

    /** The sale on the charge screen as the journal holds it, handed to {@code then} on the JavaFX thread. */
    private void withPaidSale(Consumer<Sale> then) {
        String saleId = chargeStatus().map(ChargeStatus::saleId).orElse(null);
        if (saleId == null || afterSale == null) {
            return;
        }
        executor.submit(() -> afterSale.journal().find(saleId), found -> found.ifPresent(then),
                failure -> LOG.log(Level.WARNING, "Sale " + saleId + " could not be read for its receipt", failure));
    }

    /**
     * Asks Stripe (off the JavaFX thread) for the hosted receipt of a sale just paid, for the customer's
     * receipt code; it stays "" when Stripe has none or cannot be asked, and a later sale's answer wins.
     */
    private void lookUpReceipt(Sale paid) {
        Optional<RefundService> stripe = afterSale == null ? Optional.empty() : afterSale.refunds();
        if (stripe.isEmpty() || paid.paymentIntentId() == null) {
            return;
        }
        executor.submit(() -> stripe.get().receiptUrl(paid.paymentIntentId()), url -> {
            if (paid.id().equals(chargeStatus().map(ChargeStatus::saleId).orElse(null))
                    && chargeStatus().map(ChargeStatus::phase).orElse(null) == Phase.PAID) {
                receiptUrl.set(url.orElse(""));
            }
        }, failure -> LOG.log(Level.WARNING, "No hosted receipt for sale " + paid.id() + ": " + failure));
    }

    /** The hosted receipt of the sale on the Paid screen (Stripe's receipt_url), once known; "" otherwise. */
    public ReadOnlyStringProperty receiptUrlProperty() {
        return receiptUrl.getReadOnlyProperty();
    }

    private AfterSale afterSaleDesk(TillServices started, SalesJournal journal) {
        AppConfig config = started.config();
        Shop shop = Shop.of(config.merchantName(), config.get(Settings.SHOP_ADDRESS).orElse(null),
                config.get(Settings.SHOP_TAX_ID).orElse(null), config.get(Settings.TAX_ROUNDING));
        return new AfterSale(journal, started.refundRecords().orElse(journal), started.refunds(),
                started.refundsAllowed(), config.get(Settings.MANAGER_PIN),
                shop, Paper.fromSetting(config.get(Settings.RECEIPT_PAPER)), config.get(Settings.RECEIPT_PRINT_ON_PAID),
                cashier.words());
    }

    public void setOnOpenHistory(Runnable action) {
        this.onOpenHistory = Objects.requireNonNull(action, "action");
    }

    /** The window opens the product editor (F3) with this. */
    public void setOnOpenProductEditor(Runnable action) {
        this.onOpenProductEditor = Objects.requireNonNull(action, "action");
    }

    /** Lets a manager edit this till's catalog (F3). Not called in kiosk mode. */
    public void enableProductEditing(ProductEditing editing) {
        this.productEditing = Objects.requireNonNull(editing, "editing");
    }

    /** The product editor's services, when this till may edit its catalog. */
    public Optional<ProductEditing> productEditing() {
        return Optional.ofNullable(productEditing);
    }

    public CashierViewModel cashier() {
        return cashier;
    }

    public ReadOnlyBooleanProperty chargeShownProperty() {
        return chargeShown.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ChargeViewModel> chargeModelProperty() {
        return chargeModel.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty recoveringProperty() {
        return recovering.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty attachedProperty() {
        return attached.getReadOnlyProperty();
    }

    /** The current charge status, for tests and the close question. */
    public Optional<ChargeStatus> chargeStatus() {
        return Optional.ofNullable(chargeModel.get()).map(m -> m.statusProperty().get());
    }

    /**
     * The window is gone: the charge screen's model stops listening to the charge flow. The
     * services themselves belong to whoever started them and are closed there.
     */
    public void close() {
        ChargeViewModel model = chargeModel.get();
        if (model != null) {
            model.dispose();
        }
    }

    private void release() {
        cashier.unlockCart();
        chargeShown.set(false);
    }
}
