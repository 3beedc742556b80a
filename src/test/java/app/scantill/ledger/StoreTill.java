package app.scantill.ledger;

import app.scantill.journal.JdbcSalesJournal;
import app.scantill.sale.Refund;
import app.scantill.sale.RefundLine;
import app.scantill.sale.RefundOrder;
import app.scantill.sale.RefundReason;
import app.scantill.sale.Sale;
import app.scantill.sale.SaleLine;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Currency;
import java.util.List;

/**
 * One register of a store for the ledger's tests, in this JVM: its own SQLite journal keeping an outbox, and a
 * shipper the test runs by hand ({@link #ship()}), so what the ledger holds at each step is the test's choice.
 */
final class StoreTill implements AutoCloseable {

    static final Currency USD = Currency.getInstance("USD");
    /** 2 x Coffee 350 and 1 x Bagel 275: 975 cents. */
    static final List<SaleLine> LINES = List.of(new SaleLine("SKU-1", "Coffee", 350, 2),
            new SaleLine("SKU-2", "Bagel", 275, 1));

    final String register;
    final JdbcSalesJournal journal;
    private final LedgerShipper shipper;

    StoreTill(String register, Path dir, Clock clock, StoreLedger ledger) {
        this.register = register;
        this.journal = JdbcSalesJournal.open(dir.resolve(register + ".db"), clock, Duration.ofSeconds(5), true);
        this.shipper = new LedgerShipper(journal.outbox().orElseThrow(), ledger);
    }

    /** A sale of {@link #LINES}, paid by {@code method}, journaled as the charge flow journals it (not shipped). */
    Sale paid(String saleId, String method) {
        journal.begin(saleId, register, USD, LINES, saleId + "-k1");
        journal.recordSession(saleId, saleId + "-cs1", null);
        return journal.markPaid(saleId, "pi_" + saleId, method, null);
    }

    RefundOrder order(String refundId, String saleId, long amount, RefundLine... lines) {
        return new RefundOrder(refundId, saleId, register, amount, RefundReason.REQUESTED_BY_CUSTOMER, List.of(lines),
                "scantill-refund-" + refundId);
    }

    /** Journals a refund of another register's sale, as the store ledger holds it (not shipped). */
    Refund refundOf(Sale soldElsewhere, String refundId, long amount, RefundLine... lines) {
        return journal.beginStoreRefund(order(refundId, soldElsewhere.id(), amount, lines), soldElsewhere);
    }

    /** Sends the whole outbox to the ledger. */
    int ship() {
        return shipper.drain();
    }

    @Override
    public void close() {
        shipper.close();
        journal.close();
    }
}
