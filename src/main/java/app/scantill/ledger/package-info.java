/**
 * The store ledger: one PostgreSQL database shared by every till of a store (docs/adr/0100). Tills ship
 * their journal's outbox here ({@link app.scantill.ledger.LedgerShipper}), read store-wide History from
 * here ({@link app.scantill.ledger.LedgerSales}), hold their register here and elect the store's one
 * Stripe watcher ({@link app.scantill.ledger.StoreSession}). Loaded only when {@code store.ledger.url}
 * is set, so a till without a ledger never loads the driver, HikariCP or Flyway.
 */
package app.scantill.ledger;
