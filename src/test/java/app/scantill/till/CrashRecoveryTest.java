package app.scantill.till;

import static org.assertj.core.api.Assertions.assertThat;

import app.scantill.checkout.Conditions;
import app.scantill.journal.JdbcSalesJournal;
import app.scantill.sale.Sale;
import app.scantill.sale.SaleState;
import app.scantill.sale.StateChange;
import app.scantill.sandbox.Fault;
import app.scantill.sandbox.RecordedRequest;
import app.scantill.sandbox.SandboxOptions;
import app.scantill.sandbox.SandboxSession;
import app.scantill.sandbox.StripeSandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a real till process (SIGKILL) at every point of a sale, acts as the customer or as time on the
 * sandbox while it is down, restarts it, and checks that every sale ends in the right state exactly
 * once and that Stripe's side (the sandbox, living in this JVM) holds no second session for any
 * attempt. See docs/adr/0061-crash-tests-with-a-real-process.md.
 */
class CrashRecoveryTest {

    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final long SEED = 0x5CA47177L;
    /** Two registers run side by side against one sandbox, each with its own journal and child JVMs. */
    private static final int LANES = 2;
    private static final int KILLS_PER_LANE = 27;
    private static final int SIGKILL_STATUS = 128 + 9;

    private static StripeSandbox sandbox;

    /** Where a sale is when the till dies. */
    enum KillPoint {
        /** Journaled (sale, attempt, key) and the create held in the till: Stripe has seen nothing. */
        JOURNALED_BEFORE_CREATE,
        /** The create reached the sandbox, which holds it (delay fault): the answer never comes back. */
        CREATE_IN_FLIGHT,
        /** The session is journaled and its QR code shown. */
        AFTER_CREATE,
        /** Polling for a while. */
        AWAITING,
        /** Cancel journaled, the expire call held in the till. */
        CANCELLING_BEFORE_EXPIRE,
        /** Cancel journaled, the expire call held by the sandbox (delay fault). */
        CANCELLING_EXPIRE_IN_FLIGHT,
        /** Paid and journaled. */
        AFTER_PAID,
        /** After a seeded number of sandbox requests since the charge: anywhere in the sale. */
        RANDOM_MOMENT
    }

    /** What happens on Stripe's side while the till is down. */
    enum WhileDown { NOTHING, CUSTOMER_PAYS, SESSION_EXPIRES }

    @BeforeAll
    static void startSandbox() throws IOException {
        sandbox = StripeSandbox.start(SandboxOptions.inMemory());
    }

