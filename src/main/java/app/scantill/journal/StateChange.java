package app.scantill.journal;

import java.time.Instant;

/** One entry of a sale's history: when it moved, from where, to where, and why. */
public record StateChange(String saleId, Instant at, SaleState from, SaleState to, String note) {
}
