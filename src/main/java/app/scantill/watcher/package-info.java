/**
 * The store's one Stripe watcher (docs/adr/0100): the till elected through the ledger lists Stripe's
 * Checkout events for every till of the store and writes each outcome to the ledger, which wakes the
 * till it concerns. SDK-free: it reads events through {@link app.scantill.checkout.EventsGateway}.
 */
package app.scantill.watcher;
