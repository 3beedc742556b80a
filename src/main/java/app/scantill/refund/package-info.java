/**
 * Refunds of paid sales as a flow of their own: journaled first with an idempotency key, then sent to
 * Stripe ({@code POST /v1/refunds}), then followed until Stripe's status is final, also after a restart.
 * {@link app.scantill.refund.RefundFlow} decides every step as a plain function; the
 * {@link app.scantill.refund.RefundService} performs them on one worker thread. No JavaFX here.
 */
package app.scantill.refund;
