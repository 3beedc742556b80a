package app.scantill.till;

import app.scantill.checkout.CartNotChargeableException;
import app.scantill.checkout.ChargeService;
import app.scantill.checkout.ChargeStatus;
import app.scantill.checkout.CheckoutGateway;
import app.scantill.checkout.RecoverySummary;
import app.scantill.config.AppConfig;
import app.scantill.config.Settings;
import app.scantill.config.UserEnvironment;
import app.scantill.i18n.Message;
import app.scantill.i18n.Translator;
import app.scantill.journal.JournalException;
import app.scantill.journal.SalesJournal;
import app.scantill.money.TaxRate;
import app.scantill.refund.RefundGateway;
import app.scantill.sale.Sale;
import app.scantill.sale.SaleLine;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The till without a window: builds {@link TillServices} from the command line and environment, runs
 * start-up recovery, then takes one command per line on stdin and prints one machine-readable
 * line per event on stdout (flushed at once). It is the process the crash tests kill, and a tool for
 * scripted demos. See docs/headless-till.md.
 *
 * <pre>
 *   java -cp ... app.scantill.till.HeadlessTill --journal=/tmp/j.db --poll.interval_ms=250 --register.id=till-1
 *   (STRIPE_API_BASE and STRIPE_SECRET_KEY point it at Stripe or any Stripe-compatible server;
 *    without a key it starts the embedded sandbox)
 * </pre>
 *
 * Every option but {@code --recovery.per_sale_ms=} is a setting of docs/configuration.md
 * ({@code --journal=} is short for {@code --journal.path=}). Commands:
 * {@code charge CUR ITEM UNIT_MINOR QTY [ITEM UNIT_MINOR QTY ...]}, {@code cancel}, {@code retry},
 * {@code new-attempt}, {@code status}, {@code sale ID}, {@code store}, {@code quit}, and the refund commands of
 * {@link HeadlessRefunds}. Output lines start with READY, RECOVERED, RECOVERY, EVENT, REFUND, REFUND-OF, BALANCE,
 * STATUS, SALE, STORE, OK, ERROR or BYE; values are {@code key=value} without
 * spaces, except a final quoted {@code text="..."}.
 */
public final class HeadlessTill {

    /** How long recovery gives one sale to settle or show its session open (option --recovery.per_sale_ms). */
    static final Duration DEFAULT_PER_SALE = Duration.ofSeconds(30);

    private static final String PER_SALE_OPTION = "--recovery.per_sale_ms=";

    private final PrintStream out;
    /** The till's language ({@code locale}) for the sentences it prints; the line format itself is fixed. */
    private Translator words = Translator.english();
    /** The rate of every charged line: the headless till has no catalog, so tax.default_rate applies. */
    private TaxRate defaultTaxRate = TaxRate.ZERO;

    private HeadlessTill(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        int code = run(args, UserEnvironment.current(), commands, out, UnaryOperator.identity());
        out.flush();
        System.exit(code);
    }

    /**
     * Runs the till until {@code quit} or the end of {@code commands} and returns the exit status
     * (0, or 2 when payments cannot be taken). Settings come from {@code args} and {@code where};
     * {@code decorate} wraps the Checkout gateway before the charge flow gets it, as
     * {@link TillServices#start(AppConfig, Clock, UnaryOperator)} does.
     */
    public static int run(String[] args, UserEnvironment where, BufferedReader commands, PrintStream out,
            UnaryOperator<CheckoutGateway> decorate) throws IOException, InterruptedException {
        return run(args, where, commands, out, decorate, UnaryOperator.identity());
    }

    /** As above, with the refund gateway passed through {@code decorateRefunds} too (the crash tests hold refunds). */
    public static int run(String[] args, UserEnvironment where, BufferedReader commands, PrintStream out,
            UnaryOperator<CheckoutGateway> decorate, UnaryOperator<RefundGateway> decorateRefunds)
            throws IOException, InterruptedException {
        return new HeadlessTill(out).run(args, where, commands, decorate, decorateRefunds);
    }

