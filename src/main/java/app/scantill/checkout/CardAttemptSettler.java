package app.scantill.checkout;

import app.scantill.checkout.ChargeStatus.Phase;
import app.scantill.journal.JournalException;
import app.scantill.journal.SalesJournal;
import app.scantill.sale.Sale;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Settles, off the register, the card attempts that cash sales took over while Stripe could not be reached
 * (docs/adr/0180). Each is journaled CANCELLING already; a {@link ChargeService} of its own takes it up exactly as
 * recovery would ({@link ChargeService#resume}): the create is replayed under the journaled key (so a session made
 * by a request whose answer was lost is found, not made twice) and expired, again and again with backoff while
 * Stripe is away. It ends CANCELLED, or PAID when the customer paid by card meanwhile: kept, never lost, and
 * reported as paid twice ({@link ChargeService.TakenOverAttempt#paidTwice()}) so the cashier refunds one.
 */
final class CardAttemptSettler implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(CardAttemptSettler.class.getName());

    private final CheckoutGateway gateway;
    private final SalesJournal journal;
    private final ChargeSettings settings;
    private final Clock clock;
    private final List<Consumer<ChargeService.TakenOverAttempt>> listeners = new CopyOnWriteArrayList<>();
    private final List<ChargeService> running = new CopyOnWriteArrayList<>();
    /** Reports and shutdowns run here, never on the worker of the service being shut down. */
    private final ExecutorService reports = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "card-attempt-settler");
        t.setDaemon(true);
        return t;
    });

    CardAttemptSettler(CheckoutGateway gateway, SalesJournal journal, ChargeSettings settings, Clock clock) {
        this.gateway = gateway;
        this.journal = journal;
        this.settings = settings;
        this.clock = clock;
    }

    void addListener(Consumer<ChargeService.TakenOverAttempt> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Takes the attempt up in the background; returns at once. */
    void settle(String saleId) {
        reports.execute(() -> start(saleId));
    }

    private void start(String saleId) {
        Optional<Sale> sale;
        try {
            sale = journal.find(saleId);
        } catch (JournalException e) {
            LOG.log(Level.ERROR, "Taken-over card attempt " + saleId + " cannot be read; recovery takes it up", e);
            return;
        }
        if (sale.isEmpty()) {
            return;
        }
        if (!sale.get().state().needsReconciliation()) {
            report(saleId);
            return;
        }
        ChargeService checker = new ChargeService(gateway, journal, settings, clock);
        AtomicBoolean done = new AtomicBoolean();
        checker.addListener(status -> {
            if (settled(status) && done.compareAndSet(false, true)) {
                reports.execute(() -> {
                    checker.shutdown();
                    running.remove(checker);
                    report(saleId);
                });
            }
        });
        running.add(checker);
        checker.resume(sale.get());
    }

    private static boolean settled(ChargeStatus status) {
        return status.phase() == Phase.PAID || status.phase() == Phase.CANCELLED
                || status.phase() == Phase.NEEDS_ATTENTION;
    }

    private void report(String saleId) {
        try {
            Sale card = journal.find(saleId).orElseThrow();
            ChargeService.TakenOverAttempt settled = new ChargeService.TakenOverAttempt(card,
                    journal.cashReplacing(saleId));
            LOG.log(settled.paidTwice() ? Level.WARNING : Level.INFO, "Taken-over card attempt " + saleId + " settled "
                    + card.state() + (settled.paidTwice() ? ": paid by card after cash, refund one of the two" : ""));
            listeners.forEach(l -> l.accept(settled));
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "Taken-over card attempt " + saleId + " could not be reported", e);
        }
    }

    /** Stops the settling services; the attempts stay journaled CANCELLING and recovery takes them up next start. */
    @Override
    public void close() {
        reports.shutdownNow();
        running.forEach(ChargeService::shutdown);
    }
}
