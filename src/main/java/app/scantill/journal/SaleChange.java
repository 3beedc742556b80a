package app.scantill.journal;

import java.util.Objects;

/**
 * One change of one sale waiting in the journal's outbox for the store ledger: the sale's
 * {@code changeNo}-th change (counted from 1 per sale), and the sale as that change left it. The ledger
 * applies a change once, keyed by sale id and change number, so sending one again is harmless.
 *
 * @param seq the outbox's order: changes are shipped by increasing {@code seq}, so in order per sale
 */
public record SaleChange(long seq, String saleId, int changeNo, SaleImage image) implements OutboxChange {

    public SaleChange {
        Objects.requireNonNull(saleId, "saleId");
        Objects.requireNonNull(image, "image");
        if (changeNo < 1) {
            throw new IllegalArgumentException("change numbers start at 1");
        }
    }
}
