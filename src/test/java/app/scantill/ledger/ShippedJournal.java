package app.scantill.ledger;

import app.scantill.journal.JdbcSalesJournal;
import app.scantill.journal.JournalException;
import app.scantill.journal.SalesJournal;
import app.scantill.sale.CashOrder;
import app.scantill.sale.CashTender;
import app.scantill.sale.DrawerEntry;
import app.scantill.sale.Refund;
import app.scantill.sale.RefundOrder;
import app.scantill.sale.RefundStatus;
import app.scantill.sale.Sale;
import app.scantill.sale.SaleDiscounts;
import app.scantill.sale.SaleLine;
import app.scantill.sale.SaleState;
import app.scantill.sale.StateChange;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A journal for the contract suites that writes to a till's SQLite journal keeping an outbox, ships every change
 * to the ledger at once, and answers every read from the ledger alone ({@link LedgerSales}, {@link LedgerRefunds}):
 * what the contracts compare then holds end to end, through journal, outbox, shipper and the ledger's tables.
 */
final class ShippedJournal implements SalesJournal {

    private final JdbcSalesJournal local;
    private final LedgerShipper shipper;
    private final LedgerSales sales;
    private final LedgerRefunds refunds;
    private volatile boolean closed;

    ShippedJournal(JdbcSalesJournal local, StoreLedger ledger) {
        this.local = local;
        this.shipper = new LedgerShipper(local.outbox().orElseThrow(), ledger);
        this.sales = new LedgerSales(ledger);
        this.refunds = new LedgerRefunds(ledger);
    }

    private <T> T written(Supplier<T> write) {
        try {
            return write.get();
        } finally {
            if (!closed) {
                shipper.drain();
            }
        }
    }

    private <T> T read(Supplier<T> read) {
        if (closed) {
            throw new JournalException("Could not read: the journal is closed");
        }
        return read.get();
    }

    @Override
    public Sale begin(String saleId, String registerId, Currency currency, List<SaleLine> lines, String key,
            SaleDiscounts discounts) {
        return written(() -> local.begin(saleId, registerId, currency, lines, key, discounts));
    }

    @Override
    public Sale newAttempt(String saleId, String key) {
        return written(() -> local.newAttempt(saleId, key));
    }

    @Override
    public Sale replaceAttempt(String saleId, String key, String why) {
        return written(() -> local.replaceAttempt(saleId, key, why));
    }

    @Override
    public Sale recordSession(String saleId, String sessionId, Instant expiresAt) {
        return written(() -> local.recordSession(saleId, sessionId, expiresAt));
    }

    @Override
    public Sale markPaid(String saleId, String paymentIntentId, String paymentMethod, String note) {
        return written(() -> local.markPaid(saleId, paymentIntentId, paymentMethod, note));
    }

    @Override
    public Sale transition(String saleId, SaleState to, String note) {
        return written(() -> local.transition(saleId, to, note));
    }

    @Override
    public Optional<Sale> find(String saleId) {
        return read(() -> sales.find(saleId));
    }

    @Override
    public List<Sale> unfinished() {
        return read(sales::unfinished);
    }

    @Override
    public List<Sale> createdBetween(Instant from, Instant to) {
        return read(() -> sales.createdBetween(from, to));
    }

    @Override
    public List<StateChange> history(String saleId) {
        return read(() -> sales.history(saleId));
    }

    @Override
    public List<String> attemptKeys(String saleId) {
        return read(() -> sales.attemptKeys(saleId));
    }

    @Override
    public Sale payInCash(CashOrder order) {
        return written(() -> local.payInCash(order));
    }

    @Override
    public DrawerEntry recordDrawer(DrawerEntry entry) {
        return local.recordDrawer(entry);
    }

    @Override
    public List<DrawerEntry> drawerBetween(Instant from, Instant to) {
        return local.drawerBetween(from, to);
    }

    @Override
    public Optional<CashTender> cashTender(String saleId) {
        return read(() -> sales.cashTender(saleId));
    }

    @Override
    public Optional<CashTender> cashReplacing(String cardSaleId) {
        return read(() -> sales.cashReplacing(cardSaleId));
    }

    // Refunds are journaled by the till and shipped like sales; reads come from the ledger.

    @Override
    public Refund beginRefund(RefundOrder order) {
        return written(() -> local.beginRefund(order));
    }

    @Override
    public Refund beginStoreRefund(RefundOrder order, Sale sale) {
        return written(() -> local.beginStoreRefund(order, sale));
    }

    @Override
    public boolean handRefundsToStore(String saleId) {
        return written(() -> local.handRefundsToStore(saleId));
    }

    @Override
    public Refund recordRefundStatus(String refundId, String stripeRefundId, RefundStatus status,
            String failureReason) {
        return written(() -> local.recordRefundStatus(refundId, stripeRefundId, status, failureReason));
    }

    @Override
    public Optional<Refund> findRefund(String refundId) {
        return read(() -> refunds.find(refundId));
    }

    @Override
    public List<Refund> unfinishedRefunds() {
        return read(refunds::unfinished);
    }

    @Override
    public List<Refund> refunds(String saleId) {
        return read(() -> refunds.refunds(saleId));
    }

    @Override
    public List<Refund> refundsCreatedBetween(Instant from, Instant to) {
        return read(() -> refunds.refundsCreatedBetween(from, to));
    }

    @Override
    public void close() {
        closed = true;
        shipper.close();
        local.close();
    }
}
