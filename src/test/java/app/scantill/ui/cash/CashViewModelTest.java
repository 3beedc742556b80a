package app.scantill.ui.cash;

import static org.assertj.core.api.Assertions.assertThat;

import app.scantill.cart.CartSnapshot;
import app.scantill.checkout.CashDesk;
import app.scantill.i18n.Translator;
import app.scantill.journal.InMemorySalesJournal;
import app.scantill.journal.MutableClock;
import app.scantill.money.Money;
import app.scantill.sale.CashTender;
import app.scantill.sale.Sale;
import app.scantill.sale.SaleIdGenerator;
import app.scantill.sale.SaleLine;
import app.scantill.sale.SaleState;
import app.scantill.ui.cash.CashViewModel.Phase;
import app.scantill.ui.cash.CashViewModel.QuickNote;
import app.scantill.ui.support.CurrentThreadUiExecutor;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The cash screen's model: change due per currency, quick keys, exact, the refusal of too little, the journal. */
class CashViewModelTest {

    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Currency JPY = Currency.getInstance("JPY");

    private InMemorySalesJournal journal;
    private CashViewModel model;
    private final List<Sale> paid = new ArrayList<>();

    @BeforeEach
    void setUp() {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-01T12:00:00Z"));
        journal = new InMemorySalesJournal(clock);
        model = new CashViewModel(new CashDesk(journal, "till-1", new SaleIdGenerator(clock)),
                new CurrentThreadUiExecutor(), Translator.forLocale(Locale.US, ZoneOffset.UTC));
        model.setOnPaid(paid::add);
    }

    private static CartSnapshot cart(Currency currency, long unit, int quantity) {
        SaleLine line = new SaleLine("SKU-1", "Thing", unit, quantity);
        return new CartSnapshot(currency, List.of(line), Money.of(unit * quantity, currency));
    }

    @Test
    void changeDueFollowsWhatIsTypedAndConfirmJournalsThePaidCashSale() {
        model.open(cart(USD, 775, 1), null);
        assertThat(model.totalTextProperty().get()).isEqualTo("$7.75");
        assertThat(model.changeTextProperty().get()).isEqualTo("\u2014");

        model.tenderedTextProperty().set("10");
        assertThat(model.changeTextProperty().get()).isEqualTo("$2.25");
        model.tenderedTextProperty().set("20,5");
        assertThat(model.changeTextProperty().get()).isEqualTo("$12.75");

        model.confirm();

        assertThat(model.phaseProperty().get()).isEqualTo(Phase.PAID);
        assertThat(model.messageProperty().get()).isEqualTo("Paid in cash. Give $12.75 change.");
        Sale sale = paid.get(0);
        assertThat(journal.find(sale.id()).orElseThrow().state()).isEqualTo(SaleState.PAID);
        assertThat(journal.cashTender(sale.id())).contains(new CashTender(sale.id(), 2050, 1275, null));
    }

    @Test
    void tooLittleIsRefusedWithWhatIsMissingAndNothingIsJournaled() {
        model.open(cart(EUR, 1990, 1), null);
        model.tenderedTextProperty().set("19.89");

        assertThat(model.tooLittleProperty().get()).isTrue();
        model.confirm();

        assertThat(model.phaseProperty().get()).isEqualTo(Phase.ENTERING);
        assertThat(model.messageProperty().get()).isEqualTo("That is €0.01 less than the total of €19.90.");
        assertThat(paid).isEmpty();
        assertThat(journal.createdBetween(Instant.EPOCH, Instant.parse("2030-01-01T00:00:00Z"))).isEmpty();
    }

    @Test
    void somethingThatIsNotAnAmountIsExplained() {
        model.open(cart(USD, 500, 1), null);
        model.tenderedTextProperty().set("ten");
        model.confirm();

        assertThat(model.messageProperty().get()).isEqualTo("Type the amount handed over, such as 5.00.");
        model.tenderedTextProperty().set("5.005");
        model.confirm();
        assertThat(model.phaseProperty().get()).isEqualTo(Phase.ENTERING);
        assertThat(paid).isEmpty();
    }

    @Test
    void quickKeysAreTheCurrencysCommonNotes() {
        model.open(cart(EUR, 1250, 1), null);
        assertThat(model.notesProperty().get()).extracting(QuickNote::label)
                .containsExactly("€5.00", "€10.00", "€20.00", "€50.00");
        model.open(cart(USD, 1250, 1), null);
        assertThat(model.notesProperty().get()).extracting(QuickNote::label)
                .containsExactly("$1.00", "$5.00", "$10.00", "$20.00");
        model.open(cart(JPY, 850, 3), null);
        assertThat(model.notesProperty().get()).extracting(QuickNote::label)
                .containsExactly("¥1,000", "¥5,000", "¥10,000");

        model.quickNote(model.notesProperty().get().get(1).amount());

        assertThat(model.tenderedTextProperty().get()).isEqualTo("5000");
        assertThat(model.changeTextProperty().get()).isEqualTo("¥2,450");
        model.confirm();
        assertThat(journal.cashTender(paid.get(0).id())).map(CashTender::changeMinor).contains(2450L);
    }

    @Test
    void exactGivesNoChange() {
        model.open(cart(JPY, 480, 2), null);
        model.exact();

        assertThat(model.changeTextProperty().get()).isEqualTo("¥0");
        model.confirm();
        assertThat(model.messageProperty().get()).isEqualTo("Paid in cash. Give ¥0 change.");
    }

    @Test
    void takingOverACardAttemptSaysSoAndCancelsItInTheSameWrite() {
        Sale card = journal.begin("S-CARD", "till-1", USD, cart(USD, 400, 1).lines(), "key-1");
        model.open(cart(USD, 400, 1), card.id());
        assertThat(model.takesOverTextProperty().get()).contains("S-CARD");

        model.exact();
        model.confirm();

        assertThat(journal.find("S-CARD").orElseThrow().state()).isEqualTo(SaleState.CANCELLING);
        assertThat(journal.cashReplacing("S-CARD")).map(CashTender::saleId).contains(paid.get(0).id());
    }

    @Test
    void aJournalThatCannotWriteIsSaidAndTheScreenStaysOpen() {
        journal.failWrites(true);
        model.open(cart(USD, 400, 1), null);
        model.exact();
        model.confirm();

        assertThat(model.phaseProperty().get()).isEqualTo(Phase.ENTERING);
        assertThat(model.messageProperty().get()).startsWith("The cash sale could not be recorded");
        assertThat(paid).isEmpty();
    }
}
