package app.scantill.ui.till;

import static org.assertj.core.api.Assertions.assertThat;

import app.scantill.catalog.CatalogLoader;
import app.scantill.catalog.CatalogStore;
import app.scantill.checkout.ChargeStatus.Phase;
import app.scantill.i18n.Translator;
import app.scantill.journal.EndOfDayReport;
import app.scantill.journal.SalesHistory;
import app.scantill.journal.SalesJournal;
import app.scantill.money.Money;
import app.scantill.money.TaxRate;
import app.scantill.money.TaxRounding;
import app.scantill.receipt.Paper;
import app.scantill.receipt.Receipt;
import app.scantill.receipt.ReceiptLayout;
import app.scantill.receipt.ReceiptPdf;
import app.scantill.receipt.Shop;
import app.scantill.sale.Sale;
import app.scantill.sale.SaleState;
import app.scantill.sale.TaxBreakdown;
import app.scantill.sandbox.Fault;
import app.scantill.sandbox.StripeSandbox;
import app.scantill.ui.editor.FilePicker;
import app.scantill.ui.editor.ProductEditing;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A day at a market stall with this till alone, through its window and against the embedded sandbox (issue 15's
 * "done when"): the owner puts a float in the drawer and raises a price in the product editor, gives 10 % off a
 * cart paid with Amazon Pay, the receipt shows the VAT per rate, the network drops at noon and the same cart is
 * paid in cash, a card sale follows once it is back, and the end-of-day report balances card, Amazon Pay and
 * cash to the cent, with the drawer counted against what it should hold.
 */
@ExtendWith(ApplicationExtension.class)
class StallDayTest {

    private static final String STALL = String.join("\n",
            "sku,barcode,name,price,currency,category,tax_rate",
            "STL-CROI,4200000000017,Butter Croissant,2.40,EUR,Bakery,7",
            "STL-KAFF,4200000000048,Filter Coffee,2.80,EUR,Drinks,19",
            "STL-HONI,4200000000079,Wildflower Honey 250 g,7.90,EUR,Pantry,7",
            "STL-TOTE,4200000000093,Canvas Tote Bag,12.00,EUR,Merchandise,19",
            "");
    private static final String CROISSANT = "4200000000017";
    private static final String COFFEE = "4200000000048";
    private static final String HONEY = "4200000000079";
    private static final String TOTE = "4200000000093";
    private static final Currency EUR = Currency.getInstance("EUR");

    @TempDir
    Path dir;
    private Stage stage;
    private TillWindowFixture till;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void stop() throws Exception {
        TillWindowFixture.onFx(() -> {
            for (Window w : List.copyOf(Window.getWindows())) {
                if (w != stage && w instanceof Stage s) {
                    s.close();
                }
            }
            return null;
        });
        if (till != null) {
            till.close();
        }
    }

