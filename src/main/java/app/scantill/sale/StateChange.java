package app.scantill.sale;

import java.time.Instant;

/**
 * One entry of a sale's history: when it moved, from where, to where, and why. The first entry of
 * every sale is its creation, with {@code from} {@code null}.
 */
public record StateChange(String saleId, Instant at, SaleState from, SaleState to, String note) {
}
