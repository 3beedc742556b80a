package app.scantill.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the sandbox remembers, in the shape it is written to its file: plain fields, so Gson
 * can store and load it without adapters. Guarded by the owning {@link SandboxStore}'s lock.
 */
final class SandboxState {

    static final int FORMAT_VERSION = 1;

    int version = FORMAT_VERSION;
    String secretKey;
    /** The port last listened on; a restart tries it first so QR codes already shown stay valid. */
    int lastPort;
    long sequence;
    Map<String, Session> sessions = new LinkedHashMap<>();
    Map<String, PaymentIntent> paymentIntents = new LinkedHashMap<>();
    Map<String, PaymentMethod> paymentMethods = new LinkedHashMap<>();
    Map<String, IdempotentResponse> idempotentResponses = new LinkedHashMap<>();
    /** Charges of paid payment intents; files of earlier versions have none (their intents no latest charge). */
    Map<String, Charge> charges = new LinkedHashMap<>();
    Map<String, Refund> refunds = new LinkedHashMap<>();
    /** Stripe's events about sessions, oldest first (a file of an earlier version has none: null). */
    List<Event> events = new ArrayList<>();
    long eventSequence;

    static final class Session {
        String id;
        long sequence;
        long created;
        long expiresAt;
        String status;
        String paymentStatus;
        String mode;
        String uiMode;
        String currency;
        long amountSubtotal;
        long amountTotal;
        String successUrl;
        String cancelUrl;
        String clientReferenceId;
        String customerEmail;
        String locale;
        String submitType;
        Map<String, String> metadata = new LinkedHashMap<>();
        List<String> paymentMethodTypes = new ArrayList<>();
        List<LineItem> lineItems = new ArrayList<>();
        String paymentIntent;
        String urlFragment;
        String piDescription;
        String piReceiptEmail;
        String piStatementDescriptorSuffix;
        Map<String, String> piMetadata = new LinkedHashMap<>();
    }

    /** One event, with its session rendered as it was at that moment. */
    static final class Event {
        String id;
        String type;
        long created;
        long sequence;
        /** {@code data.object}: the session's JSON at the event. */
        String object;
    }

    static final class LineItem {
        String id;
        String priceId;
        String productId;
        String name;
        String description;
        String currency;
        long unitAmount;
        long quantity;
        long created;

        long amount() {
            return Math.multiplyExact(unitAmount, quantity);
        }
    }

    static final class PaymentIntent {
        String id;
        long created;
        long amount;
        String currency;
        String paymentMethod;
        String paymentMethodType;
        String description;
        String receiptEmail;
        String statementDescriptorSuffix;
        String clientSecret;
        Map<String, String> metadata = new LinkedHashMap<>();
        /** Stripe's status; null in files of earlier versions, where every intent had succeeded. */
        String status;
        /** The session it belongs to. */
        String session;
        /** The charge of the successful payment. */
        String latestCharge;
        /** The decline of the last failed attempt (Stripe's {@code last_payment_error.code}), while unpaid. */
        String lastPaymentErrorCode;

        boolean succeeded() {
            return status == null || "succeeded".equals(status);
        }
    }

    /** The money movement of a paid intent: what refunds are made against and what the receipt shows. */
    static final class Charge {
        String id;
        long created;
        long amount;
        String currency;
        String paymentIntent;
        String paymentMethod;
        String paymentMethodType;
        String receiptNumber;
        /** The unguessable part of {@code receipt_url}: anyone on the LAN can reach the sandbox's pages. */
        String receiptToken;
        /** The customer disputed it: Stripe then refuses refunds with {@code charge_disputed}. */
        boolean disputed;
    }

    static final class Refund {
        String id;
        long sequence;
        long created;
        long amount;
        String currency;
        String charge;
        String paymentIntent;
        String reason;
        String status;
        String failureReason;
        Map<String, String> metadata = new LinkedHashMap<>();
        /** When a pending refund settles (sandbox clock, epoch seconds), and to what; 0 when it does not. */
        long settlesAt;
        String settlesTo;
    }

    static final class PaymentMethod {
        String id;
        long created;
        String type;
    }

    /** The first response to an idempotent POST, replayed for the same key and parameters. */
    static final class IdempotentResponse {
        String key;
        String method;
        String path;
        String fingerprint;
        int status;
        String body;
        String requestId;
        long createdEpochSecond;
    }
}
