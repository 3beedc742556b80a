package app.scantill.sandbox;

import app.scantill.money.Money;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A read-only copy of one Checkout Session as the sandbox holds it, for tests and demos.
 *
 * @param status Stripe's wire value: {@code open}, {@code complete} or {@code expired}
 * @param paymentStatus {@code unpaid} or {@code paid}
 * @param url the pay page (with its {@code #} fragment) while open, otherwise null
 * @param paymentIntentId null until paid
 * @param paymentMethodType {@code amazon_pay} or {@code card} once paid, otherwise null
 */
public record SandboxSession(
        String id,
        String status,
        String paymentStatus,
        String url,
        Money amountTotal,
        Instant created,
        Instant expiresAt,
        String clientReferenceId,
        Map<String, String> metadata,
        List<String> paymentMethodTypes,
        List<Line> lines,
        String successUrl,
        String cancelUrl,
        String paymentIntentId,
        String paymentMethodType) {

    public SandboxSession {
        metadata = Map.copyOf(metadata);
        paymentMethodTypes = List.copyOf(paymentMethodTypes);
        lines = List.copyOf(lines);
    }

    public boolean isOpen() {
        return "open".equals(status);
    }

    public boolean isPaid() {
        return "complete".equals(status) && "paid".equals(paymentStatus);
    }

    public Optional<String> paymentIntent() {
        return Optional.ofNullable(paymentIntentId);
    }

    /** One line as the customer sees it on the pay page. */
    public record Line(String name, Money unitAmount, long quantity, Money amount) {
    }
}
