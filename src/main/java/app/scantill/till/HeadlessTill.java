package app.scantill.till;

import app.scantill.checkout.CartNotChargeableException;
import app.scantill.checkout.ChargeService;
import app.scantill.checkout.ChargeStatus;
import app.scantill.checkout.CheckoutGateway;
import app.scantill.checkout.CheckoutRequest;
import app.scantill.checkout.GatewayException;
import app.scantill.checkout.RecoverySummary;
import app.scantill.checkout.SessionSnapshot;
import app.scantill.config.AppConfig;
import app.scantill.journal.SalesJournal;
import app.scantill.money.MoneyFormat;
import app.scantill.sale.Sale;
import app.scantill.sale.SaleLine;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The till without a window: builds {@link TillServices} from the command line and environment, runs
 * {@link StartupRecovery}, then takes one command per line on stdin and prints one machine-readable
 * line per event on stdout (flushed at once). It is the process the crash tests kill, and a tool for
 * scripted demos. See docs/headless-till.md.
 *
 * <pre>
 *   java -cp ... app.scantill.till.HeadlessTill --journal=/tmp/j.db --poll.interval_ms=250 --register.id=till-1
 *   (STRIPE_API_BASE and STRIPE_SECRET_KEY point it at Stripe or any Stripe-compatible server;
 *    without a key it starts the embedded sandbox)
 * </pre>
 *
 * {@code --journal=} is short for the setting {@code --journal.path=}. Commands: {@code charge CUR ITEM UNIT_MINOR QTY [ITEM UNIT_MINOR QTY ...]}, {@code cancel},
 * {@code retry}, {@code new-attempt}, {@code status}, {@code sale ID}, {@code hold create|expire},
 * {@code release}, {@code quit}. Output lines start with READY, RECOVERED, RECOVERY, EVENT, STATUS,
 * SALE, HELD, OK, ERROR or BYE; values are {@code key=value} without spaces, except a final quoted
 * {@code text="..."}.
 */
public final class HeadlessTill {

    /** How long recovery gives one sale to settle or show its session open (option --recovery.per_sale_ms). */
    static final Duration DEFAULT_PER_SALE = Duration.ofSeconds(30);

    private final PrintStream out;
    private final HeldCalls held;

    private HeadlessTill(PrintStream out) {
        this.out = out;
        this.held = new HeldCalls(this::print);
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        int code = new HeadlessTill(out).run(args, System.in);
        out.flush();
        System.exit(code);
    }

    private int run(String[] args, InputStream in) throws IOException, InterruptedException {
        List<String> configArgs = new ArrayList<>();
        Duration perSale = DEFAULT_PER_SALE;
        for (String arg : args) {
            if (arg.startsWith("--recovery.per_sale_ms=")) {
                perSale = Duration.ofMillis(Long.parseLong(arg.substring("--recovery.per_sale_ms=".length())));
            } else {
                configArgs.add(arg);
            }
        }
        AppConfig config = AppConfig.load(configArgs.toArray(String[]::new));
        Clock clock = Clock.systemUTC();
        try (TillServices till = TillServices.start(config, clock, held::wrap)) {
            till.problems().forEach(p -> print("ERROR", "", p));
            Optional<ChargeService> charges = till.charges();
            if (charges.isEmpty() || till.journal().isEmpty() || till.gateway().isEmpty()) {
                print("ERROR", "", "Payments cannot be taken; see the messages above.");
                return 2;
            }
            ChargeService service = charges.get();
            SalesJournal journal = till.journal().get();
            service.addListener(status -> print("EVENT", fields(status), status.message()));
            RecoverySummary summary = till.recover(perSale, new MoneyFormat(Locale.US), round -> {
                report(round);
                print("RECOVERY", "retry=true total=" + round.entries().size() + counts(round), round.headline());
            }).orElseThrow();
            report(summary);
            print("RECOVERY", "total=" + summary.entries().size() + counts(summary), summary.headline());
            print("READY", "register=" + config.registerId() + " mode=" + service.mode(), null);
            return commands(service, journal, in);
        }
    }

