package app.scantill.ledger;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The ledger's table of Stripe outcomes and its notification: the watcher records an outcome and
 * {@code NOTIFY}s the session id in one transaction, so a till is woken only for what is committed, and
 * a till that missed the notification still finds the outcome here (or by its own slow poll).
 */
final class StripeOutcomes {

    /** The channel every till LISTENs on; the payload is the session id. */
    static final String CHANNEL = "scantill_outcomes";

    private StripeOutcomes() {
    }

    /** Records the outcome unless a later event of the session is there already, and wakes the tills. */
    static void record(Connection c, StripeOutcome o) throws SQLException {
        LedgerTables.update(c, """
                INSERT INTO stripe_outcomes (session_id, sale_id, event_id, event_type, event_created, status,
                    payment_status, payment_intent_id, payment_method, amount_total, currency, livemode,
                    session_created, session_expires_at, attempt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (session_id) DO UPDATE SET sale_id = excluded.sale_id, event_id = excluded.event_id,
                    event_type = excluded.event_type, event_created = excluded.event_created,
                    status = excluded.status, payment_status = excluded.payment_status,
                    payment_intent_id = excluded.payment_intent_id,
                    payment_method = coalesce(excluded.payment_method, stripe_outcomes.payment_method),
                    amount_total = excluded.amount_total, currency = excluded.currency,
                    livemode = excluded.livemode, session_created = excluded.session_created,
                    session_expires_at = excluded.session_expires_at, attempt = excluded.attempt,
                    recorded_at = now()
                WHERE stripe_outcomes.event_created <= excluded.event_created""",
                o.sessionId(), o.saleId(), o.eventId(), o.eventType(), o.eventCreated(), o.status(), o.paymentStatus(),
                o.paymentIntentId(), o.paymentMethod(), o.amountTotal(), o.currency(), o.livemode(),
                o.sessionCreated(), o.sessionExpiresAt(), o.attempt());
        LedgerTables.rows(c, "SELECT pg_notify(?, ?)", List.of(CHANNEL, o.sessionId()), rs -> null);
    }

    static Optional<StripeOutcome> find(Connection c, String sessionId) throws SQLException {
        return LedgerTables.first(LedgerTables.rows(c, """
                SELECT session_id, sale_id, event_id, event_type, event_created, status, payment_status,
                       payment_intent_id, payment_method, amount_total, currency, livemode, session_created,
                       session_expires_at, attempt
                  FROM stripe_outcomes WHERE session_id = ?""", List.of(sessionId),
                rs -> new StripeOutcome(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                        (Long) rs.getObject(10), rs.getString(11) == null ? null : rs.getString(11).strip(),
                        rs.getBoolean(12), (Long) rs.getObject(13), (Long) rs.getObject(14), rs.getString(15))));
    }
}
