package app.scantill.journal;

import app.scantill.sale.SaleState;

/** A state change that the sale's life does not allow, e.g. PAID to CANCELLED. Nothing was written. */
public class IllegalTransitionException extends JournalException {
    private final SaleState from;
    private final SaleState to;

    public IllegalTransitionException(String saleId, SaleState from, SaleState to) {
        super("Sale " + saleId + " cannot move from " + from + " to " + to);
        this.from = from;
        this.to = to;
    }

    public SaleState from() {
        return from;
    }

    public SaleState to() {
        return to;
    }
}
