package app.scantill.till;

import app.scantill.i18n.English;
import app.scantill.checkout.GatewayException.Kind;
import app.scantill.checkout.GatewayException;
import app.scantill.config.StripeKey;
import java.time.Duration;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class CashierMessagesTest {

    private static final String KEY = "rk_test_51Hx9ZpQabcdefghijklmnopqrstuvwxyz0123Q7rT";

    private final CashierMessages messages = new CashierMessages(Optional.of(StripeKey.parse(KEY)));

    private static GatewayException failure(Kind kind, int status, String code, String param, Duration retryAfter,
            String message) {
        return new GatewayException(kind, status, code, param, "req_abc", retryAfter, message, null);
    }

    @Test
    void amazonPayNotEnabledSaysWhereToEnableItAndOffersCardOnly() {
        CashierMessage m = messages.explain(failure(Kind.INVALID_REQUEST, 400, null, "payment_method_types", null,
                "create failed: The payment method type \"amazon_pay\" is invalid."));

        assertThat(English.text(m.headline())).contains("Amazon Pay");
        assertThat(English.text(m.explanation())).contains("Stripe Dashboard", "Settings > Payment methods", "card only");
        assertThat(m.action()).isEqualTo(CashierMessage.Action.CHARGE_CARD_ONLY);
    }

    @Test
    void authenticationFailureNamesOnlyTheKeysLastFour() {
        CashierMessage m = messages.explain(failure(Kind.AUTHENTICATION, 401, null, null, null, "401"));

        assertThat(English.text(m.headline())).contains("restricted key ending in Q7rT").doesNotContain(KEY.substring(0, 20));
        assertThat(English.text(m.explanation())).contains("STRIPE_SECRET_KEY");
        assertThat(m.action()).isEqualTo(CashierMessage.Action.FIX_SETTINGS);
    }

    @Test
    void permissionFailureNamesTheCheckoutSessionsWritePermission() {
        CashierMessage m = messages.explain(failure(Kind.PERMISSION, 403, null, null, null, "403"));

        assertThat(English.text(m.explanation())).contains("Checkout Sessions: Write");
        assertThat(m.action()).isEqualTo(CashierMessage.Action.FIX_SETTINGS);
    }

    @Test
    void networkFailureOffersRetryAndSaysTheSaleIsKept() {
        CashierMessage m = messages.explain(failure(Kind.NETWORK, 0, null, null, null, "refused"));

        assertThat(m.action()).isEqualTo(CashierMessage.Action.RETRY);
        assertThat(English.text(m.explanation())).contains("sale is kept", "cannot charge twice");
    }

    @Test
    void rateLimitSaysHowLongToWait() {
        CashierMessage m = messages.explain(failure(Kind.RATE_LIMITED, 429, "rate_limit", null,
                Duration.ofSeconds(7), "429"));

        assertThat(m.action()).isEqualTo(CashierMessage.Action.WAIT_AND_RETRY);
        assertThat(English.text(m.explanation())).contains("Wait 7 seconds");
    }

    @Test
    void amountTooSmallStatesStripesMinimumInTheCartsCurrency() {
        CashierMessage m = messages.explain(failure(Kind.INVALID_REQUEST, 400, "amount_too_small", "line_items", null,
                "too small"), Currency.getInstance("USD"));

        assertThat(English.text(m.explanation())).contains("$0.50");
        assertThat(m.action()).isEqualTo(CashierMessage.Action.CHANGE_CART);
    }

    @Test
    void amountTooSmallAfterConversionNamesTheSettlementCurrencyAndItsMinimum() {
        CashierMessages hkAccount = new CashierMessages(Optional.empty(), Optional.of(Currency.getInstance("HKD")));
        GatewayException tooSmall = failure(Kind.INVALID_REQUEST, 400, "amount_too_small", null, null,
                "Amount must convert to at least HK$4.00");

        CashierMessage m = hkAccount.explain(tooSmall, Currency.getInstance("USD"));
        assertThat(English.text(m.explanation())).contains("after conversion to HKD").contains("HK$4.00");
        assertThat(m.action()).isEqualTo(CashierMessage.Action.CHANGE_CART);

        CashierMessages canadianAccount = new CashierMessages(Optional.empty(),
                Optional.of(Currency.getInstance("CAD")));
        assertThat(app.scantill.i18n.Translator.forLocale(Locale.GERMAN, java.time.ZoneOffset.UTC)
                .text(canadianAccount.forCashier(tooSmall))).contains("Umrechnung in CAD").doesNotContain("[stripe.");
    }

    @Test
    void reusedIdempotencyKeyAsksForANewAttempt() {
        CashierMessage m = messages.explain(failure(Kind.IDEMPOTENCY, 400, null, null, null, "idempotency"));

        assertThat(m.action()).isEqualTo(CashierMessage.Action.NEW_ATTEMPT);
        assertThat(English.text(m.explanation())).contains("req_abc");
    }

    @Test
    void unknownRefusalKeepsTheSaleAndGivesTheReference() {
        CashierMessage m = messages.explain(failure(Kind.INVALID_REQUEST, 400, "parameter_unknown", "foo", null, "x"));

        assertThat(m.action()).isEqualTo(CashierMessage.Action.CONTACT_SUPPORT);
        assertThat(English.text(m.explanation())).contains("sale is kept", "Reference: req_abc");
    }

    @Test
    void withoutAKeyTheMessageSpeaksOfTheApiKey() {
        CashierMessage m = new CashierMessages(Optional.empty())
                .explain(failure(Kind.AUTHENTICATION, 401, null, null, null, "401"));

        assertThat(English.text(m.headline())).contains("API key");
    }
}
