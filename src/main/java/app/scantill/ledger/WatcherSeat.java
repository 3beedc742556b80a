package app.scantill.ledger;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * What the store's elected watcher keeps in the ledger (table {@code watcher} and {@code seen_events}):
 * that it is watching (a heartbeat the tills read), how far it has read Stripe's events (so the next
 * watcher goes on from there), and which events were acted on (so an overlap, or a new watcher reading
 * the same seconds again, never acts twice). Used only by the till holding the watcher's lock.
 */
public final class WatcherSeat {

    /** A watcher whose heartbeat is older than this is taken for gone: the tills poll on their own. */
    public static final Duration HEARTBEAT_LIMIT = Duration.ofSeconds(3);

    private final StoreLedger ledger;
    private final String registerId;
    private final String machine;

    WatcherSeat(StoreLedger ledger, String registerId, String machine) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.registerId = registerId;
        this.machine = machine;
    }

    /** Says in the ledger that this till now watches (or, with {@code permitted} false, that it cannot). */
    public void announce(boolean permitted) {
        ledger.inTransaction("announce the store's watcher", c -> LedgerTables.update(c, """
                INSERT INTO watcher (id, register_id, machine, status, since, heartbeat_at)
                VALUES (1, ?, ?, ?, now(), now())
                ON CONFLICT (id) DO UPDATE SET register_id = excluded.register_id, machine = excluded.machine,
                    status = excluded.status, since = excluded.since, heartbeat_at = excluded.heartbeat_at""",
                registerId, machine, permitted ? "watching" : "no_permission"));
    }

    /** The watcher is alive and has read Stripe's events up to {@code eventsSince} (Stripe's seconds). */
    public void heartbeat(OptionalLong eventsSince) {
        ledger.inTransaction("record the watcher's heartbeat", c -> LedgerTables.update(c,
                "UPDATE watcher SET heartbeat_at = now(), events_since = coalesce(?, events_since) WHERE id = 1",
                eventsSince.isPresent() ? eventsSince.getAsLong() : null));
    }

    /** Where the previous watcher stopped reading, in Stripe's seconds; empty for a store's first watcher. */
    public OptionalLong eventsSince() {
        Long since = ledger.inTransaction("read the watcher's progress", c -> LedgerTables.first(LedgerTables.rows(c,
                "SELECT events_since FROM watcher WHERE id = 1", List.of(), rs -> (Long) rs.getObject(1)))
                .orElse(null));
        return since == null ? OptionalLong.empty() : OptionalLong.of(since);
    }

    /**
     * Acts on an event once for the whole store: when the event is new, records it as seen and the
     * outcome (waking the tills), in one transaction.
     *
     * @return false when the event was acted on before (by this watcher or an earlier one)
     */
    public boolean actOnce(String eventId, long created, StripeOutcome outcome) {
        return ledger.inTransaction("record event " + eventId, c -> {
            int fresh = LedgerTables.update(c,
                    "INSERT INTO seen_events (event_id, created) VALUES (?, ?) ON CONFLICT DO NOTHING", eventId, created);
            if (fresh == 0) {
                return false;
            }
            if (outcome != null) {
                StripeOutcomes.record(c, outcome);
            }
            return true;
        });
    }

    /** Forgets seen events created before {@code created}: Stripe keeps events 30 days, the overlap is seconds. */
    public void forgetBefore(long created) {
        ledger.inTransaction("forget old events", c -> LedgerTables.update(c,
                "DELETE FROM seen_events WHERE created < ?", created));
    }
}
