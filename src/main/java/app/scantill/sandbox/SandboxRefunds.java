package app.scantill.sandbox;

import app.scantill.money.Money;
import app.scantill.money.MoneyFormat;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Refunds and charges of the sandbox: {@code POST /v1/refunds} with Stripe's validation and refusals,
 * their retrieval and list, the charge of a paid intent with its {@code receipt_url}, and how a refund
 * settles. Everything runs under the {@link SandboxStore}'s one lock and is written to its file.
 *
 * <p>How a refund settles, as Stripe's test mode does it: a card refund succeeds at once; an Amazon Pay
 * refund is asynchronous, {@code pending} first and {@code succeeded} {@link #AMAZON_PAY_SETTLES} later on
 * the sandbox clock. {@link #failNext} makes the next refunds stay pending and then fail, as an Amazon Pay
 * refund can (the money goes back to the balance).
 */
final class SandboxRefunds {

    /** How long an Amazon Pay refund stays pending before it succeeds. */
    static final Duration AMAZON_PAY_SETTLES = Duration.ofSeconds(2);

    private static final Set<String> REASONS = Set.of("duplicate", "fraudulent", "requested_by_customer");
    private static final Set<String> CREATE_PARAMS = Set.of("payment_intent", "charge", "amount", "reason", "metadata",
            "expand", "instructions_email", "refund_application_fee", "reverse_transfer");
    private static final MoneyFormat STRIPE_AMOUNTS = new MoneyFormat(Locale.US);

    private final SandboxStore store;
    // Guarded by the store's lock (changed only inside store.locked).
    private int failuresToPlay;
    private Duration failAfter = Duration.ZERO;

    SandboxRefunds(SandboxStore store) {
        this.store = store;
    }

    /** Makes the charge of an intent that just succeeded; called by the store under its lock. */
    static SandboxState.Charge chargeFor(SandboxState state, SandboxState.PaymentIntent pi, long now) {
        SandboxState.Charge ch = new SandboxState.Charge();
        ch.id = SandboxIds.charge();
        ch.created = now;
        ch.amount = pi.amount;
        ch.currency = pi.currency;
        ch.paymentIntent = pi.id;
        ch.paymentMethod = pi.paymentMethod;
        ch.paymentMethodType = pi.paymentMethodType;
        ch.receiptNumber = String.format(Locale.ROOT, "%04d-%04d", state.charges.size() / 10000 + 1000,
                state.charges.size() % 10000 + 1);
        ch.receiptToken = SandboxIds.receiptToken();
        state.charges.put(ch.id, ch);
        pi.latestCharge = ch.id;
        return ch;
    }

    // ---- API -------------------------------------------------------------------------------------

    JsonObject create(FormParams p, String publicBase) {
        return store.locked(true, state -> {
            settleDue(state);
            Expansion.rejectOthers(p, CREATE_PARAMS);
            Set<String> expand = Expansion.of(p, Set.of("charge", "payment_intent"));
            SandboxState.Charge ch = chargeToRefund(state, p);
            long left = ch.amount - refunded(state, ch.id);
            if (ch.disputed) {
                // Stripe's code; the wording is not confirmed.
                throw StripeApiError.stateConflictWithCode("charge_disputed",
                        "Charge " + ch.id + " has been charged back; cannot issue a refund.");
            }
            if (left <= 0) {
                // Stripe's code and wording.
                throw StripeApiError.stateConflictWithCode("charge_already_refunded",
                        "Charge " + ch.id + " has already been refunded.");
            }
            long amount = left;
            if (p.value("amount").isPresent()) {
                amount = p.integer("amount", "amount", true);
                if (amount < 1) {
                    // Stripe's range wording; the code sent with it is not confirmed.
                    throw StripeApiError.invalid("parameter_invalid_integer", "amount",
                            "This value must be greater than or equal to 1.");
                }
                if (amount > left) {
                    // Stripe's code and wording.
                    throw StripeApiError.invalid("amount_too_large", "amount", "Refund amount ("
                            + stripeAmount(amount, ch.currency) + ") is greater than unrefunded amount on charge ("
                            + stripeAmount(left, ch.currency) + ")");
                }
            }
            String reason = p.nonEmpty("reason");
            if (reason != null && !REASONS.contains(reason)) {
                // Stripe's enum refusal; whether it carries a code is not confirmed.
                throw StripeApiError.invalid(null, "reason",
                        "Invalid reason: must be one of duplicate, fraudulent, or requested_by_customer");
            }
            SandboxState.Refund r = new SandboxState.Refund();
            r.id = SandboxIds.refund();
            r.sequence = ++state.sequence;
            r.created = store.clock().now().getEpochSecond();
            r.amount = amount;
            r.currency = ch.currency;
            r.charge = ch.id;
            r.paymentIntent = ch.paymentIntent;
            r.reason = reason;
            r.metadata = CheckoutSessionCreation.metadata(p, "metadata");
            settleLater(r, ch);
            state.refunds.put(r.id, r);
            return RefundJson.refund(state, r, expand);
        });
    }

    JsonObject retrieve(String id, FormParams p) {
        return store.locked(true, state -> {
            settleDue(state);
            Expansion.rejectOthers(p, Set.of("expand"));
            Set<String> expand = Expansion.of(p, Set.of("charge", "payment_intent"));
            SandboxState.Refund r = state.refunds.get(id);
            if (r == null) {
                throw StripeApiError.noSuch("refund", id, "id");
            }
            return RefundJson.refund(state, r, expand);
        });
    }

    JsonObject list(FormParams p) {
        return store.locked(true, state -> {
            settleDue(state);
            Expansion.rejectOthers(p, Set.of("payment_intent", "charge", "created", "limit", "starting_after",
                    "ending_before", "expand"));
            Set<String> expand = Expansion.listOf(p, Set.of("charge", "payment_intent"));
            Predicate<SandboxState.Refund> filter = r -> true;
            Optional<String> pi = p.value("payment_intent");
            if (pi.isPresent()) {
                filter = filter.and(r -> pi.get().equals(r.paymentIntent));
            }
            Optional<String> charge = p.value("charge");
            if (charge.isPresent()) {
                filter = filter.and(r -> charge.get().equals(r.charge));
            }
            List<SandboxState.Refund> newestFirst = new ArrayList<>(state.refunds.values());
            newestFirst.sort(Comparator.comparingLong((SandboxState.Refund r) -> r.sequence).reversed());
            ListPage<SandboxState.Refund> page = ListPage.of(p, newestFirst, r -> r.id, filter, "refund");
            return StripeJson.list("/v1/refunds",
                    page.items().stream().map(r -> RefundJson.refund(state, r, expand)).toList(), page.hasMore());
        });
    }

    JsonObject charge(String id, FormParams p, String publicBase) {
        return store.locked(true, state -> {
            settleDue(state);
            Expansion.rejectOthers(p, Set.of("expand"));
            Expansion.of(p, Set.of());
            SandboxState.Charge ch = state.charges.get(id);
            if (ch == null) {
                throw StripeApiError.noSuch("charge", id, "id");
            }
            return RefundJson.charge(state, ch, publicBase);
        });
    }

    // ---- the Java API and the receipt page -------------------------------------------------------

    /** The next {@code count} refunds stay pending, then fail {@code after} later on the sandbox clock. */
    void failNext(int count, Duration after) {
        if (count < 1 || after.isNegative()) {
            throw new IllegalArgumentException("count must be at least 1 and after not negative");
        }
        store.locked(false, state -> {
            failuresToPlay = count;
            failAfter = after;
            return null;
        });
    }

    /** The customer disputes the payment: Stripe refuses refunds of a disputed charge. */
    void dispute(String paymentIntentId) {
        store.locked(true, state -> {
            SandboxState.PaymentIntent pi = state.paymentIntents.get(paymentIntentId);
            if (pi == null || pi.latestCharge == null) {
                throw new java.util.NoSuchElementException("No paid payment intent " + paymentIntentId);
            }
            state.charges.get(pi.latestCharge).disputed = true;
            return null;
        });
    }

    /** Every refund of the intent, oldest first, settled as of now. */
    List<SandboxRefund> refundsOf(String paymentIntentId) {
        return store.locked(true, state -> {
            settleDue(state);
            return state.refunds.values().stream().filter(r -> r.paymentIntent.equals(paymentIntentId))
                    .sorted(Comparator.comparingLong(r -> r.sequence)).map(SandboxRefunds::view).toList();
        });
    }

    /** The receipt of the charge whose receipt URL ends in {@code token}, with its session and refunds. */
    Optional<SandboxReceipt> receipt(String token, String publicBase) {
        return store.locked(true, state -> {
            settleDue(state);
            return state.charges.values().stream().filter(c -> c.receiptToken.equals(token)).findFirst()
                    .map(ch -> receiptOf(state, ch, publicBase));
        });
    }

    /** The receipt of the session's payment, when it was paid. */
    Optional<SandboxReceipt> receiptOfSession(String sessionId, String publicBase) {
        return store.locked(true, state -> {
            settleDue(state);
            SandboxState.Session s = state.sessions.get(sessionId);
            SandboxState.PaymentIntent pi = s == null || s.paymentIntent == null ? null
                    : state.paymentIntents.get(s.paymentIntent);
            if (pi == null || pi.latestCharge == null) {
                return Optional.<SandboxReceipt>empty();
            }
            return Optional.of(receiptOf(state, state.charges.get(pi.latestCharge), publicBase));
        });
    }

    static String receiptUrl(String publicBase, SandboxState.Charge ch) {
        return publicBase + "/c/receipt/" + ch.receiptToken;
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private SandboxReceipt receiptOf(SandboxState state, SandboxState.Charge ch, String publicBase) {
        SandboxState.PaymentIntent pi = state.paymentIntents.get(ch.paymentIntent);
        SandboxState.Session s = pi == null || pi.session == null ? null : state.sessions.get(pi.session);
        List<SandboxRefund> refunds = state.refunds.values().stream().filter(r -> r.charge.equals(ch.id))
                .sorted(Comparator.comparingLong(r -> r.sequence)).map(SandboxRefunds::view).toList();
        return new SandboxReceipt(ch.id, ch.receiptNumber, java.time.Instant.ofEpochSecond(ch.created),
                Money.of(ch.amount, currency(ch.currency)), ch.paymentMethodType,
                s == null ? null : store.session(s.id, publicBase).orElse(null), refunds,
                receiptUrl(publicBase, ch));
    }

    private static SandboxRefund view(SandboxState.Refund r) {
        return new SandboxRefund(r.id, r.paymentIntent, r.charge, Money.of(r.amount, currency(r.currency)), r.status,
                r.reason, r.failureReason, java.time.Instant.ofEpochSecond(r.created), r.metadata);
    }

    private void settleLater(SandboxState.Refund r, SandboxState.Charge ch) {
        long now = r.created;
        if (failuresToPlay > 0) {
            failuresToPlay--;
            r.status = "pending";
            r.settlesAt = now + Math.max(0, failAfter.toSeconds());
            r.settlesTo = "failed";
        } else if ("amazon_pay".equals(ch.paymentMethodType)) {
            r.status = "pending";
            r.settlesAt = now + AMAZON_PAY_SETTLES.toSeconds();
            r.settlesTo = "succeeded";
        } else {
            r.status = "succeeded";
        }
    }

    /** Pending refunds whose time came settle now (lazily, as sessions expire). */
    private void settleDue(SandboxState state) {
        long now = store.clock().now().getEpochSecond();
        for (SandboxState.Refund r : state.refunds.values()) {
            if ("pending".equals(r.status) && r.settlesTo != null && now >= r.settlesAt) {
                r.status = r.settlesTo;
                if ("failed".equals(r.status)) {
                    r.failureReason = "declined";
                }
                r.settlesTo = null;
            }
        }
    }

    /** What is refunded of a charge: pending and succeeded refunds (a failed one gives its amount back). */
    static long refunded(SandboxState state, String chargeId) {
        long sum = 0;
        for (SandboxState.Refund r : state.refunds.values()) {
            if (r.charge.equals(chargeId) && !"failed".equals(r.status) && !"canceled".equals(r.status)) {
                sum += r.amount;
            }
        }
        return sum;
    }

    private static SandboxState.Charge chargeToRefund(SandboxState state, FormParams p) {
        String piId = p.nonEmpty("payment_intent");
        String chargeId = p.nonEmpty("charge");
        if (piId == null && chargeId == null) {
            // Stripe's wording; the code sent with it is not confirmed.
            throw StripeApiError.invalid("parameter_missing", null,
                    "One of the following params should be provided for this request: payment_intent or charge.");
        }
        SandboxState.Charge byCharge = null;
        if (chargeId != null) {
            byCharge = state.charges.get(chargeId);
            if (byCharge == null) {
                throw StripeApiError.noSuch("charge", chargeId, "charge").withStatus(400);
            }
        }
        if (piId == null) {
            return byCharge;
        }
        SandboxState.PaymentIntent pi = state.paymentIntents.get(piId);
        if (pi == null) {
            throw StripeApiError.noSuch("payment_intent", piId, "payment_intent").withStatus(400);
        }
        if (!pi.succeeded() || pi.latestCharge == null) {
            // Stripe refuses to refund an intent without a successful charge; the exact text is not confirmed.
            throw StripeApiError.invalid(null, "payment_intent", "This PaymentIntent (" + piId
                    + ") does not have a successful charge to refund.");
        }
        if (byCharge != null && !byCharge.id.equals(pi.latestCharge)) {
            throw StripeApiError.invalid(null, "charge", "The charge " + chargeId
                    + " does not belong to the PaymentIntent " + piId + ".");
        }
        return state.charges.get(pi.latestCharge);
    }

    private static String stripeAmount(long minor, String currency) {
        return STRIPE_AMOUNTS.format(Money.of(minor, currency(currency)));
    }

    private static java.util.Currency currency(String code) {
        return java.util.Currency.getInstance(code.toUpperCase(Locale.ROOT));
    }
}
