package app.scantill.sandbox;

import static app.scantill.sandbox.SandboxTestSupport.cart;
import static app.scantill.sandbox.SandboxTestSupport.client;
import static app.scantill.sandbox.SandboxTestSupport.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.stripe.StripeClient;
import com.stripe.model.checkout.Session;
import com.stripe.param.checkout.SessionCreateParams;
import com.stripe.param.checkout.SessionRetrieveParams;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The customer's side: a phone browser opening the session URL and submitting the page's forms. */
class PayPageTest {

    private static final Pattern FORM = Pattern.compile(
            "<form method=\"post\" action=\"([^\"]+)\"><input type=\"hidden\" name=\"method\" value=\"([a-z_]+)\">");

    private StripeSandbox sandbox;
    private StripeClient stripe;
    private final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void start() throws Exception {
        sandbox = SandboxTestSupport.startInMemory();
        stripe = client(sandbox);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private HttpResponse<String> get(String url) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Finds the page's form for {@code method} and submits it, as a browser would. */
    private HttpResponse<String> submit(String pageUrl, String page, String method) throws Exception {
        Matcher m = FORM.matcher(page);
        while (m.find()) {
            if (m.group(2).equals(method)) {
                URI action = URI.create(pageUrl).resolve(m.group(1));
                return browser.send(HttpRequest.newBuilder(action).timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("method=" + method)).build(),
                        HttpResponse.BodyHandlers.ofString());
            }
        }
        throw new AssertionError("no form for " + method + " on the page");
    }

    @Test
    void openPageShowsMerchantLinesTotalAndSandboxBanner() throws Exception {
        Session s = stripe.v1().checkout().sessions().create(cart(sandbox).build());

        HttpResponse<String> page = get(s.getUrl());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");
        assertThat(page.body())
                .contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .contains("SANDBOX — no real money")
                .contains(SandboxOptions.DEFAULT_MERCHANT)
                .contains("Flat white").contains("2 × $4.50").contains("$9.00")
                .contains("Croissant").contains("$3.25")
                .contains("$12.25")
                .contains("Pay with Amazon Pay").contains("Pay by card").contains("Decline")
                .doesNotContainIgnoringCase("<script");
    }

    @Test
    void payingWithAmazonPayRedirectsToSuccessAndCompletesTheSession() throws Exception {
        Session s = stripe.v1().checkout().sessions().create(cart(sandbox).build());
        HttpResponse<String> page = get(s.getUrl());

        HttpResponse<String> paid = submit(s.getUrl(), page.body(), "amazon_pay");

        assertThat(paid.statusCode()).isEqualTo(303);
        String location = paid.headers().firstValue("Location").orElseThrow();
        assertThat(location).isEqualTo(sandbox.publicBase() + "/c/done?session_id=" + s.getId());
        HttpResponse<String> thanks = get(location);
        assertThat(thanks.statusCode()).isEqualTo(200);
        assertThat(thanks.body()).contains("Thank you").contains("with Amazon Pay").contains("$12.25");

        Session read = stripe.v1().checkout().sessions().retrieve(s.getId(), SessionRetrieveParams.builder()
                .addExpand("payment_intent.payment_method").build(), null);
        assertThat(read.getStatus()).isEqualTo("complete");
        assertThat(read.getPaymentStatus()).isEqualTo("paid");
        assertThat(read.getPaymentIntentObject().getPaymentMethodObject().getType()).isEqualTo("amazon_pay");
    }

    @Test
    void payingByCardRecordsACardPayment() throws Exception {
        Session s = stripe.v1().checkout().sessions().create(cart(sandbox).build());

        submit(s.getUrl(), get(s.getUrl()).body(), "card");

        Session read = stripe.v1().checkout().sessions().retrieve(s.getId(), SessionRetrieveParams.builder()
                .addExpand("payment_intent.payment_method").build(), null);
        assertThat(read.getPaymentIntentObject().getPaymentMethodObject().getType()).isEqualTo("card");
    }

    @Test
    void redirectGoesToTheAppsOwnSuccessUrlWithTheSessionId() throws Exception {
        Session s = stripe.v1().checkout().sessions().create(cart(sandbox)
                .setSuccessUrl("https://shop.example/thanks?cs={CHECKOUT_SESSION_ID}&x=1").build());

        HttpResponse<String> paid = submit(s.getUrl(), get(s.getUrl()).body(), "card");

        assertThat(paid.headers().firstValue("Location"))
                .contains("https://shop.example/thanks?cs=" + s.getId() + "&x=1");
    }

