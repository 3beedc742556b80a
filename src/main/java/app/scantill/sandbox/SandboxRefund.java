package app.scantill.sandbox;

import app.scantill.money.Money;
import java.time.Instant;
import java.util.Map;

/**
 * A read-only copy of one refund as the sandbox holds it, for tests, demos and its receipt page.
 *
 * @param status Stripe's wire value: {@code pending}, {@code succeeded}, {@code failed}, ...
 * @param reason Stripe's wire value, or null when none was given
 */
public record SandboxRefund(String id, String paymentIntentId, String chargeId, Money amount, String status,
        String reason, String failureReason, Instant created, Map<String, String> metadata) {

    public SandboxRefund {
        metadata = Map.copyOf(metadata);
    }
}
