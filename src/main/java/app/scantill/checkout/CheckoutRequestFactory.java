package app.scantill.checkout;

import app.scantill.i18n.Message;
import app.scantill.money.CurrencyFacts;
import app.scantill.money.Money;
import app.scantill.sale.PaymentMethod;
import app.scantill.sale.SaleLine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Turns a cart (currency + lines) into the {@link CheckoutRequest} of one attempt, after checking
 * every limit Stripe would otherwise refuse: lines, quantities, amounts and the currency's minimum.
 * Checking first means a cart Stripe would reject never leaves the till, and the cashier reads why.
 */
public final class CheckoutRequestFactory {

    static final int MAX_NAME_LENGTH = 5000;

    /**
     * How long after an attempt's start its journaled request may still be sent as it was. Stripe
     * counts its 30-minute minimum from the moment it creates the session, so every attempt asks for at
     * least 30 minutes plus this window: create retries, a Retry press and a quick restart all replay
     * the very same request (docs/adr/0060).
     */
    public static final Duration REPLAY_WINDOW = Duration.ofMinutes(5);

    /** Room for the till's clock running behind Stripe's. */
    public static final Duration CLOCK_MARGIN = Duration.ofMinutes(1);

    private final ChargeSettings settings;
    private final Clock clock;

    public CheckoutRequestFactory(ChargeSettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Card and Amazon Pay where Amazon Pay can present the currency, card alone elsewhere. */
    public static Set<PaymentMethod> paymentMethodsFor(Currency currency) {
        return CurrencyFacts.amazonPaySupports(currency)
                ? EnumSet.of(PaymentMethod.CARD, PaymentMethod.AMAZON_PAY)
                : EnumSet.of(PaymentMethod.CARD);
    }

    /**
     * Checks the cart against Stripe's limits and returns its total.
     *
     * @throws CartNotChargeableException with a sentence for the cashier
     */
    public Money validate(Currency currency, List<SaleLine> lines) {
        Objects.requireNonNull(currency, "currency");
        if (lines == null || lines.isEmpty()) {
            throw new CartNotChargeableException(Message.of("cart.refused.empty"));
        }
        if (lines.size() > SaleLine.MAX_PER_SALE) {
            throw new CartNotChargeableException(Message.of("cart.refused.too_many_lines", SaleLine.MAX_PER_SALE,
                    lines.size()));
        }
        long total = 0;
        for (SaleLine line : lines) {
            if (line.name().isBlank()) {
                throw new CartNotChargeableException(Message.of("cart.refused.no_name", line.sku()));
            }
            if (line.name().length() > MAX_NAME_LENGTH) {
                throw new CartNotChargeableException(Message.of("cart.refused.name_too_long", line.sku()));
            }
            if (line.quantity() > SaleLine.MAX_QUANTITY) {
                throw new CartNotChargeableException(Message.of("cart.refused.quantity_above_limit",
                        line.quantity(), line.name(), SaleLine.MAX_QUANTITY));
            }
            if (CurrencyFacts.isThreeDecimal(currency) && line.unitAmountMinor() % 10 != 0) {
                throw new CartNotChargeableException(Message.of("cart.refused.three_decimals", line.name(),
                        currency.getCurrencyCode()));
            }
            try {
                total = Math.addExact(total, line.chargedMinor());
            } catch (ArithmeticException e) {
                total = Long.MAX_VALUE;
            }
            if (total > CurrencyFacts.maximumCharge(currency).minorUnits()) {
                throw new CartNotChargeableException(Message.of("cart.refused.above_maximum",
                        CurrencyFacts.maximumCharge(currency)));
            }
        }
        Money sum = Money.of(total, currency);
        if (total == 0) {
            throw new CartNotChargeableException(Message.of("cart.refused.zero_total"));
        }
        // Stripe checks its minimum after converting to the account's settlement currency: the till can only
        // check it for charges in that currency (https://docs.stripe.com/currencies#minimum-and-maximum-charge-amounts).
        CurrencyFacts.minimumCharge(currency, settings.settlement()).ifPresent(min -> {
            if (sum.compareTo(min) < 0) {
                throw new CartNotChargeableException(Message.of("cart.refused.below_minimum", sum, min));
            }
        });
        return sum;
    }

    /**
     * The request of one attempt started now, with the attempt's standard key. For callers that do not
     * journal (tests, tools); the charge flow uses the journaled start, see the next method.
     */
    public CheckoutRequest build(String saleId, int attempt, Currency currency, List<SaleLine> lines,
            boolean cardOnly) {
        return build(saleId, attempt, IdempotencyKeys.forAttempt(saleId, attempt, cardOnlyByChoice(currency, cardOnly),
                        settings.checkoutLocale()),
                currency, lines, cardOnly, clock.instant());
    }

    /**
     * The request of one attempt, derived only from journaled facts: the sale, the attempt's number,
     * key and start. Built the same way for the first send, every retry and a replay after a restart,
     * so Stripe sees byte-identical parameters under the key and answers with the same session.
     *
     * @param cardOnly offer card alone even where Amazon Pay could present the currency
     * @param attemptStart when the attempt was journaled
     */
    public CheckoutRequest build(String saleId, int attempt, String idempotencyKey, Currency currency,
            List<SaleLine> lines, boolean cardOnly, Instant attemptStart) {
        return build(saleId, attempt, idempotencyKey, currency, lines, cardOnly, attemptStart, ClockSkew.NONE);
    }

    /**
     * As above, with {@code expires_at} on Stripe's clock: the attempt's start as Stripe's clock read it
     * (see {@link #expiresAtFor(Instant, ClockSkew)}).
     */
    public CheckoutRequest build(String saleId, int attempt, String idempotencyKey, Currency currency,
            List<SaleLine> lines, boolean cardOnly, Instant attemptStart, ClockSkew skew) {
        return build(saleId, attempt, idempotencyKey, currency, lines, cardOnly, attemptStart,
                expiresAtFor(attemptStart, skew));
    }

    /**
     * As above with an explicit {@code expires_at}: for an attempt too old to be replayed as it was
     * (see {@link #stillAcceptable}), once Stripe has been searched for its session, a fresh one from
     * {@link #expiresAtFor} of the time of sending.
     */
    public CheckoutRequest build(String saleId, int attempt, String idempotencyKey, Currency currency,
            List<SaleLine> lines, boolean cardOnly, Instant attemptStart, Instant expiresAt) {
        validate(currency, lines);
        // A line's tax rate is the journaled line's; only its Stripe id comes from the settings (tax.stripe_rates).
        List<CheckoutRequest.Line> items = CheckoutLines.of(currency, lines,
                IdempotencyKeys.checkoutLocale(idempotencyKey),
                line -> settings.stripeTaxRates() == null ? null
                        : settings.stripeTaxRates().idFor(line.taxRate()).orElse(null));
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("sale_id", saleId);
        metadata.put("register_id", settings.registerId());
        metadata.put("cart_hash", cartHash(currency, lines));
        metadata.put("attempt", Integer.toString(attempt));
        Set<PaymentMethod> methods = cardOnly ? EnumSet.of(PaymentMethod.CARD) : paymentMethodsFor(currency);
        // The page's language comes from the journaled key, not the settings: a replay sends what was sent.
        return new CheckoutRequest(saleId, settings.registerId(), idempotencyKey,
                currency, items, methods, settings.successUrl(), settings.cancelUrl(),
                expiresAt, metadata, "ScanTill register " + settings.registerId() + ", sale " + saleId,
                IdempotencyKeys.checkoutLocale(idempotencyKey).orElse(null));
    }

    /**
     * The {@code expires_at} of an attempt started at {@code attemptStart}, as if both clocks agreed; see
     * {@link #expiresAtFor(Instant, ClockSkew)}.
     */
    public Instant expiresAtFor(Instant attemptStart) {
        return expiresAtFor(attemptStart, ClockSkew.NONE);
    }

    /**
     * The {@code expires_at} of an attempt started at {@code attemptStart} (the till's clock): the start as
     * Stripe's clock read it ({@link ClockSkew#forRequests()}), in whole seconds (Stripe takes Unix seconds),
     * rounded up, plus the configured lifetime kept {@link #REPLAY_WINDOW} inside Stripe's window of 30
     * minutes to 24 hours after it creates the session: at least 35 minutes, at most 23 h 55 min (ADR 0050,
     * 0060, 0110).
     */
    public Instant expiresAtFor(Instant attemptStart, ClockSkew skew) {
        Instant onStripe = attemptStart.plus(skew.forRequests());
        Instant start = onStripe.truncatedTo(ChronoUnit.SECONDS);
        if (start.isBefore(onStripe)) {
            start = start.plusSeconds(1);
        }
        Duration floor = ChargeSettings.MIN_LIFETIME.plus(REPLAY_WINDOW);
        Duration ceiling = ChargeSettings.MAX_LIFETIME.minus(REPLAY_WINDOW);
        Duration life = settings.sessionLifetime();
        life = life.compareTo(floor) < 0 ? floor : life.compareTo(ceiling) > 0 ? ceiling : life;
        return start.plus(life);
    }

    /**
     * Whether Stripe would still accept {@code expiresAt} if the create were sent now: at least its
     * 30-minute minimum away, with {@link #CLOCK_MARGIN} to spare.
     */
    public boolean stillAcceptable(Instant expiresAt) {
        return stillAcceptable(expiresAt, clock.instant());
    }

    /** As {@link #stillAcceptable(Instant)}, for a create Stripe receives at {@code stripeNow} (its clock). */
    public boolean stillAcceptable(Instant expiresAt, Instant stripeNow) {
        return !expiresAt.isBefore(stripeNow.plus(ChargeSettings.MIN_LIFETIME).plus(CLOCK_MARGIN));
    }

    /** Card alone by the cashier's choice, where Amazon Pay could have presented the currency. */
    public static boolean cardOnlyByChoice(Currency currency, boolean cardOnly) {
        return cardOnly && CurrencyFacts.amazonPaySupports(currency);
    }

    /**
     * A short fingerprint of what was sold: the first 16 hex digits of SHA-256 over a canonical,
     * length-prefixed form of the currency and every line (SKU, name, unit amount, quantity, discount), so a
     * person can tell from Stripe's dashboard whether a session matches the journaled cart.
     */
    public static String cartHash(Currency currency, List<SaleLine> lines) {
        StringBuilder canonical = new StringBuilder("scantill-cart-v1|").append(currency.getCurrencyCode());
        for (SaleLine line : lines) {
            canonical.append('|').append(line.sku().length()).append(':').append(line.sku())
                    .append('|').append(line.name().length()).append(':').append(line.name())
                    .append('|').append(line.unitAmountMinor())
                    .append('|').append(line.quantity());
            if (line.discountMinor() != 0) {
                // Only discounted lines add to the form, so every earlier sale keeps the fingerprint it had.
                canonical.append("|-").append(line.discountMinor());
            }
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
