package app.scantill.ledger;

import app.scantill.journal.RefundRecords;
import app.scantill.journal.RefundRules;
import app.scantill.sale.Refund;
import app.scantill.sale.RefundOrder;
import app.scantill.sale.RefundStatus;
import app.scantill.sale.Sale;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The store's refunds as the ledger holds them, every register's (docs/adr/0122): what History, the refund window and
 * the end-of-day report read when a ledger is configured; and the one place that decides a refund of a sale whose
 * refunds were handed to the store, by reserving it under a lock on the sale before it may be sent to Stripe. Reads
 * answer as the journals answer ({@code SalesJournalRefundContract} runs against them through outbox and shipper).
 */
public final class LedgerRefunds implements RefundRecords {

    /** The channel a till LISTENs on for requests to hand a sale's refunds to the store; the payload is its register. */
    static final String HANDOVER_CHANNEL = "scantill_refund_handovers";

    /** What a reservation came to, when the refund was not refused. */
    public record Reservation(boolean reserved, String seller) {

        static Reservation done() {
            return new Reservation(true, null);
        }

        /** The sale's register was asked to hand its refunds to the store and has not yet (null: not known yet). */
        static Reservation waitingFor(String seller) {
            return new Reservation(false, seller);
        }
    }

    private final StoreLedger ledger;

