/** The cashier's screen: products, the scan field, the cart and its total, and the Charge button. */
package app.scantill.ui.cashier;
