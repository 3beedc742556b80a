/**
 * The sale being built at the till: lines, the single-currency rule, the limits Stripe would
 * enforce later, and whether the cart can be charged (and with which methods).
 */
package app.scantill.cart;