    @Test
    void declineLeavesTheSessionOpenAndPayableLater() throws Exception {
        Session s = stripe.v1().checkout().sessions().create(cart(sandbox).build());

        HttpResponse<String> declined = submit(s.getUrl(), get(s.getUrl()).body(), "decline");

        assertThat(declined.statusCode()).isEqualTo(200);
        assertThat(declined.body()).contains("Payment declined").contains("Nothing was charged");
        assertThat(stripe.v1().checkout().sessions().retrieve(s.getId()).getStatus()).isEqualTo("open");
        assertThat(submit(s.getUrl(), get(s.getUrl()).body(), "card").statusCode()).isEqualTo(303);
    }

    @Test
    void completedSessionPageSaysSoAndCannotBePaidAgain() throws Exception {
        Session s = stripe.v1().checkout().sessions().create(cart(sandbox).build());
        String openPage = get(s.getUrl()).body();
        sandbox.pay(s.getId(), "card");

        HttpResponse<String> again = get(s.getUrl());
        assertThat(again.body()).contains("Already paid").doesNotContain("Pay with Amazon Pay");

        HttpResponse<String> secondPayment = submit(s.getUrl(), openPage, "amazon_pay");
        assertThat(secondPayment.statusCode()).isEqualTo(409);
        assertThat(secondPayment.body()).contains("cannot be paid again");
        assertThat(sandbox.session(s.getId()).orElseThrow().paymentMethodType()).isEqualTo("card");
    }

    @Test
    void expiredSessionPageSaysSoAndCannotBePaid() throws Exception {
        Session s = stripe.v1().checkout().sessions().create(cart(sandbox)
                .setExpiresAt(SandboxTestSupport.T0.getEpochSecond() + 1800).build());
        String openPage = get(s.getUrl()).body();
        sandbox.clock().advance(Duration.ofMinutes(31));

        assertThat(get(s.getUrl()).body()).contains("This payment has expired").doesNotContain("Pay by card");
        HttpResponse<String> late = submit(s.getUrl(), openPage, "card");

        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(late.body()).contains("expired");
        assertThat(stripe.v1().checkout().sessions().retrieve(s.getId()).getPaymentStatus()).isEqualTo("unpaid");
    }

    @Test
    void sessionExpiredByTheCashierCannotBePaidFromAPageAlreadyOpen() throws Exception {
        Session s = stripe.v1().checkout().sessions().create(cart(sandbox).build());
        String openPage = get(s.getUrl()).body();
        stripe.v1().checkout().sessions().expire(s.getId());

        assertThat(submit(s.getUrl(), openPage, "amazon_pay").statusCode()).isEqualTo(409);
        assertThat(sandbox.session(s.getId()).orElseThrow().status()).isEqualTo("expired");
    }

    @Test
    void productNamesAreHtmlEscaped() throws Exception {
        SessionCreateParams p = SessionCreateParams.builder().setMode(SessionCreateParams.Mode.PAYMENT)
                .setSuccessUrl(sandbox.defaultSuccessUrl())
                .addLineItem(line("<script>alert('x')</script> & \"Co\"", 500, 1, "usd")).build();
        Session s = stripe.v1().checkout().sessions().create(p);

        String body = get(s.getUrl()).body();

        assertThat(body).doesNotContain("<script>")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Co&quot;");
    }

    @Test
    void methodNotOfferedBySessionIsRefused() throws Exception {
        Session s = stripe.v1().checkout().sessions().create(SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.PAYMENT).setSuccessUrl(sandbox.defaultSuccessUrl())
                .addPaymentMethodType(SessionCreateParams.PaymentMethodType.CARD)
                .addLineItem(line("Tea", 500, 1, "usd")).build());
        String page = get(s.getUrl()).body();
        assertThat(page).doesNotContain("Amazon Pay");

        HttpResponse<String> forged = browser.send(HttpRequest.newBuilder(URI.create(sandbox.publicBase()
                        + "/c/pay/" + s.getId())).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("method=amazon_pay")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(sandbox.session(s.getId()).orElseThrow().isOpen()).isTrue();
    }

    @Test
    void zeroDecimalTotalsShowNoFraction() throws Exception {
        Session s = stripe.v1().checkout().sessions().create(SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.PAYMENT).setSuccessUrl(sandbox.defaultSuccessUrl())
                .addLineItem(line("Onigiri", 500, 3, "jpy")).build());

        assertThat(get(s.getUrl()).body()).contains("¥1,500").doesNotContain("¥1,500.00");
    }

    @Test
    void unknownSessionPageIsNotFound() throws Exception {
        HttpResponse<String> page = get(sandbox.publicBase() + "/c/pay/cs_test_nothing");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("Payment not found");
    }
}
