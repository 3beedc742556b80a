package app.scantill.checkout;

import app.scantill.journal.JournalException;
import app.scantill.journal.SalesJournal;
import app.scantill.sale.CashOrder;
import app.scantill.sale.Sale;
import app.scantill.sale.SaleIdGenerator;
import app.scantill.sale.SaleLine;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * Takes cash for a cart (docs/cash.md): the sale is journaled PAID with payment method {@code cash} and what was
 * tendered and given back, in one write. No network, no Stripe. Synchronous: call it off the JavaFX thread.
 */
public final class CashDesk {

    private final SalesJournal journal;
    private final String registerId;
    private final SaleIdGenerator saleIds;

    public CashDesk(SalesJournal journal, String registerId, SaleIdGenerator saleIds) {
        this.journal = Objects.requireNonNull(journal, "journal");
        this.registerId = Objects.requireNonNull(registerId, "registerId");
        this.saleIds = Objects.requireNonNull(saleIds, "saleIds");
    }

    /**
     * Journals the cart as a new sale paid in cash.
     *
     * @param replacesSaleId the card attempt of the same cart this sale takes over (Stripe could not be reached,
     *     docs/adr/0180), or null; it is moved to CANCELLING in the same write
     * @return the sale as journaled, PAID
     * @throws app.scantill.sale.CashTender.TooLittleTenderedException when less than the total was tendered
     * @throws JournalException when the journal cannot write it
     */
    public Sale pay(Currency currency, List<SaleLine> lines, long tenderedMinor, String replacesSaleId) {
        CashOrder order = new CashOrder(newSaleId(), registerId, currency, lines, tenderedMinor, replacesSaleId);
        order.tender(); // refused before anything is written
        return journal.payInCash(order);
    }

    public SalesJournal journal() {
        return journal;
    }

    private String newSaleId() {
        for (int i = 0; i < 5; i++) {
            String id = saleIds.next();
            if (journal.find(id).isEmpty()) {
                return id;
            }
        }
        return saleIds.next();
    }
}
