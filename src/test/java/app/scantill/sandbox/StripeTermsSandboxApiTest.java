package app.scantill.sandbox;

import static app.scantill.sandbox.SandboxTestSupport.cart;
import static app.scantill.sandbox.SandboxTestSupport.client;
import static app.scantill.sandbox.SandboxTestSupport.line;
import static app.scantill.sandbox.SandboxTestSupport.rawPost;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import app.scantill.money.Money;
import com.stripe.StripeClient;
import com.stripe.exception.ApiException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.checkout.SessionCreateParams;
import com.stripe.param.checkout.SessionCreateParams.LineItem;
import com.stripe.param.checkout.SessionCreateParams.LineItem.PriceData;
import com.stripe.param.checkout.SessionCreateParams.PaymentIntentData;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The sandbox refuses what Stripe refuses and accepts what Stripe accepts (issue "Real Stripe, not only our
 * sandbox", points 1 to 5), as stripe-java 33.3.0 reports it: each case names the Stripe page its rule follows
 * in the sandbox's code. docs/stripe-compatibility.md lists them.
 */
class StripeTermsSandboxApiTest {

    private StripeSandbox sandbox;
    private StripeClient stripe;

    private void start(SandboxOptions options) throws Exception {
        sandbox = StripeSandbox.start(options);
        stripe = client(sandbox);
    }

    private void start() throws Exception {
        start(SandboxOptions.inMemory());
    }

    @AfterEach
    void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private Session create(SessionCreateParams params) throws StripeException {
        return stripe.v1().checkout().sessions().create(params);
    }

    private void assertRefused(ThrowingCallable call, String code, String param, String inMessage) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidRequestException.class, e -> {
            assertThat(e.getStatusCode()).as("status").isEqualTo(400);
            assertThat(e.getCode()).as("code").isEqualTo(code);
            assertThat(e.getParam()).as("param").isEqualTo(param);
            assertThat(e.getStripeError().getMessage()).contains(inMessage);
        });
        assertThat(sandbox.sessions()).as("no session is created").isEmpty();
    }

    private SessionCreateParams oneLine(String currency, long unitAmount, boolean amazonPay) {
        SessionCreateParams.Builder b = SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.PAYMENT)
                .setSuccessUrl(sandbox.defaultSuccessUrl())
                .addPaymentMethodType(SessionCreateParams.PaymentMethodType.CARD)
                .addLineItem(line("Tea", unitAmount, 1, currency));
        if (amazonPay) {
            b.addPaymentMethodType(SessionCreateParams.PaymentMethodType.AMAZON_PAY);
        }
        return b.build();
    }

    private String body(String... pairs) {
        StringBuilder b = new StringBuilder("mode=payment&success_url=")
                .append(URLEncoder.encode(sandbox.defaultSuccessUrl(), StandardCharsets.UTF_8))
                .append("&line_items[0][quantity]=1&line_items[0][price_data][currency]=usd")
                .append("&line_items[0][price_data][product_data][name]=Tea");
        for (String p : pairs) {
            b.append('&').append(p);
        }
        return b.toString();
    }

    // ---------------------------------------------------------------- currencies (point 1)

    @Test
    void ugxAndIskAmountsMustBeEvenlyDivisibleByOneHundred() throws Exception {
        start();
        assertRefused(() -> create(oneLine("ugx", 5_050, false)), "invalid_charge_amount_no_decimal_compatible",
                "line_items[0][price_data][unit_amount]", "evenly divisible by 100");
        assertRefused(() -> create(oneLine("isk", 101, false)), "invalid_charge_amount_no_decimal_compatible",
                "line_items[0][price_data][unit_amount]", "ISK");

        Session ugx = create(oneLine("ugx", 500_000, false));
        assertThat(ugx.getAmountTotal()).as("Stripe's units: 5,000 UGX").isEqualTo(500_000);
        assertThat(sandbox.session(ugx.getId()).orElseThrow().amountTotal())
                .isEqualTo(Money.of(5_000, Currency.getInstance("UGX")));
    }

    @Test
    void hufAndTwdChargesTakeOrdinaryTwoDecimalAmounts() throws Exception {
        start();
        Session huf = create(oneLine("huf", 12_345, false));
        assertThat(sandbox.session(huf.getId()).orElseThrow().amountTotal())
                .isEqualTo(Money.of(12_345, Currency.getInstance("HUF")));
        assertThat(create(oneLine("twd", 4_999, false)).getAmountTotal()).isEqualTo(4_999);
    }

    @Test
    void threeDecimalAmountsMustEndInZero() throws Exception {
        start();
        assertRefused(() -> create(oneLine("kwd", 5_124, false)), null, "line_items[0][price_data][unit_amount]",
                "must end in 0");
        assertThat(create(oneLine("kwd", 5_120, false)).getAmountTotal()).isEqualTo(5_120);
    }

    @Test
    void upperCaseAndUnsupportedCurrenciesAreRefused() throws Exception {
        start();
        assertRefused(() -> create(oneLine("USD", 500, false)), null, "line_items[0][price_data][currency]",
                "Invalid currency: USD");
        assertRefused(() -> create(oneLine("xts", 500, false)), null, "line_items[0][price_data][currency]",
                "Invalid currency: xts");
        assertRefused(() -> create(oneLine("xau", 500, false)), null, "line_items[0][price_data][currency]",
                "Invalid currency: xau");
    }

    @Test
    void minimumIsCheckedAfterConversionToTheSettlementCurrency() throws Exception {
        start(SandboxOptions.inMemory().withAccount(SandboxAccount.anywhere()
                .settlingIn(Currency.getInstance("HKD"), Map.of("USD", "7.80", "GBP", "9.90"))));

        assertRefused(() -> create(oneLine("usd", 45, true)), "amount_too_small", null,
                "Amount must convert to at least HK$4.00");
        assertThat(create(oneLine("usd", 60, true)).getStatus()).as("US$0.60 is HK$4.68").isEqualTo("open");
        assertThat(create(oneLine("gbp", 41, true)).getStatus()).as("£0.41 is HK$4.05, though GBP's own is £0.30")
                .isEqualTo("open");
        assertThat(create(oneLine("hkd", 400, true)).getStatus()).isEqualTo("open");
    }

    // ---------------------------------------------------------------- Stripe's clock (point 2)

    @Test
    void clockOffsetMovesCreatedAndTheExpiryWindowButNotTheDateHeader() throws Exception {
        start(SandboxOptions.inMemory().withClockOffset(Duration.ofMinutes(-15)));
        Instant machine = Instant.now();

        Session session = create(oneLine("usd", 500, true));
        assertThat(Instant.ofEpochSecond(session.getCreated()))
                .isBetween(machine.minus(Duration.ofMinutes(16)), machine.minus(Duration.ofMinutes(14)));
        assertThat(session.getLastResponse().date())
                .as("the JDK's HTTP server writes Date from the machine's clock")
                .isBetween(machine.minusSeconds(5), machine.plusSeconds(5));

        // 24 hours on the machine's clock is 24 h 15 min on Stripe's: outside its window.
        long tooLate = machine.plus(Duration.ofHours(24)).getEpochSecond();
        InvalidRequestException refused = catchThrowableOfType(InvalidRequestException.class,
                () -> create(SessionCreateParams.builder().setMode(SessionCreateParams.Mode.PAYMENT)
                        .setSuccessUrl(sandbox.defaultSuccessUrl()).addLineItem(line("Tea", 500, 1, "usd"))
                        .setExpiresAt(tooLate).build()));
        assertThat(refused.getParam()).isEqualTo("expires_at");
        assertThat(refused.getStripeError().getMessage()).contains("less than 24 hours");
        assertThat(sandbox.sessions()).hasSize(1);
    }

    // ---------------------------------------------------------------- a 5xx saved under the key (point 3)

    @Test
    void serverErrorSavedUnderTheKeyIsReplayedWithItsRequestIdAndItsSession() throws Exception {
        start();
        sandbox.faults().inject(Fault.savedServerError(true), 1);
        RequestOptions key = RequestOptions.builder().setIdempotencyKey("scantill-S-1-a1").build();

        ApiException first = catchThrowableOfType(ApiException.class,
                () -> stripe.v1().checkout().sessions().create(cart(sandbox).build(), key));
        ApiException replay = catchThrowableOfType(ApiException.class,
                () -> stripe.v1().checkout().sessions().create(cart(sandbox).build(), key));

        assertThat(first.getStatusCode()).isEqualTo(500);
        assertThat(replay.getStatusCode()).isEqualTo(500);
        assertThat(replay.getRequestId()).as("the same request id").isEqualTo(first.getRequestId());
        assertThat(replay.getStripeError().getLastResponse().headers().firstValue("Idempotent-Replayed"))
                .contains("true");
        assertThat(first.getStripeError().getLastResponse().headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(sandbox.sessions()).as("the session made before the failure").hasSize(1);
        assertThat(sandbox.faults().pending()).isZero();
    }

    @Test
    void serverErrorSavedBeforeAnythingRanLeavesNoSession() throws Exception {
        start();
        sandbox.faults().inject(Fault.savedServerError(false), 1, "POST", "/v1/checkout/sessions");
        RequestOptions key = RequestOptions.builder().setIdempotencyKey("scantill-S-2-a1").build();

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> stripe.v1().checkout().sessions().create(cart(sandbox).build(), key))
                    .isInstanceOf(ApiException.class);
        }
        assertThat(sandbox.sessions()).isEmpty();
        Session other = stripe.v1().checkout().sessions().create(cart(sandbox).build(),
                RequestOptions.builder().setIdempotencyKey("scantill-S-2-a2").build());
        assertThat(other.getStatus()).as("a new key runs").isEqualTo("open");
    }

    // ---------------------------------------------------------------- an account without Amazon Pay (point 4)

    @Test
    void accountThatCannotUseAmazonPayIsRefusedItNamingPaymentMethodTypes() throws Exception {
        start(SandboxOptions.inMemory().withAccount(SandboxAccount.inCountry("CA")));
        assertRefused(() -> create(oneLine("usd", 500, true)), null, "payment_method_types", "amazon_pay");
        assertThat(create(oneLine("usd", 500, false)).getPaymentMethodTypes()).containsExactly("card");

        sandbox.useAccount(SandboxAccount.inCountry("DE"));
        assertThat(create(oneLine("eur", 500, true)).getPaymentMethodTypes()).containsExactly("card", "amazon_pay");
        sandbox.useAccount(SandboxAccount.inCountry("DE").withoutAmazonPay());
        assertThatThrownBy(() -> create(oneLine("eur", 500, true))).isInstanceOf(InvalidRequestException.class);
    }

    // ---------------------------------------------------------------- strictness (point 5)

    @Test
    void scalarWhereStripeWantsAnArrayIsRefused() throws Exception {
        start();
        assertRefused(() -> rawPost(stripe, "/v1/checkout/sessions", body("line_items[0][price_data][unit_amount]=500",
                "payment_method_types=card")), null, "payment_method_types", "Invalid array");
    }

    @Test
    void localeAndSubmitTypeOutsideStripesValuesAreRefused() throws Exception {
        start();
        assertRefused(() -> create(cart(sandbox).putExtraParam("locale", "xx").build()), null, "locale",
                "must be one of auto");
        assertRefused(() -> create(cart(sandbox).putExtraParam("submit_type", "buy").build()), null, "submit_type",
                "must be one of auto, book, donate, pay, or subscribe");
        Session ok = create(cart(sandbox).setLocale(SessionCreateParams.Locale.DE)
                .setSubmitType(SessionCreateParams.SubmitType.PAY).build());
        assertThat(ok.getLocale()).isEqualTo("de");
        assertThat(ok.getSubmitType()).isEqualTo("pay");
    }

    @Test
    void realParametersOfLineItemsAndPaymentIntentDataAreAccepted() throws Exception {
        start();
        SessionCreateParams params = SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.PAYMENT)
                .setSuccessUrl(sandbox.defaultSuccessUrl())
                .addPaymentMethodType(SessionCreateParams.PaymentMethodType.CARD)
                .addLineItem(LineItem.builder()
                        .setQuantity(2L)
                        .setAdjustableQuantity(LineItem.AdjustableQuantity.builder().setEnabled(true).setMinimum(1L)
                                .setMaximum(10L).build())
                        .setPriceData(PriceData.builder()
                                .setCurrency("usd")
                                .setUnitAmountDecimal(new BigDecimal("450"))
                                .setTaxBehavior(PriceData.TaxBehavior.INCLUSIVE)
                                .setProductData(PriceData.ProductData.builder()
                                        .setName("Flat white")
                                        .addImage("https://shop.example/flat-white.png")
                                        .putMetadata("sku", "COF-FW")
                                        .setTaxCode("txcd_40060003")
                                        .setUnitLabel("cup")
                                        .build())
                                .build())
                        .build())
                .setPaymentIntentData(PaymentIntentData.builder()
                        .setCaptureMethod(PaymentIntentData.CaptureMethod.AUTOMATIC_ASYNC)
                        .setStatementDescriptor("CORNER COFFEE")
                        .setSetupFutureUsage(PaymentIntentData.SetupFutureUsage.ON_SESSION)
                        .build())
                .build();

        Session session = create(params);

        assertThat(session.getAmountTotal()).isEqualTo(900);
    }

    @Test
    void taxRatesAreKnownButTheSandboxHasNone() throws Exception {
        start();
        SessionCreateParams params = SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.PAYMENT)
                .setSuccessUrl(sandbox.defaultSuccessUrl())
                .addLineItem(LineItem.builder().setQuantity(1L).addTaxRate("txr_1AbC")
                        .setPriceData(PriceData.builder().setCurrency("usd").setUnitAmount(500L)
                                .setProductData(PriceData.ProductData.builder().setName("Tea").build()).build())
                        .build())
                .build();
        assertThatThrownBy(() -> create(params)).isInstanceOfSatisfying(InvalidRequestException.class, e -> {
            assertThat(e.getCode()).isEqualTo("resource_missing");
            assertThat(e.getParam()).isEqualTo("line_items[0][tax_rates][0]");
        });
    }

    @Test
    void unitAmountDecimalWithFractionsAndManualCaptureAreSaidToBeNotImplemented() throws Exception {
        start();
        assertRefused(() -> rawPost(stripe, "/v1/checkout/sessions",
                body("line_items[0][price_data][unit_amount_decimal]=450.5")), null,
                "line_items[0][price_data][unit_amount_decimal]", "not implemented");
        assertRefused(() -> rawPost(stripe, "/v1/checkout/sessions", body("line_items[0][price_data][unit_amount]=500",
                "line_items[0][price_data][unit_amount_decimal]=500")), "parameters_exclusive",
                "line_items[0][price_data][unit_amount]", "only specify one");
        assertRefused(() -> create(cart(sandbox).setPaymentIntentData(PaymentIntentData.builder()
                .setCaptureMethod(PaymentIntentData.CaptureMethod.MANUAL).build()).build()), null,
                "payment_intent_data[capture_method]", "does not implement");
        assertRefused(() -> rawPost(stripe, "/v1/checkout/sessions", body("line_items[0][price_data][unit_amount]=500",
                "line_items[0][price_data][tax_behavior]=sometimes")), null,
                "line_items[0][price_data][tax_behavior]", "must be one of");
    }
}
