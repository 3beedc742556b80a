package app.scantill.journal;

import app.scantill.sale.Sale;
import app.scantill.sale.SaleLine;
import app.scantill.sale.SaleState;
import app.scantill.sale.StateChange;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A journal in memory for tests of code that uses {@link SalesJournal}: the same transition rules
 * ({@link SaleState#canMoveTo}), the same refusals, and a switch that makes every write fail as a
 * full disk would.
 */
public final class InMemorySalesJournal implements SalesJournal {

    private final Clock clock;
    private final Map<String, Sale> sales = new LinkedHashMap<>();
    private final Map<String, List<StateChange>> histories = new LinkedHashMap<>();
    private final Map<String, List<String>> keys = new LinkedHashMap<>();
    private boolean failing;

    public InMemorySalesJournal(Clock clock) {
        this.clock = clock;
    }

    /** From now on every write throws {@link JournalException}, as when the disk is full. */
    public synchronized void failWrites(boolean fail) {
        this.failing = fail;
    }

    @Override
    public synchronized Sale begin(String saleId, String registerId, Currency currency, List<SaleLine> lines,
            String idempotencyKey) {
        checkWritable();
        if (sales.containsKey(saleId)) {
            throw new JournalException("Sale " + saleId + " already exists");
        }
        long total = lines.stream().mapToLong(SaleLine::lineTotalMinor).sum();
        Instant now = clock.instant();
        Sale sale = new Sale(saleId, registerId, now, currency, lines, total, SaleState.CHARGING, 1, idempotencyKey,
                null, null, null, null, now, now);
        sales.put(saleId, sale);
        histories.put(saleId, new ArrayList<>(List.of(new StateChange(saleId, now, null, SaleState.CHARGING,
                "begin"))));
        keys.put(saleId, new ArrayList<>(List.of(idempotencyKey)));
        return sale;
    }

    @Override
    public synchronized Sale newAttempt(String saleId, String idempotencyKey) {
        Sale s = require(saleId);
        check(s, SaleState.CHARGING);
        Sale next = new Sale(s.id(), s.registerId(), s.createdAt(), s.currency(), s.lines(), s.totalMinor(),
                SaleState.CHARGING, s.attempt() + 1, idempotencyKey, null, null, null, null, clock.instant(),
                clock.instant());
        keys.get(saleId).add(idempotencyKey);
        return store(s, next, "attempt " + next.attempt());
    }

    @Override
    public synchronized Sale recordSession(String saleId, String sessionId, Instant expiresAt) {
        Sale s = require(saleId);
        check(s, SaleState.AWAITING_PAYMENT);
        Sale next = new Sale(s.id(), s.registerId(), s.createdAt(), s.currency(), s.lines(), s.totalMinor(),
                SaleState.AWAITING_PAYMENT, s.attempt(), s.idempotencyKey(), sessionId, expiresAt, null, null,
                clock.instant(), s.attemptStartedAt());
        return store(s, next, "session " + sessionId);
    }

    @Override
    public synchronized Sale markPaid(String saleId, String paymentIntentId, String paymentMethod, String note) {
        Sale s = require(saleId);
        if (s.state() == SaleState.PAID) {
            if (java.util.Objects.equals(s.paymentIntentId(), paymentIntentId)) {
                return s;
            }
            throw new JournalException("Sale " + saleId + " is already paid by another payment");
        }
        check(s, SaleState.PAID);
        Sale next = new Sale(s.id(), s.registerId(), s.createdAt(), s.currency(), s.lines(), s.totalMinor(),
                SaleState.PAID, s.attempt(), s.idempotencyKey(), s.sessionId(), s.sessionExpiresAt(), paymentIntentId,
                paymentMethod, clock.instant(), s.attemptStartedAt());
        return store(s, next, note);
    }

    @Override
    public synchronized Sale transition(String saleId, SaleState to, String note) {
        Sale s = require(saleId);
        check(s, to);
        Sale next = new Sale(s.id(), s.registerId(), s.createdAt(), s.currency(), s.lines(), s.totalMinor(), to,
                s.attempt(), s.idempotencyKey(), s.sessionId(), s.sessionExpiresAt(), s.paymentIntentId(),
                s.paymentMethod(), clock.instant(), s.attemptStartedAt());
        return store(s, next, note);
    }

    @Override
    public synchronized Optional<Sale> find(String saleId) {
        return Optional.ofNullable(sales.get(saleId));
    }

    @Override
    public synchronized List<Sale> unfinished() {
        return sales.values().stream().filter(s -> s.state().needsReconciliation()).toList();
    }

    @Override
    public synchronized List<Sale> createdBetween(Instant from, Instant to) {
        return sales.values().stream()
                .filter(s -> !s.createdAt().isBefore(from) && s.createdAt().isBefore(to)).toList();
    }

    @Override
    public synchronized List<StateChange> history(String saleId) {
        return List.copyOf(histories.getOrDefault(saleId, List.of()));
    }

    @Override
    public synchronized List<String> attemptKeys(String saleId) {
        return List.copyOf(keys.getOrDefault(saleId, List.of()));
    }

    @Override
    public void close() {
    }

    private Sale require(String saleId) {
        checkWritable();
        Sale s = sales.get(saleId);
        if (s == null) {
            throw new JournalException("No sale " + saleId);
        }
        return s;
    }

    private void check(Sale s, SaleState to) {
        if (!s.state().canMoveTo(to)) {
            throw new IllegalTransitionException(s.id(), s.state(), to);
        }
    }

    private Sale store(Sale before, Sale after, String note) {
        sales.put(after.id(), after);
        histories.get(after.id()).add(new StateChange(after.id(), clock.instant(), before.state(), after.state(), note));
        return after;
    }

    private void checkWritable() {
        if (failing) {
            throw new JournalException("disk full");
        }
    }
}
