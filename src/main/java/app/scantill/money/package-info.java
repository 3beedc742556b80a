/** Money as long minor units plus a currency, its formatting, and Stripe's per-currency facts. */
package app.scantill.money;
