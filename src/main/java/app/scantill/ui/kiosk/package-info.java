/**
 * Kiosk mode ({@code till.mode=kiosk}): the till as a self-service kiosk, one full-screen window for the
 * customer, built on the till's own view models. No History, no refunds, no settings; idle customers are
 * asked "Still there?" and then reset safely; the kiosk is left only with the kiosk PIN.
 */
package app.scantill.ui.kiosk;
