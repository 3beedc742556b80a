package app.scantill.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import app.scantill.checkout.ChargeSettings;
import app.scantill.checkout.CheckoutGateway;
import app.scantill.checkout.CheckoutRequest;
import app.scantill.checkout.CheckoutRequestFactory;
import app.scantill.checkout.GatewayException;
import app.scantill.config.StripeKey;
import app.scantill.config.StripeTaxRates;
import app.scantill.money.TaxRate;
import app.scantill.sale.SaleLine;
import app.scantill.sandbox.RecordedRequest;
import app.scantill.sandbox.SandboxAccount;
import app.scantill.sandbox.SandboxOptions;
import app.scantill.sandbox.StripeSandbox;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * tax.stripe_rates: a Checkout line at a mapped rate carries the owner's Stripe tax rate in {@code tax_rates}, a line
 * at another rate carries none, and the amounts stay the tax-inclusive ones the till charges (what the sandbox got).
 */
class StripeTaxRatesSandboxTest {

    private static final List<SaleLine> LINES = List.of(
            new SaleLine("COFFEE", "Coffee beans", 299, 3, 0, new TaxRate(1900)),
            new SaleLine("BOOK", "Book", 1295, 1, 0, new TaxRate(700)),
            new SaleLine("GIFT", "Gift card", 1000, 1, 0, TaxRate.ZERO));

    private StripeSandbox sandbox;

    @BeforeEach
    void start() throws IOException {
        sandbox = StripeSandbox.start(SandboxOptions.inMemory().withAccount(SandboxAccount.anywhere()
                .withInclusiveTaxRate("txr_vat19", 1900).withInclusiveTaxRate("txr_vat7", 700)));
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private StripeCheckoutGateway gateway() {
        return new StripeCheckoutGateway(new StripeConnection(StripeKey.parse(sandbox.secretKey()), sandbox.apiBase(),
                Duration.ofSeconds(2), Duration.ofSeconds(5), 0, CheckoutGateway.Mode.SANDBOX));
    }

    private CheckoutRequest request(String saleId, String mapping) {
        ChargeSettings settings = ChargeSettings.defaults("till-3", sandbox.defaultSuccessUrl(), null)
                .withStripeTaxRates(Optional.ofNullable(mapping).map(StripeTaxRates::parse));
        return new CheckoutRequestFactory(settings, Clock.systemUTC()).build(saleId, 1, Currency.getInstance("EUR"),
                LINES, false);
    }

    private RecordedRequest lastCreate() {
        List<RecordedRequest> creates = sandbox.requests().stream()
                .filter(r -> r.method().equals("POST") && r.path().equals("/v1/checkout/sessions")).toList();
        return creates.get(creates.size() - 1);
    }

    @Test
    void mappedRatesTravelOnTheirLinesAndTheAmountsStayInclusive() throws Exception {
        gateway().create(request("S-20261201-0001-TAXAAA", "19=txr_vat19,7=txr_vat7"));

        RecordedRequest create = lastCreate();
        assertThat(create.param("line_items[0][tax_rates][0]")).contains("txr_vat19");
        assertThat(create.param("line_items[1][tax_rates][0]")).contains("txr_vat7");
        assertThat(create.params()).noneMatch(p -> p.getKey().startsWith("line_items[2][tax_rates]"));
        assertThat(create.param("line_items[0][price_data][unit_amount]")).contains("299");
        assertThat(create.param("line_items[1][price_data][unit_amount]")).contains("1295");
        assertThat(sandbox.sessions()).singleElement()
                .satisfies(s -> assertThat(s.amountTotal()).isEqualTo(app.scantill.money.Money.of(299 * 3 + 1295 + 1000, "EUR")));
    }

    @Test
    void withoutAMappingNoLineCarriesATaxRate() throws Exception {
        gateway().create(request("S-20261201-0002-TAXBBB", null));

        assertThat(lastCreate().params()).noneMatch(p -> p.getKey().contains("tax_rates"));
    }

    @Test
    void aRateTheAccountDoesNotHaveIsRefusedAsStripeWouldAndTheReplayIsTheSameRequest() throws Exception {
        CheckoutRequest request = request("S-20261201-0003-TAXCCC", "19=txr_other");

        GatewayException refused = catchThrowableOfType(GatewayException.class, () -> gateway().create(request));

        assertThat(refused.kind()).isEqualTo(GatewayException.Kind.INVALID_REQUEST);
        assertThat(refused.param()).contains("line_items[0][tax_rates][0]");
        assertThat(request("S-20261201-0003-TAXCCC", "19=txr_other").lines()).isEqualTo(request.lines());
    }
}
