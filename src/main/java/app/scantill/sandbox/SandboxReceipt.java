package app.scantill.sandbox;

import app.scantill.money.Money;
import java.time.Instant;
import java.util.List;

/**
 * What the sandbox's hosted receipt page shows of one charge: the payment, the session's lines and the
 * refunds made against it.
 *
 * @param session the session that was paid, or null for a charge made some other way
 * @param url the charge's {@code receipt_url}
 */
public record SandboxReceipt(String chargeId, String receiptNumber, Instant paidAt, Money amount,
        String paymentMethodType, SandboxSession session, List<SandboxRefund> refunds, String url) {

    public SandboxReceipt {
        refunds = List.copyOf(refunds);
    }

    /** Refunds that went or are going through (a failed one gave the money back to the shop). */
    public Money refunded() {
        Money sum = Money.zero(amount.currency());
        for (SandboxRefund r : refunds) {
            if (r.status().equals("pending") || r.status().equals("succeeded")) {
                sum = sum.plus(r.amount());
            }
        }
        return sum;
    }
}
