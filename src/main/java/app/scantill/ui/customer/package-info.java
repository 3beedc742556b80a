/**
 * The customer's screen: a second window that follows the till's own view models (the cart, the charge)
 * and shows them to the customer, in the customer's language. It keeps no state of its own about the sale.
 */
package app.scantill.ui.customer;
