package app.scantill.checkout;

import app.scantill.journal.SaleLine;
import app.scantill.money.CurrencyFacts;
import app.scantill.money.Money;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
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

    public static final int MAX_LINES = 100;
    public static final int MAX_QUANTITY = 999;
    /** Stripe's window for {@code expires_at}, counted from the session's creation. */
    static final Duration MIN_LIFETIME = Duration.ofMinutes(30);
    static final Duration MAX_LIFETIME = Duration.ofHours(24);
    /** Time between building a request and Stripe creating the session, with room to spare. */
    static final Duration LIFETIME_MARGIN = Duration.ofMinutes(1);
    static final int MAX_NAME_LENGTH = 5000;

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
            throw new CartNotChargeableException("The cart is empty.");
        }
        if (lines.size() > MAX_LINES) {
            throw new CartNotChargeableException("Stripe accepts at most " + MAX_LINES + " lines; this cart has "
                    + lines.size() + ". Charge it as two sales.");
        }
        long total = 0;
        for (SaleLine line : lines) {
            if (line.name().isBlank()) {
                throw new CartNotChargeableException("Item " + line.sku() + " has no name; Stripe needs one.");
            }
            if (line.name().length() > MAX_NAME_LENGTH) {
                throw new CartNotChargeableException("The name of item " + line.sku() + " is too long for Stripe.");
            }
            if (line.quantity() > MAX_QUANTITY) {
                throw new CartNotChargeableException("Quantity " + line.quantity() + " of " + line.name()
                        + " is above the limit of " + MAX_QUANTITY + ".");
            }
            if (CurrencyFacts.isThreeDecimal(currency) && line.unitAmountMinor() % 10 != 0) {
                throw new CartNotChargeableException("The price of " + line.name() + " must end in 0 for "
                        + currency.getCurrencyCode() + " (Stripe's rule for three-decimal currencies).");
            }
            try {
                total = Math.addExact(total, line.lineTotalMinor());
            } catch (ArithmeticException e) {
                total = Long.MAX_VALUE;
            }
            if (total > CurrencyFacts.MAX_AMOUNT_MINOR) {
                throw new CartNotChargeableException("The total is above Stripe's maximum of "
                        + Money.of(CurrencyFacts.MAX_AMOUNT_MINOR, currency) + ".");
            }
        }
        Money sum = Money.of(total, currency);
        if (total == 0) {
            throw new CartNotChargeableException("The total is zero: there is nothing to charge.");
        }
        CurrencyFacts.minimumCharge(currency).ifPresent(min -> {
            if (sum.compareTo(min) < 0) {
                throw new CartNotChargeableException("The total " + sum + " is below Stripe's minimum charge of "
                        + min + ".");
            }
        });
        return sum;
    }

    /**
     * The request of one attempt. Built once per attempt and reused for every retry of it: Stripe
     * compares a replayed request with the first and refuses a different one under the same key.
     */
    public CheckoutRequest build(String saleId, int attempt, Currency currency, List<SaleLine> lines,
            boolean cardOnly) {
        return build(saleId, attempt, IdempotencyKeys.forAttempt(saleId, attempt), currency, lines, cardOnly);
    }

    /**
     * As above with a given key: a replay after a restart uses the key the journal holds, whatever
     * scheme made it.
     *
     * @param cardOnly offer card alone even where Amazon Pay could present the currency
     */
    public CheckoutRequest build(String saleId, int attempt, String idempotencyKey, Currency currency,
            List<SaleLine> lines, boolean cardOnly) {
        validate(currency, lines);
        List<CheckoutRequest.Line> items = new ArrayList<>(lines.size());
        for (SaleLine line : lines) {
            items.add(new CheckoutRequest.Line(line.name(), line.unitAmountMinor(), line.quantity()));
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("sale_id", saleId);
        metadata.put("register_id", settings.registerId());
        metadata.put("cart_hash", cartHash(currency, lines));
        metadata.put("attempt", Integer.toString(attempt));
        // Whole seconds, rounded up: Stripe takes Unix seconds. Stripe measures the 30 minutes to 24 hours
        // from when the session is created, which is later than now (journal write, network), so a lifetime
        // at either bound keeps a minute's margin inside it; rounding down cost the sandbox's check a sale.
        Duration lifetime = clamp(settings.sessionLifetime(), MIN_LIFETIME.plus(LIFETIME_MARGIN),
                MAX_LIFETIME.minus(LIFETIME_MARGIN));
        Instant exact = clock.instant().plus(lifetime);
        Instant expiresAt = exact.truncatedTo(ChronoUnit.SECONDS);
        if (expiresAt.isBefore(exact)) {
            expiresAt = expiresAt.plusSeconds(1);
        }
        Set<PaymentMethod> methods = cardOnly ? EnumSet.of(PaymentMethod.CARD) : paymentMethodsFor(currency);
        return new CheckoutRequest(saleId, settings.registerId(), idempotencyKey,
                currency, items, methods, settings.successUrl(), settings.cancelUrl(),
                expiresAt, metadata, "ScanTill register " + settings.registerId() + ", sale " + saleId);
    }

    /**
     * A short fingerprint of what was sold: the first 16 hex digits of SHA-256 over a canonical,
     * length-prefixed form of the currency and every line (SKU, name, unit amount, quantity), so a
     * person can tell from Stripe's dashboard whether a session matches the journaled cart.
     */
    private static Duration clamp(Duration value, Duration min, Duration max) {
        return value.compareTo(min) < 0 ? min : value.compareTo(max) > 0 ? max : value;
    }

    public static String cartHash(Currency currency, List<SaleLine> lines) {
        StringBuilder canonical = new StringBuilder("scantill-cart-v1|").append(currency.getCurrencyCode());
        for (SaleLine line : lines) {
            canonical.append('|').append(line.sku().length()).append(':').append(line.sku())
                    .append('|').append(line.name().length()).append(':').append(line.name())
                    .append('|').append(line.unitAmountMinor())
                    .append('|').append(line.quantity());
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
