package app.scantill.sandbox;

import static app.scantill.sandbox.SandboxTestSupport.T0;
import static app.scantill.sandbox.SandboxTestSupport.cart;
import static app.scantill.sandbox.SandboxTestSupport.client;
import static app.scantill.sandbox.SandboxTestSupport.line;
import static app.scantill.sandbox.SandboxTestSupport.rawPost;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.checkout.Session;
import com.stripe.param.checkout.SessionCreateParams;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every refusal of {@code POST /v1/checkout/sessions}, as stripe-java reports it to the app: the
 * exception type, HTTP status, {@code code} and {@code param}. A null code means Stripe's own code
 * for that case is not confirmed, so the sandbox sends none rather than invent one.
 */
class CheckoutSessionValidationTest {

    private StripeSandbox sandbox;
    private StripeClient stripe;

    @BeforeEach
    void start() throws Exception {
        sandbox = SandboxTestSupport.startInMemory();
        stripe = client(sandbox);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private void assertRefused(ThrowingCallable call, int status, String code, String param) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidRequestException.class, e -> {
            assertThat(e.getStatusCode()).as("status").isEqualTo(status);
            assertThat(e.getCode()).as("code").isEqualTo(code);
            assertThat(e.getParam()).as("param").isEqualTo(param);
            assertThat(e.getStripeError().getType()).isEqualTo("invalid_request_error");
            assertThat(e.getStripeError().getMessage()).isNotBlank();
        });
        assertThat(sandbox.sessions()).as("no session is created").isEmpty();
    }

    private void assertCreateRefused(SessionCreateParams params, int status, String code, String param) {
        assertRefused(() -> stripe.v1().checkout().sessions().create(params), status, code, param);
    }

    /** The valid cart as a raw form body, with one pair replaced or added. */
    private String body(String... pairs) {
        StringBuilder b = new StringBuilder("mode=payment&success_url=")
                .append(URLEncoder.encode(sandbox.defaultSuccessUrl(), StandardCharsets.UTF_8))
                .append("&line_items[0][quantity]=1&line_items[0][price_data][currency]=usd")
                .append("&line_items[0][price_data][unit_amount]=500")
                .append("&line_items[0][price_data][product_data][name]=Tea");
        for (String p : pairs) {
            b.append('&').append(p);
        }
        return b.toString();
    }

    private void assertRawRefused(String body, String code, String param) {
        assertRefused(() -> rawPost(stripe, "/v1/checkout/sessions", body), 400, code, param);
    }

    @Test
    void validCartIsAccepted() throws StripeException {
        assertThat(stripe.v1().checkout().sessions().create(cart(sandbox).build()).getStatus()).isEqualTo("open");
        assertThat(rawPost(stripe, "/v1/checkout/sessions", body()).code()).isEqualTo(200);
    }

    @Test
    void checkoutLocaleIsRecorded() throws Exception {
        SessionCreateParams p = cart(sandbox).setLocale(SessionCreateParams.Locale.JA).build();
        assertThat(stripe.v1().checkout().sessions().create(p).getLocale()).isEqualTo("ja");
    }

    @Test
    void checkoutLocaleStripeDoesNotHaveIsRefused() {
        assertRawRefused(body("locale=klingon"), null, "locale");
    }

    @Test
    void missingModeIsAMissingParam() {
        assertRawRefused(body().replace("mode=payment&", ""), "parameter_missing", "mode");
        assertThatThrownBy(() -> rawPost(stripe, "/v1/checkout/sessions", body().replace("mode=payment&", "")))
                .hasMessageContaining("Missing required param: mode.");
    }

    @Test
    void missingSuccessUrlIsAMissingParamWithStripesWording() {
        SessionCreateParams p = cart(sandbox).setSuccessUrl(null).build();
        assertCreateRefused(p, 400, "parameter_missing", "success_url");
        assertThatThrownBy(() -> stripe.v1().checkout().sessions().create(p))
                .hasMessageContaining("Missing required param: success_url.");
    }

    @Test
    void emptySuccessUrlIsAnEmptyParam() {
        assertRawRefused(body().replaceFirst("success_url=[^&]*", "success_url="), "parameter_invalid_empty",
                "success_url");
    }

    @Test
    void successUrlThatIsNoUrlIsRefused() {
        assertCreateRefused(cart(sandbox).setSuccessUrl("javascript:alert(1)").build(), 400, "url_invalid",
                "success_url");
    }

    @Test
    void missingLineItemsIsAMissingParam() {
        SessionCreateParams p = SessionCreateParams.builder().setMode(SessionCreateParams.Mode.PAYMENT)
                .setSuccessUrl(sandbox.defaultSuccessUrl()).build();
        assertCreateRefused(p, 400, "parameter_missing", "line_items");
    }

    @Test
    void emptyLineItemsIsAnEmptyParam() {
        assertRawRefused("mode=payment&success_url=https://example.com/ok&line_items=", "parameter_invalid_empty",
                "line_items");
    }

    @Test
    void modeOtherThanPaymentIsRefused() {
        assertCreateRefused(cart(sandbox).setMode(SessionCreateParams.Mode.SUBSCRIPTION).build(), 400, null, "mode");
        assertRawRefused(body().replace("mode=payment", "mode=barter"), null, "mode");
    }

    @Test
    void moreThanOneHundredLineItemsIsRefused() {
        SessionCreateParams.Builder b = cart(sandbox);
        for (int i = 0; i < 99; i++) {
            b.addLineItem(line("Item " + i, 100, 1, "usd"));
        }
        assertCreateRefused(b.build(), 400, null, "line_items");
    }

    @Test
    void exactlyOneHundredLineItemsIsAccepted() throws StripeException {
        SessionCreateParams.Builder b = SessionCreateParams.builder().setMode(SessionCreateParams.Mode.PAYMENT)
                .setSuccessUrl(sandbox.defaultSuccessUrl());
        for (int i = 0; i < 100; i++) {
            b.addLineItem(line("Item " + i, 100, 1, "usd"));
        }
        Session s = stripe.v1().checkout().sessions().create(b.build());
        assertThat(s.getAmountTotal()).isEqualTo(10_000L);
    }

    @Test
    void zeroQuantityIsRefused() {
        assertCreateRefused(cart(sandbox).addLineItem(line("Nothing", 100, 0, "usd")).build(), 400,
                "parameter_invalid_integer", "line_items[2][quantity]");
    }

    @Test
    void negativeQuantityIsRefused() {
        assertRawRefused(body().replace("line_items[0][quantity]=1", "line_items[0][quantity]=-3"),
                "parameter_invalid_integer", "line_items[0][quantity]");
    }

    @Test
    void quantityThatIsNoIntegerIsRefused() {
        assertRawRefused(body().replace("line_items[0][quantity]=1", "line_items[0][quantity]=1.5"),
                "parameter_invalid_integer", "line_items[0][quantity]");
        assertThatThrownBy(() -> rawPost(stripe, "/v1/checkout/sessions",
                body().replace("line_items[0][quantity]=1", "line_items[0][quantity]=two")))
                .hasMessageContaining("Invalid integer: two");
    }

    @Test
    void missingQuantityIsAMissingParam() {
        assertRawRefused(body().replace("line_items[0][quantity]=1&", ""), "parameter_missing",
                "line_items[0][quantity]");
    }

    @Test
    void negativeUnitAmountIsRefused() {
        assertCreateRefused(cart(sandbox).addLineItem(line("Refund", -100, 1, "usd")).build(), 400,
                "parameter_invalid_integer", "line_items[2][price_data][unit_amount]");
    }

    @Test
    void missingProductNameIsAMissingParam() {
        assertRawRefused(body().replace("&line_items[0][price_data][product_data][name]=Tea", "")
                        + "&line_items[0][price_data][product_data][description]=x",
                "parameter_missing", "line_items[0][price_data][product_data][name]");
    }

    @Test
    void unknownCurrencyIsRefused() {
        assertCreateRefused(cart(sandbox).addLineItem(line("Gold", 100, 1, "xyz")).build(), 400, null,
                "line_items[2][price_data][currency]");
    }

    @Test
    void lineItemsInDifferentCurrenciesAreRefused() {
        SessionCreateParams p = SessionCreateParams.builder().setMode(SessionCreateParams.Mode.PAYMENT)
                .setSuccessUrl(sandbox.defaultSuccessUrl())
                .addLineItem(line("Tea", 500, 1, "usd"))
                .addLineItem(line("Cake", 500, 1, "eur")).build();
        assertCreateRefused(p, 400, null, "line_items[1][price_data][currency]");
    }

    @Test
    void amazonPayWithACurrencyItDoesNotSupportIsRefused() {
        SessionCreateParams p = SessionCreateParams.builder().setMode(SessionCreateParams.Mode.PAYMENT)
                .setSuccessUrl(sandbox.defaultSuccessUrl())
                .addPaymentMethodType(SessionCreateParams.PaymentMethodType.CARD)
                .addPaymentMethodType(SessionCreateParams.PaymentMethodType.AMAZON_PAY)
                .addLineItem(line("Poutine", 1500, 1, "cad")).build();
        assertCreateRefused(p, 400, null, "payment_method_types");
    }

    @Test
    void cardOnlyWithThatCurrencyIsAccepted() throws StripeException {
        SessionCreateParams p = SessionCreateParams.builder().setMode(SessionCreateParams.Mode.PAYMENT)
                .setSuccessUrl(sandbox.defaultSuccessUrl())
                .addPaymentMethodType(SessionCreateParams.PaymentMethodType.CARD)
                .addLineItem(line("Poutine", 1500, 1, "cad")).build();
        assertThat(stripe.v1().checkout().sessions().create(p).getCurrency()).isEqualTo("cad");
    }

    @Test
    void paymentMethodTheSandboxDoesNotOfferIsRefused() {
        assertCreateRefused(cart(sandbox).addPaymentMethodType(SessionCreateParams.PaymentMethodType.KLARNA).build(),
                400, null, "payment_method_types[2]");
    }

    @Test
    void totalBelowTheCurrencyMinimumIsTooSmall() {
        SessionCreateParams p = SessionCreateParams.builder().setMode(SessionCreateParams.Mode.PAYMENT)
                .setSuccessUrl(sandbox.defaultSuccessUrl())
                .addLineItem(line("Gum", 49, 1, "usd")).build();
        assertCreateRefused(p, 400, "amount_too_small", null);
        assertThatThrownBy(() -> stripe.v1().checkout().sessions().create(p)).hasMessageContaining("$0.50 usd");
    }

    @Test
    void zeroDecimalMinimumIsCountedInWholeYen() throws StripeException {
        SessionCreateParams tooSmall = SessionCreateParams.builder().setMode(SessionCreateParams.Mode.PAYMENT)
                .setSuccessUrl(sandbox.defaultSuccessUrl()).addLineItem(line("Candy", 49, 1, "jpy")).build();
        assertCreateRefused(tooSmall, 400, "amount_too_small", null);

        SessionCreateParams enough = SessionCreateParams.builder().setMode(SessionCreateParams.Mode.PAYMENT)
                .setSuccessUrl(sandbox.defaultSuccessUrl()).addLineItem(line("Candy", 50, 1, "jpy")).build();
        assertThat(stripe.v1().checkout().sessions().create(enough).getAmountTotal()).isEqualTo(50L);
    }

    @Test
    void totalAboveEightDigitsIsTooLarge() {
        SessionCreateParams p = SessionCreateParams.builder().setMode(SessionCreateParams.Mode.PAYMENT)
                .setSuccessUrl(sandbox.defaultSuccessUrl())
                .addLineItem(line("Car", 50_000_000, 1, "usd"))
                .addLineItem(line("Boat", 50_000_000, 1, "usd")).build();
        assertCreateRefused(p, 400, "amount_too_large", null);
    }

    @Test
    void totalThatOverflowsIsTooLargeNotACrash() {
        assertRawRefused(body().replace("unit_amount]=500", "unit_amount]=9000000000000000000")
                .replace("quantity]=1", "quantity]=5"), "amount_too_large", null);
    }

    @Test
    void expiresAtSoonerThanThirtyMinutesIsRefused() {
        assertCreateRefused(cart(sandbox).setExpiresAt(T0.getEpochSecond() + 29 * 60).build(), 400, null,
                "expires_at");
    }

    @Test
    void expiresAtLaterThanTwentyFourHoursIsRefused() {
        assertCreateRefused(cart(sandbox).setExpiresAt(T0.getEpochSecond() + 24 * 3600 + 1).build(), 400, null,
                "expires_at");
    }

    @Test
    void expiresAtAtEitherEndOfTheWindowIsAccepted() throws StripeException {
        long min = T0.getEpochSecond() + 30 * 60;
        long max = T0.getEpochSecond() + 24 * 3600;
        assertThat(stripe.v1().checkout().sessions().create(cart(sandbox).setExpiresAt(min).build()).getExpiresAt())
                .isEqualTo(min);
        assertThat(stripe.v1().checkout().sessions().create(cart(sandbox).setExpiresAt(max).build()).getExpiresAt())
                .isEqualTo(max);
    }

    @Test
    void expiresAtThatIsNoIntegerIsRefused() {
        assertRawRefused(body("expires_at=tomorrow"), "parameter_invalid_integer", "expires_at");
    }

    @Test
    void moreThanFiftyMetadataKeysIsRefused() {
        SessionCreateParams.Builder b = cart(sandbox);
        for (int i = 0; i < 50; i++) {
            b.putMetadata("k" + i, "v");
        }
        assertCreateRefused(b.build(), 400, null, "metadata");
    }

    @Test
    void metadataKeyLongerThanFortyCharactersIsRefused() {
        String key = "k".repeat(41);
        assertCreateRefused(cart(sandbox).putMetadata(key, "v").build(), 400, null, "metadata[" + key + "]");
    }

    @Test
    void metadataKeyWithBracketsIsRefused() {
        assertRawRefused(body("metadata[a[b]]=1"), null, "metadata[a[b]]");
    }

    @Test
    void metadataValueLongerThanFiveHundredCharactersIsRefused() {
        assertCreateRefused(cart(sandbox).putMetadata("note", "v".repeat(501)).build(), 400, null,
                "metadata[note]");
    }

    @Test
    void metadataAtTheLimitsIsAccepted() throws StripeException {
        SessionCreateParams.Builder b = SessionCreateParams.builder().setMode(SessionCreateParams.Mode.PAYMENT)
                .setSuccessUrl(sandbox.defaultSuccessUrl()).addLineItem(line("Tea", 500, 1, "usd"));
        for (int i = 0; i < 49; i++) {
            b.putMetadata("k" + i, "v");
        }
        b.putMetadata("k".repeat(40), "v".repeat(500));
        assertThat(stripe.v1().checkout().sessions().create(b.build()).getMetadata()).hasSize(50);
    }

    @Test
    void clientReferenceIdLongerThanTwoHundredCharactersIsRefused() {
        assertCreateRefused(cart(sandbox).setClientReferenceId("s".repeat(201)).build(), 400, null,
                "client_reference_id");
    }

    @Test
    void unknownParameterIsRefused() {
        assertRawRefused(body("colour=blue"), "parameter_unknown", "colour");
        assertRawRefused(body("line_items[0][colour]=blue"), "parameter_unknown", "line_items[0][colour]");
    }

    @Test
    void realStripeParameterTheSandboxDoesNotImplementIsRefusedNotIgnored() {
        assertCreateRefused(cart(sandbox).setAllowPromotionCodes(true).build(), 400, "parameter_unknown",
                "allow_promotion_codes");
    }

    @Test
    void existingPriceIdIsUnknownToTheSandbox() {
        SessionCreateParams p = cart(sandbox).addLineItem(SessionCreateParams.LineItem.builder()
                .setPrice("price_123").setQuantity(1L).build()).build();
        assertCreateRefused(p, 400, "resource_missing", "line_items[2][price]");
    }

    @Test
    void oldHostedUiModeIsRefused() {
        assertRawRefused(body("ui_mode=hosted"), null, "ui_mode");
    }

    @Test
    void paymentIntentDataIsKeptForThePaymentIntent() throws StripeException {
        Session s = stripe.v1().checkout().sessions().create(cart(sandbox)
                .setPaymentIntentData(SessionCreateParams.PaymentIntentData.builder()
                        .setDescription("Sale 0001").putMetadata("sale", "0001").build()).build());
        String pi = sandbox.pay(s.getId(), "card").paymentIntentId();

        var intent = stripe.v1().paymentIntents().retrieve(pi);
        assertThat(intent.getDescription()).isEqualTo("Sale 0001");
        assertThat(intent.getMetadata()).containsEntry("sale", "0001");
    }

    @Test
    void brokenPercentEncodingIsABadRequestNotACrash() {
        assertRawRefused(body("metadata[x]=%zz"), null, null);
    }
}
