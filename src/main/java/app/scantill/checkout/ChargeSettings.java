package app.scantill.checkout;

import app.scantill.config.AmazonPayChoice;
import app.scantill.config.StripeTaxRates;
import java.time.Duration;
import java.util.Currency;
import java.util.Objects;
import java.util.Optional;

/**
 * How one register charges: where the hosted page sends the customer, how long a session lives,
 * and how patiently the app polls and retries. Immutable; {@code withX} methods return copies.
 *
 * @param registerId names the till in metadata, descriptions and sale records
 * @param successUrl required by Stripe for the hosted page; {@code {CHECKOUT_SESSION_ID}} is replaced by Stripe
 * @param cancelUrl optional (null: no link back)
 * @param sessionLifetime Stripe accepts 30 minutes to 24 hours
 * @param pollInterval time between two status requests while nothing goes wrong
 * @param maxPollBackoff the longest wait between status requests while the connection is bad
 * @param createTries how many times one create is sent (same idempotency key) before the cashier is asked
 * @param createBackoff the wait before the second create try; doubled for each further try
 * @param fallbackPollInterval time between two status requests of an open session while the store's
 *     watcher reports Stripe's events (the register's own check, in case a notification is lost)
 * @param amazonPay whether Amazon Pay is offered ({@code payments.amazon_pay})
 * @param settlementCurrency the account's settlement currency ({@code account.settlement_currency}), or null
 *     when each charge is taken to settle in its own currency
 * @param checkoutLocale the language of Stripe's payment page for a sale's first attempt (a
 *     {@link CheckoutLocale} value), or null to leave it to Stripe; later attempts keep the sale's language
 * @param stripeTaxRates the owner's Stripe tax rates for the till's rates ({@code tax.stripe_rates}), or null to
 *     send none
 */