    private int run(String[] args, UserEnvironment where, BufferedReader commands,
            UnaryOperator<CheckoutGateway> decorate, UnaryOperator<RefundGateway> decorateRefunds)
            throws IOException, InterruptedException {
        List<String> configArgs = new ArrayList<>();
        Duration perSale = DEFAULT_PER_SALE;
        for (String arg : args) {
            if (arg.startsWith(PER_SALE_OPTION)) {
                perSale = perSale(arg.substring(PER_SALE_OPTION.length()));
            } else {
                configArgs.add(arg);
            }
        }
        AppConfig config = AppConfig.load(configArgs, where);
        words = Translator.forLocale(config.get(Settings.LOCALE), ZoneId.systemDefault());
        defaultTaxRate = config.get(Settings.TAX_DEFAULT_RATE);
        Clock clock = Clock.systemUTC();
        try (TillServices till = TillServices.start(config, clock, decorate, decorateRefunds)) {
            till.problems().forEach(p -> print("ERROR", "", words.text(p)));
            Optional<ChargeService> charges = till.charges();
            if (charges.isEmpty() || till.journal().isEmpty() || till.gateway().isEmpty()) {
                print("ERROR", "", "Payments cannot be taken; see the messages above.");
                return 2;
            }
            ChargeService service = charges.get();
            SalesJournal journal = till.journal().get();
            service.addListener(status -> print("EVENT", fields(status), text(status.message())));
            till.onStoreWatch(watch -> print("STORE", "watch=" + watch, null));
            HeadlessRefunds refunds = till.refunds().map(r -> new HeadlessRefunds(r, journal,
                    till.refundRecords().orElseThrow(), till::findSale, till.refundsAllowed(), this::print)).orElse(null);
            RecoverySummary summary = till.recover(perSale, round -> {
                report(round);
                print("RECOVERY", "retry=true total=" + round.entries().size() + counts(round),
                        words.text(round.headline()));
            }).orElseThrow();
            report(summary);
            print("RECOVERY", "total=" + summary.entries().size() + counts(summary), words.text(summary.headline()));
            print("READY", "register=" + config.registerId() + " mode=" + service.mode(), null);
            return commands(till, service, journal, refunds, commands);
        }
    }

    /** A bad value is reported and the default used: bad input never stops the till. */
    private Duration perSale(String text) {
        try {
            long millis = Long.parseLong(text.strip());
            if (millis > 0) {
                return Duration.ofMillis(millis);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        print("ERROR", "", "--recovery.per_sale_ms wants a positive whole number of milliseconds; using "
                + DEFAULT_PER_SALE.toMillis());
        return DEFAULT_PER_SALE;
    }

    private int commands(TillServices till, ChargeService service, SalesJournal journal, HeadlessRefunds refunds,
            BufferedReader reader) throws IOException {
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
                    case "card-only" -> ok(service::chargeByCardOnly);
                    case "status" -> print("STATUS", fields(service.status()), text(service.status().message()));
                    case "sale" -> sale(journal, words);
                    case "store" -> print("STORE", "watch=" + till.storeWatch().orElse("-") + " unshipped="
                            + till.notYetInLedger().size() + " storewide=" + till.storeWide(), null);
                    case "quit" -> {
                        print("BYE", "", null);
                        return 0;
                    }
                    default -> {
                        if (refunds == null || !refunds.handle(words)) {
                            print("ERROR", "", "Unknown command: " + words[0]);
                        }
                    }
                }
            } catch (CartNotChargeableException | IllegalArgumentException | IllegalStateException
                    | ArrayIndexOutOfBoundsException | JournalException e) {
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
                    Integer.parseInt(words[i + 2]), 0, defaultTaxRate));
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
                    + " session=" + dash(e.sessionId()), words.text(e.sentence()));
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

    /** A message in the till's language; null stays null (a line without text). */
    private String text(Message message) {
        return message == null ? null : words.text(message);
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
}
