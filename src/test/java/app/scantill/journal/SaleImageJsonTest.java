package app.scantill.journal;

import static org.assertj.core.api.Assertions.assertThat;

import app.scantill.money.TaxRate;
import app.scantill.sale.Sale;
import app.scantill.sale.SaleLine;
import app.scantill.sale.SaleState;
import app.scantill.sale.StateChange;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The image the outbox ships carries each line's tax rate; an image written before rates were kept reads 0 %. */
class SaleImageJsonTest {

    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void theTaxRateOfEachLineTravelsWithTheSale() {
        List<SaleLine> lines = List.of(new SaleLine("BOOK", "Book", 1295, 1, 0, new TaxRate(700)),
                new SaleLine("COFFEE", "Coffee", 299, 3, 0, new TaxRate(1900)));
        SaleImage image = new SaleImage(new Sale("s-1", "till-1", AT, Currency.getInstance("EUR"), lines, 2192,
                SaleState.CHARGING, 1, "k1", null, null, null, null, AT, AT),
                List.of(new SaleImage.Attempt(1, "k1", null, null, AT)),
                List.of(new StateChange("s-1", AT, null, SaleState.CHARGING, "attempt 1")), false);

        String json = SaleImageJson.encode(image);

        assertThat(json).contains("\"tax_rate_bp\":700", "\"tax_rate_bp\":1900");
        assertThat(SaleImageJson.decode(json).sale().lines()).containsExactlyElementsOf(lines);
    }

    @Test
    void anImageFromBeforeTaxRatesReadsAsTaxFree() {
        String older = """
                {"sale":{"id":"s-1","register_id":"till-1","created_at":1000,"currency":"EUR","total_minor":1295,
                "state":"CHARGING","attempt":1,"updated_at":1000,
                "lines":[{"sku":"BOOK","name":"Book","unit_amount_minor":1295,"quantity":1}]},
                "attempts":[{"number":1,"idempotency_key":"k1","started_at":1000}],"history":[]}""";

        assertThat(SaleImageJson.decode(older).sale().lines()).containsExactly(new SaleLine("BOOK", "Book", 1295, 1));
    }
}