public record ChargeSettings(
        String registerId,
        String successUrl,
        String cancelUrl,
        Duration sessionLifetime,
        Duration pollInterval,
        Duration maxPollBackoff,
        int createTries,
        Duration createBackoff,
        Duration fallbackPollInterval,
        AmazonPayChoice amazonPay,
        Currency settlementCurrency,
        String checkoutLocale,
        StripeTaxRates stripeTaxRates) {

    public static final Duration MIN_LIFETIME = Duration.ofMinutes(30);
    public static final Duration MAX_LIFETIME = Duration.ofHours(24);

    public ChargeSettings {
        Objects.requireNonNull(registerId, "registerId");
        Objects.requireNonNull(successUrl, "successUrl");
        Objects.requireNonNull(sessionLifetime, "sessionLifetime");
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(maxPollBackoff, "maxPollBackoff");
        Objects.requireNonNull(createBackoff, "createBackoff");
        Objects.requireNonNull(fallbackPollInterval, "fallbackPollInterval");
        Objects.requireNonNull(amazonPay, "amazonPay");
        if (registerId.isBlank() || registerId.length() > 40) {
            throw new IllegalArgumentException("register id must be 1..40 characters");
        }
        if (successUrl.isBlank()) {
            throw new IllegalArgumentException("a success URL is required for Stripe's hosted page");
        }
        if (sessionLifetime.compareTo(MIN_LIFETIME) < 0 || sessionLifetime.compareTo(MAX_LIFETIME) > 0) {
            throw new IllegalArgumentException("session lifetime must be between 30 minutes and 24 hours, was "
                    + sessionLifetime);
        }
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("poll interval must be positive");
        }
        if (maxPollBackoff.compareTo(pollInterval) < 0) {
            throw new IllegalArgumentException("maximum poll backoff must be at least the poll interval");
        }
        if (createTries < 1) {
            throw new IllegalArgumentException("create must be tried at least once");
        }
        if (createBackoff.isNegative()) {
            throw new IllegalArgumentException("create backoff must not be negative");
        }
        if (fallbackPollInterval.isNegative() || fallbackPollInterval.isZero()) {
            throw new IllegalArgumentException("fallback poll interval must be positive");
        }
        if (checkoutLocale != null && !CheckoutLocale.isValid(checkoutLocale)) {
            throw new IllegalArgumentException("not a Checkout locale: " + checkoutLocale);
        }
    }

    /**
     * 30-minute sessions, polled every second (every 20 s while a store watcher reports), backing off to
     * 30 s; four create tries from 0.5 s; Amazon Pay offered until Stripe refuses it; each charge taken to
     * settle in its own currency.
     */
    public static ChargeSettings defaults(String registerId, String successUrl, String cancelUrl) {
        return new ChargeSettings(registerId, successUrl, cancelUrl, MIN_LIFETIME, Duration.ofSeconds(1),
                Duration.ofSeconds(30), 4, Duration.ofMillis(500), Duration.ofSeconds(20), AmazonPayChoice.AUTO, null,
                null, null);
    }

    public ChargeSettings withSessionLifetime(Duration lifetime) {
        return new ChargeSettings(registerId, successUrl, cancelUrl, lifetime, pollInterval, maxPollBackoff,
                createTries, createBackoff, fallbackPollInterval, amazonPay, settlementCurrency, checkoutLocale, stripeTaxRates);
    }

    public ChargeSettings withPolling(Duration interval, Duration maxBackoff) {
        return new ChargeSettings(registerId, successUrl, cancelUrl, sessionLifetime, interval, maxBackoff,
                createTries, createBackoff, fallbackPollInterval, amazonPay, settlementCurrency, checkoutLocale, stripeTaxRates);
    }

    public ChargeSettings withCreateRetries(int tries, Duration backoff) {
        return new ChargeSettings(registerId, successUrl, cancelUrl, sessionLifetime, pollInterval, maxPollBackoff,
                tries, backoff, fallbackPollInterval, amazonPay, settlementCurrency, checkoutLocale, stripeTaxRates);
    }

    /** The pace of a register's own check of an open session while the store's watcher reports for it. */
    public ChargeSettings withFallbackPoll(Duration interval) {
        return new ChargeSettings(registerId, successUrl, cancelUrl, sessionLifetime, pollInterval, maxPollBackoff,
                createTries, createBackoff, interval, amazonPay, settlementCurrency, checkoutLocale, stripeTaxRates);
    }

    public ChargeSettings withAmazonPay(AmazonPayChoice choice) {
        return new ChargeSettings(registerId, successUrl, cancelUrl, sessionLifetime, pollInterval, maxPollBackoff,
                createTries, createBackoff, fallbackPollInterval, choice, settlementCurrency, checkoutLocale, stripeTaxRates);
    }

    /** @param currency the account's settlement currency, or empty when each charge settles in its own */
    public ChargeSettings withSettlementCurrency(Optional<Currency> currency) {
        return new ChargeSettings(registerId, successUrl, cancelUrl, sessionLifetime, pollInterval, maxPollBackoff,
                createTries, createBackoff, fallbackPollInterval, amazonPay, currency.orElse(null), checkoutLocale, stripeTaxRates);
    }

    /** The account's settlement currency, when configured. */
    public Optional<Currency> settlement() {
        return Optional.ofNullable(settlementCurrency);
    }

    /** Lines at a rate the owner mapped carry that Stripe tax rate ({@code tax.stripe_rates}); empty: none do. */
    public ChargeSettings withStripeTaxRates(Optional<StripeTaxRates> rates) {
        return new ChargeSettings(registerId, successUrl, cancelUrl, sessionLifetime, pollInterval, maxPollBackoff,
                createTries, createBackoff, fallbackPollInterval, amazonPay, settlementCurrency, checkoutLocale,
                rates.orElse(null));
    }

    /** The payment page of a new sale speaks {@code locale} (a {@link CheckoutLocale} value, or null). */
    public ChargeSettings withCheckoutLocale(String locale) {
        return new ChargeSettings(registerId, successUrl, cancelUrl, sessionLifetime, pollInterval, maxPollBackoff,
                createTries, createBackoff, fallbackPollInterval, amazonPay, settlementCurrency, locale, stripeTaxRates);
    }
}