    private int commands(ChargeService service, SalesJournal journal, InputStream in) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        while ((line = reader.readLine()) != null) {
            String[] words = line.strip().split("\\s+");
            if (words.length == 0 || words[0].isEmpty() || words[0].startsWith("#")) {
                continue;
            }
            try {
                switch (words[0]) {
                    case "charge" -> charge(service, words);
                    case "cancel" -> ok(service::cancel);
                    case "retry" -> ok(service::retry);
                    case "new-attempt" -> ok(service::newAttempt);
                    case "status" -> print("STATUS", fields(service.status()), service.status().message());
                    case "sale" -> sale(journal, words);
                    case "hold" -> {
                        held.arm(words.length > 1 ? words[1] : "");
                        print("OK", "hold=" + words[1], null);
                    }
                    case "release" -> {
                        held.release();
                        print("OK", "released=true", null);
                    }
                    case "quit" -> {
                        print("BYE", "", null);
                        return 0;
                    }
                    default -> print("ERROR", "", "Unknown command: " + words[0]);
                }
            } catch (CartNotChargeableException | IllegalArgumentException | IllegalStateException
                    | ArrayIndexOutOfBoundsException e) {
                print("ERROR", "", e.getMessage());
            }
        }
        return 0;
    }

    private void charge(ChargeService service, String[] words) {
        if (words.length < 5 || (words.length - 2) % 3 != 0) {
            throw new IllegalArgumentException("Use: charge CUR ITEM UNIT_MINOR QTY [ITEM UNIT_MINOR QTY ...]");
        }
        Currency currency = Currency.getInstance(words[1].toUpperCase(Locale.ROOT));
        List<SaleLine> lines = new ArrayList<>();
        for (int i = 2; i < words.length; i += 3) {
            lines.add(new SaleLine(words[i], words[i].replace('_', ' '), Long.parseLong(words[i + 1]),
                    Integer.parseInt(words[i + 2])));
        }
        service.start(currency, lines);
        print("OK", "charge=started", null);
    }

    private void ok(Runnable command) {
        command.run();
        print("OK", "", null);
    }

    private void sale(SalesJournal journal, String[] words) {
        Optional<Sale> sale = journal.find(words[1]);
        if (sale.isEmpty()) {
            print("ERROR", "", "No sale " + words[1]);
            return;
        }
        Sale s = sale.get();
        print("SALE", "sale=" + s.id() + " state=" + s.state() + " attempt=" + s.attempt()
                + " session=" + dash(s.sessionId()) + " intent=" + dash(s.paymentIntentId())
                + " method=" + dash(s.paymentMethod()) + " amount=" + s.totalMinor()
                + " currency=" + s.currency().getCurrencyCode(), null);
    }

    private void report(RecoverySummary summary) {
        for (RecoverySummary.Entry e : summary.entries()) {
            print("RECOVERED", "sale=" + e.saleId() + " outcome=" + e.outcome() + " amount=" + e.amount().minorUnits()
                    + " currency=" + e.amount().currencyCode() + " method=" + dash(e.paymentMethod())
                    + " session=" + dash(e.sessionId()), e.sentence());
        }
    }

    private static String counts(RecoverySummary s) {
        StringBuilder b = new StringBuilder();
        for (RecoverySummary.Outcome o : RecoverySummary.Outcome.values()) {
            b.append(' ').append(o.name().toLowerCase(Locale.ROOT)).append('=').append(s.count(o));
        }
        return b.toString();
    }

    private static String fields(ChargeStatus s) {
        return "phase=" + s.phase() + " sale=" + dash(s.saleId()) + " attempt=" + s.attempt()
                + " session=" + dash(s.sessionId())
                + " amount=" + (s.amount() == null ? "-" : Long.toString(s.amount().minorUnits()))
                + " currency=" + (s.amount() == null ? "-" : s.amount().currencyCode())
                + " method=" + dash(s.paymentMethod()) + " retryable=" + s.retryable()
                + " unreachable=" + s.stripeUnreachable() + " url=" + dash(s.url());
    }

    private static String dash(String value) {
        return value == null || value.isEmpty() ? "-" : value.replace(' ', '_');
    }

    private synchronized void print(String kind, String fields, String text) {
        StringBuilder line = new StringBuilder(kind);
        if (!fields.isEmpty()) {
            line.append(' ').append(fields);
        }
        if (text != null) {
            line.append(" text=\"").append(text.replace("\\", "\\\\").replace("\"", "\\\"")
                    .replace('\n', ' ')).append('"');
        }
        out.println(line);
        out.flush();
    }

    /**
     * Holds the next create or expire call before it leaves the till, until {@code release} (or the
     * process is killed): the moment "journaled, not yet sent" made visible, for crash tests and demos.
     */
    private static final class HeldCalls {
        private final AtomicReference<String> armed = new AtomicReference<>();
        private final AtomicReference<CountDownLatch> gate = new AtomicReference<>(new CountDownLatch(1));
        private final Printer printer;

        interface Printer {
            void print(String kind, String fields, String text);
        }

        HeldCalls(Printer printer) {
            this.printer = printer;
        }

        void arm(String operation) {
            if (!operation.equals("create") && !operation.equals("expire")) {
                throw new IllegalArgumentException("Use: hold create | hold expire");
            }
            gate.set(new CountDownLatch(1));
            // The literal, not the parsed word: holdIf compares references.
            armed.set(operation.equals("create") ? "create" : "expire");
        }

        void release() {
            armed.set(null);
            gate.get().countDown();
        }

        private void holdIf(String operation, String detail) {
            if (armed.compareAndSet(operation, null)) {
                printer.print("HELD", "op=" + operation + " " + detail, null);
                try {
                    gate.get().await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        CheckoutGateway wrap(CheckoutGateway real) {
            return new CheckoutGateway() {
                @Override
                public SessionSnapshot create(CheckoutRequest request) throws GatewayException {
                    holdIf("create", "sale=" + request.saleId() + " key=" + request.idempotencyKey());
                    return real.create(request);
                }

                @Override
                public SessionSnapshot retrieve(String sessionId) throws GatewayException {
                    return real.retrieve(sessionId);
                }

                @Override
                public SessionSnapshot expire(String sessionId) throws GatewayException {
                    holdIf("expire", "session=" + sessionId);
                    return real.expire(sessionId);
                }

                @Override
                public List<SessionSnapshot> findByClientReference(String saleId, Instant since)
                        throws GatewayException {
                    return real.findByClientReference(saleId, since);
                }

                @Override
                public Mode mode() {
                    return real.mode();
                }
            };
        }
    }
}