    @Test
    void anOwnerRunsADayAtAStallAndTheReportBalancesCardAmazonPayAndCashToTheCent(FxRobot robot) throws Exception {
        till = TillWindowFixture.start(stage, dir, STALL, List.of("--poll.interval_ms=250",
                "--stripe.read_timeout_ms=800", "--stripe.max_network_retries=0"), Map.of(), Clock.systemUTC());
        Path catalog = dir.resolve("catalog.csv");
        TillWindowFixture.onFx(() -> {
            till.model.enableProductEditing(new ProductEditing(CatalogStore.at(catalog), Optional.empty(),
                    new FilePicker() {
                        @Override
                        public Optional<Path> fileToImport(Window owner) {
                            return Optional.empty();
                        }

                        @Override
                        public Optional<Path> fileToExport(Window owner) {
                            return Optional.empty();
                        }
                    }));
            return null;
        });
        StripeSandbox sandbox = till.services.sandbox().orElseThrow();

        // 9:00: 50 euros of change in the drawer, and the filter coffee goes up from 2.80 to 3.00.
        robot.type(KeyCode.F7);
        TillWindowFixture.waitUntil(10, () -> TillWindowFixture.showing(robot, "#drawerView"));
        robot.clickOn("#drawerAmount").write("50", 0);
        robot.clickOn("#drawerFloat");
        TillWindowFixture.waitUntil(10, () -> TillWindowFixture.labelText(robot, "#drawerExpected").equals("€50.00"));
        robot.type(KeyCode.ESCAPE);
        TillWindowFixture.waitUntil(10, () -> !TillWindowFixture.showing(robot, "#drawerView"));

        Parent editor = openEditor(robot);
        TillWindowFixture.onFx(() -> {
            TableView<app.scantill.catalog.Product> table = find(editor, "#editor-table");
            table.getSelectionModel().select(table.getItems().stream().filter(p -> p.sku().equals("STL-KAFF"))
                    .findFirst().orElseThrow());
            TextField price = find(editor, "#editor-field-price");
            price.requestFocus();
            price.selectAll();
            return null;
        });
        robot.type(KeyCode.BACK_SPACE).write("3.00").type(KeyCode.ENTER);
        TillWindowFixture.waitUntil(10, () -> TillWindowFixture.onFx(() -> till.cashier().catalogProperty().get()
                .bySku("STL-KAFF").orElseThrow().price()).equals(Money.of(300, "EUR")));
        assertThat(new CatalogLoader().load(catalog).catalog().bySku("STL-KAFF").orElseThrow().price())
                .isEqualTo(Money.of(300, "EUR"));
        TillWindowFixture.onFx(() -> {
            editor.getScene().getWindow().hide();
            return null;
        });
        robot.clickOn("#scanField");

        // Morning: two croissants and a coffee, 10 % off the whole cart, paid with Amazon Pay.
        TillWindowFixture.scan(robot, CROISSANT, CROISSANT, COFFEE);
        robot.press(KeyCode.SHIFT).type(KeyCode.F4).release(KeyCode.SHIFT);
        TillWindowFixture.waitUntil(10, () -> TillWindowFixture.showing(robot, "#discountOverlay"));
        robot.write("10", 0);
        robot.clickOn("#discountReason").clickOn("Loyalty");
        robot.clickOn("#discountValue").type(KeyCode.ENTER);
        TillWindowFixture.waitUntil(10, () -> TillWindowFixture.labelText(robot, "#totalLabel").equals("€7.02"));
        assertThat(TillWindowFixture.labelText(robot, "#listTotalLabel")).isEqualTo("€7.80");

        robot.type(KeyCode.F12);
        till.waitForPhase(30, Phase.AWAITING_PAYMENT);
        String morning = till.status().saleId();
        sandbox.pay(till.status().sessionId(), "amazon_pay");
        till.waitForPhase(30, Phase.PAID);
        till.newSale();

        Sale discounted = journal().find(morning).orElseThrow();
        assertThat(discounted.totalMinor()).isEqualTo(702);
        assertThat(discounted.lines()).extracting(l -> l.discountMinor()).containsExactly(48L, 30L);
        assertThat(sandbox.sessions().stream().filter(s -> morning.equals(s.clientReferenceId())).findFirst()
                .orElseThrow().amountTotal().minorUnits()).as("what Stripe charged").isEqualTo(702);
        // The receipt shows the VAT per rate of what was paid: 4.32 at 7 % (tax 0.28), 2.70 at 19 % (tax 0.43).
        String receipt = receiptText(discounted);
        assertThat(receipt).containsSubsequence("Tax included", "Tax rate 7 %", "Net €4.04", "Tax €0.28",
                "Gross €4.32", "Tax rate 19 %", "Net €2.27", "Tax €0.43", "Gross €2.70");

        // Noon: the network drops mid-charge; the same cart is paid in cash.
        sandbox.faults().inject(Fault.dropConnection(), 10_000, "POST", "/v1/checkout/sessions");
        TillWindowFixture.scan(robot, HONEY, TOTE);
        robot.type(KeyCode.F12);
        till.waitForPhase(60, Phase.FAILED);
        TillWindowFixture.waitUntil(10, () -> TillWindowFixture.showing(robot, "#cash-offer"));
        String abandoned = till.status().saleId();
        robot.type(KeyCode.F8);
        TillWindowFixture.waitUntil(10, () -> TillWindowFixture.showing(robot, "#cashView"));
        robot.write("20", 0).type(KeyCode.ENTER);
        TillWindowFixture.waitUntil(10, () -> TillWindowFixture.labelText(robot, "#cashMessage").equals("Paid in cash. Give €0.10 change."));
        robot.type(KeyCode.ENTER);
        TillWindowFixture.waitUntil(10, () -> !TillWindowFixture.showing(robot, "#cashView") && TillWindowFixture.onFx(() -> till.cashier().cartLines()
                .isEmpty()));

        // The network is back: the card attempt is settled, and the afternoon's tote bag is paid by card.
        sandbox.faults().clear();
        TillWindowFixture.waitUntil(60, () -> journal().find(abandoned).orElseThrow().state() == SaleState.CANCELLED);
        TillWindowFixture.scan(robot, TOTE);
        robot.type(KeyCode.F12);
        till.waitForPhase(30, Phase.AWAITING_PAYMENT);
        sandbox.pay(till.status().sessionId(), "card");
        till.waitForPhase(30, Phase.PAID);
        till.newSale();

        // Evening: the drawer holds the float and the cash sale, counted to the cent.
        robot.type(KeyCode.F7);
        TillWindowFixture.waitUntil(10, () -> TillWindowFixture.showing(robot, "#drawerView") && TillWindowFixture.labelText(robot, "#drawerExpected").equals("€69.90"));
        robot.clickOn("#drawerAmount").write("69.90", 0);
        robot.clickOn("#drawerCount");
        TillWindowFixture.waitUntil(10, () -> TillWindowFixture.onFx(() -> journal().drawerBetween(
                java.time.Instant.now().minusSeconds(3600), java.time.Instant.now().plusSeconds(60)).size()) == 2);
        robot.type(KeyCode.ESCAPE);

        LocalDate today = LocalDate.now(ZoneId.systemDefault());
        EndOfDayReport report = new SalesHistory(journal(), ZoneId.systemDefault(), Clock.systemUTC())
                .report(today, today.plusDays(1));
        EndOfDayReport.CurrencyTotals euros = report.totalsFor(EUR).orElseThrow();
        assertThat(euros.paidByMethod().get("amazon_pay").total()).isEqualTo(Money.of(702, "EUR"));
        assertThat(euros.paidByMethod().get("cash").total()).isEqualTo(Money.of(1990, "EUR"));
        assertThat(euros.paidByMethod().get("card").total()).isEqualTo(Money.of(1200, "EUR"));
        assertThat(euros.paid()).isEqualTo(new EndOfDayReport.Tally(3, Money.of(3892, "EUR")));
        assertThat(euros.net()).as("card + Amazon Pay + cash, nothing refunded").isEqualTo(Money.of(3892, "EUR"));
        assertThat(euros.taxes().shares().stream().mapToLong(TaxBreakdown.RateShare::grossMinor).sum())
                .as("the VAT table covers every cent taken").isEqualTo(3892);
        assertThat(euros.taxes().shares()).extracting(TaxBreakdown.RateShare::rate)
                .containsExactly(new TaxRate(700), new TaxRate(1900));
        assertThat(report.drawerFor(EUR).orElseThrow().expected()).isEqualTo(Money.of(6990, "EUR"));
        assertThat(report.drawerFor(EUR).orElseThrow().difference()).contains(Money.of(0, "EUR"));
    }

