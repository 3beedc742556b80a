/**
 * Receipts and refund slips: what they say ({@link app.scantill.receipt.Receipt}), laid out once as blocks
 * in the reader's language ({@link app.scantill.receipt.ReceiptLayout}) for every paper, and written as a
 * PDF with embedded fonts ({@link app.scantill.receipt.ReceiptPdf}). The window draws the same blocks for
 * its preview and the printer. No JavaFX here.
 */
package app.scantill.receipt;