    @AfterAll
    static void stopSandbox() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void killingTheTillAtAnyPointOfASaleLosesNothingAndCountsNothingTwice(@TempDir Path dir) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(LANES);
        List<Lane> lanes = new ArrayList<>();
        List<Future<?>> running = new ArrayList<>();
        try {
            for (int i = 0; i < LANES; i++) {
                Lane lane = new Lane("crash-" + (char) ('a' + i), dir.resolve("lane-" + i), new Random(SEED + i));
                lanes.add(lane);
                running.add(pool.submit(() -> {
                    lane.run();
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        Map<KillPoint, Integer> kills = new EnumMap<>(KillPoint.class);
        lanes.forEach(l -> l.kills.forEach((p, n) -> kills.merge(p, n, Integer::sum)));
        System.getLogger(CrashRecoveryTest.class.getName()).log(System.Logger.Level.INFO, "Kill points: " + kills);
        assertThat(kills.values().stream().mapToInt(Integer::intValue).sum()).isGreaterThanOrEqualTo(50);
        assertThat(kills.keySet()).containsAll(List.of(KillPoint.values()));
        Map<String, Integer> outcomes = new java.util.TreeMap<>();
        lanes.forEach(l -> l.outcomes.forEach((o, n) -> outcomes.merge(o, n, Integer::sum)));
        System.getLogger(CrashRecoveryTest.class.getName()).log(System.Logger.Level.INFO, "Recovered: " + outcomes);
        assertThat(outcomes).as("every kind of recovery happened").containsKeys("PAID", "EXPIRED", "CANCELLED",
                "RESUMED");

        for (Lane lane : lanes) {
            lane.checkJournalAgainstSandbox();
        }
        noAttemptHasTwoSessions();
    }

    /** Stripe's side: one session per (sale, attempt), and per idempotency key. */
    private static void noAttemptHasTwoSessions() {
        Map<String, List<String>> byAttempt = sandbox.sessions().stream()
                .filter(s -> s.metadata().containsKey("sale_id"))
                .collect(Collectors.groupingBy(s -> s.metadata().get("sale_id") + "#" + s.metadata().get("attempt"),
                        Collectors.mapping(SandboxSession::id, Collectors.toList())));
        assertThat(byAttempt).isNotEmpty();
        assertThat(byAttempt.values()).allSatisfy(ids -> assertThat(ids).hasSize(1));
        long keys = sandbox.requests().stream()
                .filter(r -> r.method().equals("POST") && r.path().equals("/v1/checkout/sessions"))
                .map(r -> r.idempotencyKey().orElse("?")).distinct().count();
        assertThat(keys).as("one key per attempt, each made at most one session").isEqualTo(byAttempt.size());
    }

    /** One register: its journal, its run of child processes, its kill plan. */
    private static final class Lane {
        final String register;
        final Path dir;
        final Path journal;
        final Random random;
        final Map<KillPoint, Integer> kills = new EnumMap<>(KillPoint.class);
        /** Sales whose session the test paid as the customer: they must end PAID with that intent. */
        final Map<String, String> paidByCustomer = new ConcurrentHashMap<>();
        final Map<String, Integer> paidLines = new ConcurrentHashMap<>();
        final Map<String, Integer> outcomes = new ConcurrentHashMap<>();
        TillProcess till;
        int children;

        Lane(String register, Path dir, Random random) {
            this.register = register;
            this.dir = dir;
            this.journal = dir.resolve("journal.db");
            this.random = random;
        }

        void run() throws Exception {
            Files.createDirectories(dir);
            try {
                runPlan();
            } finally {
                if (till != null && till.isAlive()) {
                    till.kill();
                }
            }
        }

        private void runPlan() throws Exception {
            till = startChild();
            List<KillPoint> plan = plan();
            for (KillPoint point : plan) {
                String saleId = driveTo(point);
                assertThat(till.kill()).as("exit status of SIGKILL").isEqualTo(SIGKILL_STATUS);
                kills.merge(point, 1, Integer::sum);
                WhileDown action = point == KillPoint.AFTER_PAID ? WhileDown.NOTHING
                        : WhileDown.values()[random.nextInt(WhileDown.values().length)];
                actWhileDown(saleId, action);
                SaleState atKill = stateInJournal(saleId).orElse(null);
                till = startChild();
                String summary = till.await(l -> l.startsWith("READY "), WAIT, "READY after recovery");
                assertThat(summary).contains("register=" + register);
                checkRecovered(saleId, atKill);
                finishOnScreen(saleId);
            }
            // A last restart with nothing left to do: nothing is recovered twice.
            assertThat(till.quit(WAIT)).isZero();
            till = startChild();
            till.await(l -> l.startsWith("RECOVERY "), WAIT, "RECOVERY line");
            assertThat(till.linesStartingWith("RECOVERED")).isEmpty();
            assertThat(till.quit(WAIT)).isZero();
        }

        /** Every fixed point at least three times, the rest random moments; order shuffled by the seed. */
        private List<KillPoint> plan() {
            List<KillPoint> plan = new ArrayList<>();
            for (KillPoint p : KillPoint.values()) {
                if (p != KillPoint.RANDOM_MOMENT) {
                    for (int i = 0; i < 3; i++) {
                        plan.add(p);
                    }
                }
            }
            while (plan.size() < KILLS_PER_LANE) {
                plan.add(KillPoint.RANDOM_MOMENT);
            }
            java.util.Collections.shuffle(plan, random);
            return plan;
        }

        private TillProcess startChild() throws IOException, InterruptedException {
            children++;
            TillProcess child = TillProcess.start(journal, register, sandbox.apiBase(), sandbox.secretKey(),
                    sandbox.defaultSuccessUrl(), dir.resolve("till-" + children + ".err"));
            child.await(l -> l.startsWith("READY ") || l.startsWith("ERROR "), WAIT, "READY");
            assertThat(child.linesStartingWith("ERROR")).as("till started cleanly").isEmpty();
            return child;
        }

        /** Starts a sale and brings it to the kill point; returns its id. */
        private String driveTo(KillPoint point) throws Exception {
            String cart = cart();
            switch (point) {
                case JOURNALED_BEFORE_CREATE -> {
                    till.send("hold create");
                    till.await(l -> l.startsWith("OK hold=create"), WAIT, "hold armed");
                    String saleId = charge(cart);
                    till.await(l -> l.startsWith("HELD op=create sale=" + saleId + " "), WAIT, "create held");
                    return saleId;
                }
                case CREATE_IN_FLIGHT -> {
                    sandbox.faults().inject(Fault.delay(Duration.ofMillis(400 + random.nextInt(800))), 1, "POST",
                            "/v1/checkout/sessions");
                    String saleId = charge(cart);
                    awaitSandbox(() -> createRequests(saleId) > 0, "create of " + saleId + " at the sandbox");
                    return saleId;
                }
                case AFTER_CREATE -> {
                    String saleId = charge(cart);
                    till.awaitEvent("AWAITING_PAYMENT", saleId, WAIT);
                    return saleId;
                }
                case AWAITING -> {
                    String saleId = charge(cart);
                    String session = sessionOf(till.awaitEvent("AWAITING_PAYMENT", saleId, WAIT));
                    int polls = 1 + random.nextInt(3);
                    awaitSandbox(() -> retrieves(session) >= polls, polls + " polls of " + session);
                    return saleId;
                }
                case CANCELLING_BEFORE_EXPIRE -> {
                    String saleId = charge(cart);
                    till.awaitEvent("AWAITING_PAYMENT", saleId, WAIT);
                    till.send("hold expire");
                    till.await(l -> l.startsWith("OK hold=expire"), WAIT, "hold armed");
                    till.send("cancel");
                    till.await(l -> l.startsWith("HELD op=expire "), WAIT, "expire held");
                    return saleId;
                }
                case CANCELLING_EXPIRE_IN_FLIGHT -> {
                    String saleId = charge(cart);
                    String session = sessionOf(till.awaitEvent("AWAITING_PAYMENT", saleId, WAIT));
                    sandbox.faults().inject(Fault.delay(Duration.ofMillis(400 + random.nextInt(800))), 1, "POST",
                            "/v1/checkout/sessions/" + session + "/expire");
                    till.send("cancel");
                    awaitSandbox(() -> expireRequests(session) > 0, "expire of " + session + " at the sandbox");
                    return saleId;
                }
                case AFTER_PAID -> {
                    String saleId = charge(cart);
                    String session = sessionOf(till.awaitEvent("AWAITING_PAYMENT", saleId, WAIT));
                    assertThat(pay(saleId, session)).as("customer paid %s", session).isTrue();
                    till.awaitEvent("PAID", saleId, WAIT);
                    return saleId;
                }
                case RANDOM_MOMENT -> {
                    int requestsBefore = sandbox.requests().size();
                    int after = random.nextInt(6);
                    String saleId = charge(cart);
                    if (random.nextBoolean()) {
                        // Sometimes the customer pays as soon as the session exists, racing the till.
                        awaitSandbox(() -> openSession(saleId).isPresent() || sandbox.requests().size()
                                >= requestsBefore + after, "session or requests");
                        openSession(saleId).ifPresent(s -> pay(saleId, s.id()));
                    }
                    awaitSandbox(() -> sandbox.requests().size() >= requestsBefore + after
                            || !till.linesSinceMark().stream().filter(l -> l.contains(" sale=" + saleId + " ")
                                    && (l.contains("phase=PAID") || l.contains("phase=AWAITING_PAYMENT"))).toList()
                                    .isEmpty(), after + " sandbox requests");
                    return saleId;
                }
                default -> throw new IllegalStateException(point.name());
            }
        }

        private String charge(String cart) throws Exception {
            till.send("charge " + cart);
            String creating = till.await(l -> l.startsWith("EVENT phase=CREATING "), WAIT, "CREATING");
            return TillProcess.field(creating, "sale").orElseThrow();
        }

        /** Acts on Stripe's side while the till is dead, as the customer or as time passing. */
        private void actWhileDown(String saleId, WhileDown action) {
            if (action == WhileDown.NOTHING) {
                return;
            }
            // A create held by the sandbox finishes on its own; wait for it so there is something to act on.
            if (createRequests(saleId) > 0) {
                awaitSandbox(() -> !sessionsOf(saleId).isEmpty(), "session of " + saleId);
            }
            Optional<SandboxSession> open = openSession(saleId);
            if (open.isEmpty()) {
                return;
            }
            if (action == WhileDown.CUSTOMER_PAYS) {
                pay(saleId, open.get().id());
            } else {
                // As if its expires_at passed. The sandbox clock is not moved: the till's next creates
                // would then fall outside Stripe's expires_at window (ADR 0061).
                expire(open.get().id());
            }
        }

        private static void expire(String sessionId) {
            try {
                sandbox.expire(sessionId);
            } catch (RuntimeException e) {
                // An expire held by the sandbox finished first: the session has ended already.
            }
        }

        private boolean pay(String saleId, String sessionId) {
            try {
                List<String> offered = sandbox.session(sessionId).orElseThrow().paymentMethodTypes();
                SandboxSession paid = sandbox.pay(sessionId, offered.get(random.nextInt(offered.size())));
                paidByCustomer.put(saleId, paid.paymentIntentId());
                return true;
            } catch (RuntimeException e) {
                // The till's expire (or the session's end) came first: nothing was paid.
                return false;
            }
        }

        /** What the restarted till says about the sale matches what happened. */
        private void checkRecovered(String saleId, SaleState atKill) {
            List<String> recovered = till.linesStartingWith("RECOVERED").stream()
                    .filter(l -> l.contains(" sale=" + saleId + " ")).toList();
            if (atKill == null || !atKill.needsReconciliation()) {
                assertThat(recovered).as("sale %s was %s at the kill: nothing to recover", saleId, atKill).isEmpty();
                return;
            }
            assertThat(recovered).as("one RECOVERED line for %s", saleId).hasSize(1);
            String outcome = TillProcess.field(recovered.get(0), "outcome").orElseThrow();
            outcomes.merge(outcome, 1, Integer::sum);
            if (paidByCustomer.containsKey(saleId)) {
                assertThat(outcome).as("paid sale %s (%s at the kill)", saleId, atKill).isEqualTo("PAID");
                assertThat(recovered.get(0)).contains("paid while ScanTill was closed");
                paidLines.merge(saleId, 1, Integer::sum);
            } else if (atKill == SaleState.CANCELLING) {
                assertThat(outcome).as("cancel of %s finished", saleId).isEqualTo("CANCELLED");
            } else {
                boolean expiredOnSandbox = sessionsOf(saleId).stream().anyMatch(s -> "expired".equals(s.status()));
                assertThat(outcome).as("sale %s (%s at the kill)", saleId, atKill)
                        .isEqualTo(expiredOnSandbox ? "EXPIRED" : "RESUMED");
            }
        }

        /** A sale back on screen is finished as a cashier would: the customer pays, or the cashier cancels. */
        private void finishOnScreen(String saleId) throws Exception {
            Optional<String> resumed = till.linesStartingWith("RECOVERED").stream()
                    .filter(l -> l.contains(" sale=" + saleId + " ") && l.contains("outcome=RESUMED")).findFirst();
            if (resumed.isEmpty()) {
                return;
            }
            String session = sessionOf(till.awaitEvent("AWAITING_PAYMENT", saleId, WAIT));
            till.mark();
            if (random.nextBoolean() && pay(saleId, session)) {
                till.awaitEvent("PAID", saleId, WAIT);
            } else {
                till.send("cancel");
                till.await(l -> l.startsWith("EVENT ") && l.contains(" sale=" + saleId + " ")
                        && (l.contains("phase=CANCELLED") || l.contains("phase=PAID")), WAIT, "end of " + saleId);
            }
        }

        /** After the last run: the journal and the sandbox agree on every sale of this register. */
        void checkJournalAgainstSandbox() {
            try (JdbcSalesJournal j = JdbcSalesJournal.open(journal)) {
                assertThat(j.unfinished()).as("nothing left unfinished").isEmpty();
                List<Sale> sales = j.createdBetween(Instant.EPOCH, Instant.now().plus(Duration.ofDays(1)));
                assertThat(sales).isNotEmpty();
                for (Sale sale : sales) {
                    List<StateChange> history = j.history(sale.id());
                    long paidEntries = history.stream().filter(c -> c.to() == SaleState.PAID).count();
                    List<SandboxSession> sessions = sessionsOf(sale.id());
                    List<SandboxSession> paid = sessions.stream().filter(SandboxSession::isPaid).toList();
                    assertThat(sessions).as("sessions of %s", sale.id())
                            .noneMatch(SandboxSession::isOpen);
                    assertThat(sale.state()).as("%s", sale.id())
                            .isIn(SaleState.PAID, SaleState.CANCELLED, SaleState.EXPIRED);
                    if (sale.state() == SaleState.PAID) {
                        assertThat(paidEntries).as("PAID entries of %s", sale.id()).isEqualTo(1);
                        assertThat(paid).hasSize(1);
                        assertThat(sale.paymentIntentId()).isEqualTo(paid.get(0).paymentIntentId());
                        assertThat(sale.paymentMethod()).isEqualTo(paid.get(0).paymentMethodType());
                        assertThat(sale.sessionId()).isEqualTo(paid.get(0).id());
                    } else {
                        assertThat(paidEntries).isZero();
                        assertThat(paid).as("money taken for %s %s", sale.state(), sale.id()).isEmpty();
                    }
                    if (paidByCustomer.containsKey(sale.id())) {
                        assertThat(sale.state()).as("customer paid %s", sale.id()).isEqualTo(SaleState.PAID);
                        assertThat(sale.paymentIntentId()).isEqualTo(paidByCustomer.get(sale.id()));
                    }
                }
                for (SandboxSession s : sandbox.sessions()) {
                    if (register.equals(s.metadata().get("register_id"))) {
                        assertThat(j.find(s.metadata().get("sale_id"))).as("journal holds the sale of %s", s.id())
                                .isPresent();
                    }
                }
                assertThat(paidLines.values()).allMatch(n -> n == 1);
            }
        }

        private Optional<SaleState> stateInJournal(String saleId) {
            try (JdbcSalesJournal j = JdbcSalesJournal.open(journal)) {
                return j.find(saleId).map(Sale::state);
            }
        }

        private String cart() {
            return switch (random.nextInt(4)) {
                case 0 -> "USD Coffee_beans " + (1000 + random.nextInt(2000)) + " " + (1 + random.nextInt(3))
                        + " Mug 899 1";
                case 1 -> "EUR Notebook " + (300 + random.nextInt(900)) + " " + (1 + random.nextInt(4));
                case 2 -> "JPY Green_tea " + (500 + random.nextInt(1500)) + " 2";
                default -> "CAD Maple_syrup " + (700 + random.nextInt(900)) + " 1";
            };
        }

        private List<SandboxSession> sessionsOf(String saleId) {
            return sandbox.sessions().stream().filter(s -> saleId.equals(s.clientReferenceId())).toList();
        }

        private Optional<SandboxSession> openSession(String saleId) {
            return sessionsOf(saleId).stream().filter(SandboxSession::isOpen).findFirst();
        }

        private static int createRequests(String saleId) {
            return (int) sandbox.requests().stream()
                    .filter(r -> r.method().equals("POST") && r.path().equals("/v1/checkout/sessions"))
                    .filter(r -> r.param("client_reference_id").filter(saleId::equals).isPresent()).count();
        }

        private static int retrieves(String sessionId) {
            return (int) sandbox.requests().stream()
                    .filter(r -> r.method().equals("GET") && r.path().equals("/v1/checkout/sessions/" + sessionId))
                    .count();
        }

        private static int expireRequests(String sessionId) {
            return (int) sandbox.requests().stream().map(RecordedRequest::path)
                    .filter(p -> p.equals("/v1/checkout/sessions/" + sessionId + "/expire")).count();
        }

        private static String sessionOf(String eventLine) {
            return TillProcess.field(eventLine, "session").orElseThrow();
        }

        private static void awaitSandbox(java.util.function.BooleanSupplier condition, String what) {
            assertThat(Conditions.eventually(condition, WAIT)).as(what).isTrue();
        }
    }
}