    public LedgerRefunds(StoreLedger ledger) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
    }

    // ------------------------------------------------------------ reads

    @Override
    public List<Refund> refunds(String saleId) {
        return ledger.inTransaction("read the refunds of sale " + saleId,
                c -> LedgerRefundTables.query(c, "r.sale_id = ?", List.of(saleId)));
    }

    @Override
    public Map<String, List<Refund>> refunds(Collection<String> saleIds) {
        Map<String, List<Refund>> bySale = new LinkedHashMap<>();
        saleIds.forEach(id -> bySale.put(id, new ArrayList<>()));
        if (saleIds.isEmpty()) {
            return bySale;
        }
        List<Refund> all = ledger.inTransaction("read the refunds of " + saleIds.size() + " sales",
                c -> LedgerRefundTables.query(c, "r.sale_id = ANY (?)",
                        List.of(c.createArrayOf("text", saleIds.toArray()))));
        all.forEach(r -> bySale.computeIfAbsent(r.saleId(), k -> new ArrayList<>()).add(r));
        return bySale;
    }

    @Override
    public List<Refund> refundsCreatedBetween(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        return ledger.inTransaction("read refunds", c -> LedgerRefundTables.query(c,
                "r.created_at >= ? AND r.created_at < ?", List.of(LedgerTables.time(from), LedgerTables.time(to))));
    }

    public Optional<Refund> find(String refundId) {
        return ledger.inTransaction("read refund " + refundId,
                c -> LedgerTables.first(LedgerRefundTables.query(c, "r.id = ?", List.of(refundId))));
    }

    /** Refunds not final yet, every register's. */
    public List<Refund> unfinished() {
        List<Object> open = new ArrayList<>();
        StringBuilder in = new StringBuilder();
        for (RefundStatus s : RefundStatus.values()) {
            if (!s.isFinal()) {
                in.append(in.length() == 0 ? "?" : ", ?");
                open.add(s.name());
            }
        }
        return ledger.inTransaction("read unfinished refunds",
                c -> LedgerRefundTables.query(c, "r.status IN (" + in + ")", open));
    }

    // ------------------------------------------------------------ the store's decision

    /**
     * Reserves a refund the store decides ({@link Refund#storeDecides()}), journaled by its register before:
     * inside one transaction holding the sale's row lock, so reservations of one sale from any number of tills
     * happen one after another, it checks the refund against the sale and every refund of it that holds its
     * amount, then records it as reserved. Only a reserved refund may be sent to Stripe. Reserving the same refund
     * again (a retry, a restart) finds it reserved and answers so without checking it twice.
     *
     * <p>While the sale's register has not handed the sale's refunds to the store, nothing is reserved: the
     * register is asked to (a row in {@code refund_handovers} and a notification), and the answer says whom the
     * caller waits for; ask again a moment later.
     *
     * @throws app.scantill.journal.RefundRefusedException when the refund does not fit (nothing is reserved)
     * @throws LedgerException when the ledger cannot be reached (whether it was reserved is then not known)
     */
    public Reservation reserve(Refund refund) {
        if (!refund.storeDecides()) {
            throw new IllegalArgumentException("Refund " + refund.id() + " is decided by its register's journal");
        }
        return ledger.inTransaction("reserve refund " + refund.id() + " of sale " + refund.saleId(), c -> {
            Optional<Object[]> sale = LedgerTables.first(LedgerTables.rows(c,
                    "SELECT register_id, refunds_in_store FROM sales WHERE id = ? FOR UPDATE", List.of(refund.saleId()),
                    rs -> new Object[] {rs.getString(1), rs.getBoolean(2)}));
            if (sale.isEmpty()) {
                // The sale's register has not shipped the sale yet: it is the one to wait for, whoever it is.
                return Reservation.waitingFor(null);
            }
            String seller = (String) sale.get()[0];
            if (!(Boolean) sale.get()[1]) {
                LedgerTables.update(c, """
                        INSERT INTO refund_handovers (sale_id, asked_by) VALUES (?, ?)
                        ON CONFLICT (sale_id) DO NOTHING""", refund.saleId(), refund.registerId());
                LedgerTables.rows(c, "SELECT pg_notify(?, ?)", List.of(HANDOVER_CHANNEL, seller), rs -> null);
                return Reservation.waitingFor(seller);
            }
            List<LedgerRefundTables.Held> all = LedgerRefundTables.held(c, "r.sale_id = ?", List.of(refund.saleId()));
            Optional<LedgerRefundTables.Held> mine = all.stream().filter(h -> h.refund().id().equals(refund.id()))
                    .findFirst();
            if (mine.isPresent() && mine.get().reserved()) {
                return Reservation.done();
            }
            List<Refund> holding = all.stream().filter(h -> !h.refund().id().equals(refund.id()))
                    .filter(LedgerRefunds::holdsItsAmount).map(LedgerRefundTables.Held::refund).toList();
            Sale sold = LedgerTables.first(LedgerTables.query(c, "s.id = ?", List.of(refund.saleId()))).orElseThrow();
            RefundRules.checkOrder(sold, holding, new RefundOrder(refund.id(), refund.saleId(), refund.registerId(),
                    refund.amountMinor(), refund.reason(), refund.lines(), refund.idempotencyKey()));
            if (mine.isPresent()) {
                LedgerRefundTables.markReserved(c, refund.id());
            } else {
                LedgerRefundTables.insertReserved(c, refund);
            }
            return Reservation.done();
        });
    }

    /**
     * Whether a refund the ledger holds counts against what is left of its sale. One its register decided counts by
     * its status, as in the journal. One the store decides counts once reserved: until then it cannot have reached
     * Stripe, and it is either reserved (and counted) or refused; its register may have shipped it already.
     */
    static boolean holdsItsAmount(LedgerRefundTables.Held h) {
        Refund r = h.refund();
        return r.status().holdsAmount() && (!r.storeDecides() || h.reserved() || r.status() != RefundStatus.REQUESTED);
    }

    /** Sales of {@code registerId} another register asked to have handed to the store, not handed over yet. */
    static List<String> handoversAsked(java.sql.Connection c, String registerId) throws java.sql.SQLException {
        return LedgerTables.rows(c, """
                SELECT h.sale_id FROM refund_handovers h JOIN sales s ON s.id = h.sale_id
                 WHERE s.register_id = ? AND NOT s.refunds_in_store ORDER BY h.asked_at""", List.of(registerId),
                rs -> rs.getString(1));
    }
}
