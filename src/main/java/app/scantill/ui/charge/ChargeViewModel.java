package app.scantill.ui.charge;

import app.scantill.checkout.CartNotChargeableException;
import app.scantill.checkout.ChargeService;
import app.scantill.checkout.ChargeStatus.Phase;
import app.scantill.checkout.ChargeStatus;
import app.scantill.checkout.ClockSkew;
import app.scantill.config.AmazonPayChoice;
import app.scantill.i18n.Message;
import app.scantill.i18n.Translator;
import app.scantill.money.CurrencyFacts;
import app.scantill.qr.QrEncoder;
import app.scantill.qr.QrMatrix;
import app.scantill.sale.PaymentMethod;
import app.scantill.sale.SaleDiscounts;
import app.scantill.sale.SaleLine;
import app.scantill.ui.support.UiExecutor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The charge screen's state and commands. It listens to a {@link ChargeService} (whose statuses
 * arrive on the service's worker thread) and moves every change onto the JavaFX thread through the
 * {@link UiExecutor}, which also encodes the QR code in the background. Properties are read-only
 * for the view. {@link #dispose()} stops listening to the service.
 */
public final class ChargeViewModel {

    private final ChargeService service;
    private final UiExecutor executor;
    private final QrEncoder encoder;
    private final Translator words;
    private final Clock clock;
    private final Consumer<ChargeStatus> listener = this::onStatus;

    private final ReadOnlyObjectWrapper<ChargeStatus> status = new ReadOnlyObjectWrapper<>(this, "status",
            ChargeStatus.idle());
    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(this, "phase", Phase.IDLE);
    private final ReadOnlyObjectWrapper<QrMatrix> qr = new ReadOnlyObjectWrapper<>(this, "qr");
    private final ReadOnlyStringWrapper amountText = new ReadOnlyStringWrapper(this, "amountText", "");
    private final ReadOnlyStringWrapper saleIdText = new ReadOnlyStringWrapper(this, "saleIdText", "");
    private final ReadOnlyStringWrapper url = new ReadOnlyStringWrapper(this, "url", "");
    private final ReadOnlyStringWrapper scanHint = new ReadOnlyStringWrapper(this, "scanHint", "");
    private final ReadOnlyStringWrapper countdown = new ReadOnlyStringWrapper(this, "countdown", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper methodText = new ReadOnlyStringWrapper(this, "methodText", "");
    private final ReadOnlyStringWrapper sessionId = new ReadOnlyStringWrapper(this, "sessionId", "");
    private final ReadOnlyStringWrapper modeBadge = new ReadOnlyStringWrapper(this, "modeBadge", "");
    private final ReadOnlyStringWrapper modeStyle = new ReadOnlyStringWrapper(this, "modeStyle", "");
    private final ReadOnlyBooleanWrapper connectionLost = new ReadOnlyBooleanWrapper(this, "connectionLost");
    private final ReadOnlyBooleanWrapper retryable = new ReadOnlyBooleanWrapper(this, "retryable");
    private final ReadOnlyBooleanWrapper cardOnlyOffered = new ReadOnlyBooleanWrapper(this, "cardOnlyOffered");
    /** Stripe cannot be reached and the create gave up: cash for the same cart is one key away (F8). */
    private final ReadOnlyBooleanWrapper cashOffered = new ReadOnlyBooleanWrapper(this, "cashOffered");
    private java.util.function.Consumer<String> onTakeCash = saleId -> { };
    /** Whether a cash screen can take the cart (the till set one): only then is cash offered. */
    private boolean cashDesk;
    /** Once the till's clock is found off Stripe's by more than a minute: the sentence for the cashier. */
    private final ReadOnlyStringWrapper clockNotice = new ReadOnlyStringWrapper(this, "clockNotice", "");
    /** Why Amazon Pay is not offered whatever the currency (Stripe refused it for the account, or it is off). */
    private final ReadOnlyStringWrapper amazonPayNote = new ReadOnlyStringWrapper(this, "amazonPayNote", "");
    /** How long the open session has left on Stripe's clock; null while there is no countdown. */
    private final ReadOnlyObjectWrapper<Duration> timeLeft = new ReadOnlyObjectWrapper<>(this, "timeLeft");
    /** Why a phone cannot open the QR code's link (the sandbox listens on this computer only), or "". */
    private final ReadOnlyStringWrapper phoneNote = new ReadOnlyStringWrapper(this, "phoneNote", "");

    /** The URL last sent for encoding; read and written on the service's worker thread only. */
    private String encodingUrl;
    private Runnable onNewSale = () -> { };
    private Runnable onBackToCart = () -> { };
    private Runnable onReceipt = () -> { };
    private final ReadOnlyStringWrapper receiptLabel = new ReadOnlyStringWrapper(this, "receiptLabel", "");

    /**
     * Starts listening to {@code service}; QR encoding (a few milliseconds) runs on the executor's background.
     *
     * @param words the language of whoever reads this screen
     */
    public ChargeViewModel(ChargeService service, UiExecutor executor, Translator words, Clock clock) {
        this.service = Objects.requireNonNull(service, "service");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.words = Objects.requireNonNull(words, "words");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.encoder = new QrEncoder();
        String mode = service.mode().name().toLowerCase(Locale.ROOT);
        modeBadge.set(words.text("mode." + mode));
        modeStyle.set(mode);
        amazonPayNote.set(amazonPayNoteNow());
        service.addListener(listener);
    }

    // ---------------------------------------------------------------- commands (JavaFX thread)

    /**
     * Charges a cart. A cart Stripe would refuse is explained on the Failed screen at once.
     *
     * @return whether the charge started
     */
    public boolean charge(Currency currency, List<SaleLine> lines) {
        return charge(currency, lines, SaleDiscounts.NONE);
    }

    /** As above, for lines discounted as {@code discounts} says (journaled with the sale). */
    public boolean charge(Currency currency, List<SaleLine> lines, SaleDiscounts discounts) {
        return startSafely(() -> service.start(currency, lines, discounts));
    }

    /** After Stripe refused Amazon Pay: the same sale by card alone, as its next attempt (one key press). */
    public void chargeCardOnly() {
        if (cardOnlyOffered.get()) {
            service.chargeByCardOnly();
        }
    }

    public void cancel() {
        service.cancel();
    }

    /**
     * F8 while Stripe cannot be reached (docs/adr/0180): the cash screen opens for the same cart, and the card
     * attempt waits until the cash sale takes it over (or the cashier comes back).
     */
    public void takeCash() {
        if (cashOffered.get()) {
            String saleId = status.get().saleId();
            service.takeCash();
            onTakeCash.accept(saleId);
        }
    }

    /** Back from the cash screen without taking cash: the Failed screen as it was. */
    public void cashDeclined() {
        service.cashDeclined();
    }

    /** The cash sale {@code cashSaleId} took the card attempt over: the register is free for the next sale. */
    public void takenOverByCash(String cashSaleId) {
        service.takenOverByCash(cashSaleId);
    }

    /** Where F8 goes: the till opens the cash screen for the card attempt's cart (given its sale id). */
    public void setOnTakeCash(java.util.function.Consumer<String> action) {
        onTakeCash = Objects.requireNonNull(action);
        cashDesk = true;
    }

    public ReadOnlyBooleanProperty cashOfferedProperty() {
        return cashOffered.getReadOnlyProperty();
    }

    /** Expired: a new QR code for the same cart (a new attempt). */
    public void newQrCode() {
        service.newAttempt();
    }

    public void retry() {
        service.retry();
    }

    /**
     * Leaves the charge screen for the cart. An expired sale is closed as cancelled first; a sale
     * whose session may be open is never left this way (the cashier cancels first).
     */
    public void backToCart() {
        Phase now = phase.get();
        if (now == Phase.EXPIRED || status.get().cardOnlyOffered()) {
            // The sale is still journaled (expired, or refused Amazon Pay): it is closed as cancelled first.
            service.cancel();
        } else if (!status.get().sessionMayBeOpen()) {
            onBackToCart.run();
        }
    }

    /** Paid: clear the cart and start over. */
    public void newSale() {
        onNewSale.run();
    }

    public void setOnNewSale(Runnable action) {
        onNewSale = Objects.requireNonNull(action);
    }

    public void setOnBackToCart(Runnable action) {
        onBackToCart = Objects.requireNonNull(action);
    }

    /** Paid: show the sale's receipt (QR of the hosted receipt, print, PDF). */
    public void receipt() {
        onReceipt.run();
    }

    /** Offers the receipt on the Paid screen under {@code label}; without it the Paid screen has no such button. */
    public void setOnReceipt(String label, Runnable action) {
        onReceipt = Objects.requireNonNull(action);
        receiptLabel.set(Objects.requireNonNull(label));
    }

    /** The receipt button's words; empty while no receipt is offered. */
    public ReadOnlyStringProperty receiptLabelProperty() {
        return receiptLabel.getReadOnlyProperty();
    }

    /**
     * Says on the QR code's screen that a phone cannot open its link: the embedded sandbox listens on this
     * computer only ({@code sandbox.bind=loopback}), so only a browser on the till itself can pay.
     */
    public void warnSandboxOnLoopbackOnly() {
        phoneNote.set(words.text("screen.phone_cannot_reach", "sandbox.bind=lan"));
    }

    /** Recomputes the countdown from the clock; whoever shows it calls this every second. */
    public void tick() {
        Instant expiresAt = status.get().expiresAt();
        Phase now = phase.get();
        if (expiresAt == null || (now != Phase.AWAITING_PAYMENT && now != Phase.CONNECTION_LOST)) {
            timeLeft.set(null);
            countdown.set("");
            return;
        }
        // expires_at is on Stripe's clock: count down on it, whatever the till's clock says.
        Duration left = Duration.between(service.clockSkew().onStripe(clock.instant()), expiresAt);
        timeLeft.set(left.isNegative() ? Duration.ZERO : left);
        countdown.set(countdownText(words, left));
    }

    /** "Expires in 4:59" (or "Expiring…" at the end) in the language of {@code reader}. */
    public static String countdownText(Translator reader, Duration left) {
        if (left.isNegative() || left.isZero()) {
            return reader.text("charge.countdown.expiring");
        }
        long seconds = left.toSeconds();
        return reader.text("charge.countdown", String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60));
    }

    /** Stops listening to the service, for good (the till that made this model is closing). */
    public void dispose() {
        service.removeListener(listener);
    }

    // ---------------------------------------------------------------- status handling

    private boolean startSafely(Runnable start) {
        try {
            start.run();
            return true;
        } catch (CartNotChargeableException e) {
            apply(ChargeStatus.idle().withMessage(e.reason()), Phase.FAILED);
            retryable.set(false);
            return false;
        } catch (IllegalStateException e) {
            // Another sale still holds the register (the service's own words are for the log).
            apply(ChargeStatus.idle().withMessage(Message.of("charge.still_busy")), Phase.FAILED);
            retryable.set(false);
            return false;
        }
    }

    /** On the service's worker thread: hand over to the JavaFX thread, encode the QR off it. */
    private void onStatus(ChargeStatus next) {
        ClockSkew skew = service.clockSkew();
        String note = amazonPayNoteNow();
        executor.onUiThread(() -> {
            apply(next, next.phase());
            amazonPayNote.set(note);
            if (skew.noticeable() && clockNotice.get().isEmpty()) {
                clockNotice.set(words.text(skew.tillSlow() ? "stripe.clock.slow" : "stripe.clock.fast",
                        skew.minutesOff()));
            }
        });
        String nextUrl = next.url();
        if (nextUrl != null && !nextUrl.equals(encodingUrl)) {
            encodingUrl = nextUrl;
            executor.submit(() -> encoder.encode(nextUrl), matrix -> {
                if (nextUrl.equals(url.get())) {
                    qr.set(matrix);
                }
            }, failure -> message.set(words.text("charge.qr_failed")));
        }
    }

    private void apply(ChargeStatus next, Phase shownPhase) {
        String previousUrl = url.get();
        status.set(next);
        amountText.set(next.amount() == null ? "" : words.moneyFormat().format(next.amount()));
        saleIdText.set(next.saleId() == null ? "" : next.saleId());
        if (next.url() != null) {
            url.set(next.url());
            if (!next.url().equals(previousUrl)) {
                qr.set(null);
            }
        } else if (shownPhase != Phase.CONNECTION_LOST) {
            url.set("");
            qr.set(null);
        }
        if (next.amount() == null) {
            scanHint.set("");
        } else if (next.cardOnly() && CurrencyFacts.amazonPaySupports(next.amount().currency())) {
            // Card only although the currency allows Amazon Pay: the account refused it, or the settings.
            scanHint.set(service.settings().amazonPay() == AmazonPayChoice.OFF
                    ? words.text("stripe.account.amazon_pay_off") : words.text("stripe.account.amazon_pay_unavailable"));
        } else {
            scanHint.set(next.cardOnly() ? words.text("charge.hint.card_only", next.amount().currencyCode())
                    : words.text("charge.hint.scan"));
        }
        message.set(next.message() == null ? "" : words.text(next.message()));
        methodText.set(next.paymentMethod() == null ? "" : words.text(PaymentMethod.labelOf(next.paymentMethod())));
        sessionId.set(next.sessionId() == null ? "" : next.sessionId());
        connectionLost.set(shownPhase == Phase.CONNECTION_LOST);
        retryable.set(next.retryable());
        cardOnlyOffered.set(next.cardOnlyOffered());
        cashOffered.set(cashDesk && next.cashMayTakeOver());
        phase.set(shownPhase);
        tick();
    }

    /** The note for next to the total, from the service's settings and what Stripe said of the account. */
    private String amazonPayNoteNow() {
        if (service.settings().amazonPay() == AmazonPayChoice.OFF) {
            return words.text("stripe.account.amazon_pay_off");
        }
        return service.amazonPayUnavailableOnAccount() ? words.text("stripe.account.amazon_pay_unavailable") : "";
    }

    // ---------------------------------------------------------------- properties

    public ReadOnlyObjectProperty<ChargeStatus> statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The screen to show; CONNECTION_LOST keeps the QR with a banner. */
    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<QrMatrix> qrProperty() {
        return qr.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty amountTextProperty() {
        return amountText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty saleIdProperty() {
        return saleIdText.getReadOnlyProperty();
    }

    /** The hosted payment page, exactly as Stripe returned it. */
    public ReadOnlyStringProperty urlProperty() {
        return url.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty scanHintProperty() {
        return scanHint.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty countdownProperty() {
        return countdown.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty methodTextProperty() {
        return methodText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty sessionIdProperty() {
        return sessionId.getReadOnlyProperty();
    }

    /** SANDBOX, TEST or LIVE, in the reader's language. */
    public ReadOnlyStringProperty modeBadgeProperty() {
        return modeBadge.getReadOnlyProperty();
    }

    /** sandbox, test or live: the badge's colour. */
    public ReadOnlyStringProperty modeStyleProperty() {
        return modeStyle.getReadOnlyProperty();
    }

    /** The language of this screen's reader, for the screen's own words. */
    public Translator words() {
        return words;
    }

    public ReadOnlyBooleanProperty connectionLostProperty() {
        return connectionLost.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty retryableProperty() {
        return retryable.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty cardOnlyOfferedProperty() {
        return cardOnlyOffered.getReadOnlyProperty();
    }

    /**
     * Empty until the till learns that its clock is more than a minute off Stripe's; then, once, the sentence
     * that tells the cashier ("This till's clock is 7 minutes slow. Payments still work; ...").
     */
    public ReadOnlyStringProperty clockNoticeProperty() {
        return clockNotice.getReadOnlyProperty();
    }

    /** Why every sale is card only whatever its currency ("Amazon Pay unavailable on this account"), or "". */
    public ReadOnlyStringProperty amazonPayNoteProperty() {
        return amazonPayNote.getReadOnlyProperty();
    }

    /** What is left of the open session's life on Stripe's clock, or null while no countdown runs. */
    public ReadOnlyObjectProperty<Duration> timeLeftProperty() {
        return timeLeft.getReadOnlyProperty();
    }

    /** Why a phone cannot open the payment link, naming the setting that lets it; "" when it can. */
    public ReadOnlyStringProperty phoneNoteProperty() {
        return phoneNote.getReadOnlyProperty();
    }
}
