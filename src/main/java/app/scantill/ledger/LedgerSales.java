package app.scantill.ledger;

import app.scantill.journal.SaleRecords;
import app.scantill.sale.CashTender;
import app.scantill.sale.Sale;
import app.scantill.sale.SaleState;
import app.scantill.sale.StateChange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The store's sales as the ledger holds them, every register's: what History and the end-of-day report
 * read when a ledger is configured. Answers exactly as the journals answer ({@code SalesJournalContract}
 * runs against it through the outbox and the shipper). A failure is a {@link LedgerException}.
 */
public final class LedgerSales implements SaleRecords {

    private final StoreLedger ledger;

    public LedgerSales(StoreLedger ledger) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
    }

    @Override
    public Optional<Sale> find(String saleId) {
        return ledger.inTransaction("read sale " + saleId,
                c -> LedgerTables.first(LedgerTables.query(c, "s.id = ?", List.of(saleId))));
    }

    @Override
    public List<Sale> unfinished() {
        StringBuilder in = new StringBuilder();
        List<Object> states = new ArrayList<>();
        for (SaleState s : SaleState.values()) {
            if (s.needsReconciliation()) {
                in.append(in.length() == 0 ? "?" : ", ?");
                states.add(s.name());
            }
        }
        return ledger.inTransaction("read unfinished sales", c -> LedgerTables.query(c, "s.state IN (" + in + ")", states));
    }

    @Override
    public List<Sale> createdBetween(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        return ledger.inTransaction("read sales", c -> LedgerTables.query(c, "s.created_at >= ? AND s.created_at < ?",
                List.of(LedgerTables.time(from), LedgerTables.time(to))));
    }

    @Override
    public List<StateChange> history(String saleId) {
        return ledger.inTransaction("read the history of sale " + saleId, c -> LedgerTables.history(c, saleId));
    }

    @Override
    public List<String> attemptKeys(String saleId) {
        return ledger.inTransaction("read the attempts of sale " + saleId, c -> LedgerTables.attemptKeys(c, saleId));
    }

    @Override
    public Optional<CashTender> cashTender(String saleId) {
        return ledger.inTransaction("read the cash of sale " + saleId,
                c -> LedgerTables.cashTender(c, "sale_id", saleId));
    }

    @Override
    public Optional<CashTender> cashReplacing(String cardSaleId) {
        return ledger.inTransaction("read the cash sale that took over " + cardSaleId,
                c -> LedgerTables.cashTender(c, "replaces_sale_id", cardSaleId));
    }
}
