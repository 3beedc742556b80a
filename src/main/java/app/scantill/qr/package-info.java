/** QR encoding of the Checkout Session URL with zxing; no JavaFX here, the UI renders the matrix. */
package app.scantill.qr;