    private SalesJournal journal() {
        return till.services.journal().orElseThrow();
    }

    private static String receiptText(Sale sale) throws Exception {
        Translator english = Translator.forLocale(Locale.US, ZoneId.of("UTC"));
        Shop shop = new Shop("Market Stall", List.of("Market Square 1"), "DE123456789", TaxRounding.PER_LINE);
        byte[] pdf = ReceiptPdf.bytes(new ReceiptLayout(english).lay(Receipt.ofSale(shop, sale, List.of(), null)),
                Paper.ROLL_80, "Receipt");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return String.join("\n", new PDFTextStripper().getText(doc).lines()
                    .map(l -> l.strip().replace('\u00a0', ' ').replace('\u202f', ' ').replaceAll("\\s+", " "))
                    .toList());
        }
    }

    private Parent openEditor(FxRobot robot) throws Exception {
        robot.type(KeyCode.F3);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> editorRoot() != null);
        Parent editor = editorRoot();
        robot.clickOn((Node) find(editor, "#editor-count"));
        return editor;
    }

    private Parent editorRoot() throws Exception {
        return TillWindowFixture.onFx(() -> {
            for (Window w : Window.getWindows()) {
                if (w != stage && w.isShowing() && w.getScene() != null
                        && w.getScene().getRoot().lookup("#editor-table") != null) {
                    return w.getScene().getRoot();
                }
            }
            return null;
        });
    }

    @SuppressWarnings("unchecked")
    private static <T extends Node> T find(Parent root, String id) {
        T node = (T) root.lookup(id);
        assertThat(node).as(id).isNotNull();
        return node;
    }
}
