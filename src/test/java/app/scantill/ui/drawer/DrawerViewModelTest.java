package app.scantill.ui.drawer;

import static org.assertj.core.api.Assertions.assertThat;

import app.scantill.checkout.CashDrawer;
import app.scantill.i18n.Translator;
import app.scantill.journal.InMemorySalesJournal;
import app.scantill.journal.MutableClock;
import app.scantill.sale.CashOrder;
import app.scantill.sale.DrawerEntry;
import app.scantill.sale.SaleLine;
import app.scantill.ui.support.CurrentThreadUiExecutor;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The drawer screen's model: float, cash sales, in and out make what is expected; a count shows the difference. */
class DrawerViewModelTest {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Currency JPY = Currency.getInstance("JPY");

    private MutableClock clock;
    private InMemorySalesJournal journal;
    private DrawerViewModel model;

    @BeforeEach
    void setUp() {
        clock = new MutableClock(Instant.parse("2026-12-01T08:00:00Z"));
        journal = new InMemorySalesJournal(clock);
        model = new DrawerViewModel(new CashDrawer(journal, "till-1", clock, ZoneOffset.UTC),
                new CurrentThreadUiExecutor(), Translator.forLocale(Locale.US, ZoneOffset.UTC));
    }

    private void record(Runnable command, String amount, String reason) {
        model.amountTextProperty().set(amount);
        model.reasonProperty().set(reason);
        command.run();
        clock.advance(Duration.ofMinutes(5));
    }

    private void cashSale(String id, Currency currency, long unit, long tendered) {
        journal.payInCash(new CashOrder(id, "till-1", currency, List.of(new SaleLine("SKU", "Thing", unit, 1)),
                tendered, null));
        clock.advance(Duration.ofMinutes(5));
    }

    @Test
    void expectedIsFloatPlusCashSalesPlusInMinusOutAndACountShowsItsDifference() {
        model.open(EUR);
        record(model::openingFloat, "150", "");
        cashSale("c-1", EUR, 1275, 2000);
        cashSale("c-2", EUR, 450, 450);
        record(model::cashIn, "20", "coins from the bank");
        record(model::cashOut, "12.50", "refund of sale c-2 in cash");
        model.refresh();

        assertThat(model.expectedTextProperty().get()).isEqualTo("€174.75");
        assertThat(model.summaryProperty().get())
                .isEqualTo("Float €150.00 + cash sales €17.25 + cash in €20.00 − cash out €12.50");

        record(model::count, "174.25", "");

        assertThat(model.differenceTextProperty().get()).isEqualTo("€0.50 short: counted €174.25, expected €174.75.");
        List<DrawerEntry> entries = journal.drawerBetween(Instant.EPOCH, Instant.parse("2030-01-01T00:00:00Z"));
        assertThat(entries).extracting(DrawerEntry::kind).containsExactly(DrawerEntry.Kind.FLOAT,
                DrawerEntry.Kind.CASH_IN, DrawerEntry.Kind.CASH_OUT, DrawerEntry.Kind.COUNT);
        assertThat(entries.get(3).expectedMinor()).isEqualTo(17475);
        assertThat(entries.get(3).differenceMinor()).isEqualTo(-50);
    }

    @Test
    void anEvenCountAndCurrenciesKeptApart() {
        model.open(JPY);
        record(model::openingFloat, "10000", "");
        cashSale("c-1", JPY, 850, 1000);
        cashSale("e-1", EUR, 300, 500);
        record(model::count, "10850", "");

        assertThat(model.differenceTextProperty().get()).isEqualTo("Counted ¥10,850, expected ¥10,850: the drawer is right.");
        model.currencyCodeProperty().set("EUR");
        model.refresh();
        assertThat(model.expectedTextProperty().get()).isEqualTo("€3.00");
    }

    @Test
    void cashInOrOutWithoutAReasonAndBadAmountsAreRefusedAndNothingIsWritten() {
        model.open(EUR);
        record(model::cashOut, "10", " ");
        assertThat(model.messageProperty().get()).isEqualTo("Say why cash goes in or out.");
        record(model::openingFloat, "ten", "");
        assertThat(model.messageProperty().get()).isEqualTo("Type an amount such as 100.00.");
        record(model::openingFloat, "-5", "");
        model.currencyCodeProperty().set("EURO");
        record(model::openingFloat, "5", "");
        assertThat(model.messageProperty().get()).isEqualTo("EURO is not a currency code such as EUR.");
        assertThat(journal.drawerBetween(Instant.EPOCH, Instant.parse("2030-01-01T00:00:00Z"))).isEmpty();
    }
}
