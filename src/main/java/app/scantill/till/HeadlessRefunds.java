package app.scantill.till;

import app.scantill.i18n.Translator;
import app.scantill.journal.RefundRecords;
import app.scantill.journal.SalesJournal;
import app.scantill.money.Money;
import app.scantill.refund.RefundProgress;
import app.scantill.refund.RefundService;
import app.scantill.sale.Refund;
import app.scantill.sale.RefundBalance;
import app.scantill.sale.RefundLine;
import app.scantill.sale.RefundOrder;
import app.scantill.sale.RefundReason;
import app.scantill.sale.Sale;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The headless till's refund commands and output lines (docs/headless-till.md): {@code refund SALE
 * AMOUNT|all [REASON]}, {@code refund-lines SALE LINE:QTY... [REASON]}, {@code refunds SALE} and
 * {@code check-refund REFUND}; every step of a refund is printed as a {@code REFUND} line. In a store a sale of
 * any register can be refunded: it is read from the till's journal, else from the store ledger, else as the last
 * {@code refunds SALE} showed it (as a screen keeps showing a sale while the ledger goes away).
 */
final class HeadlessRefunds {

    /** Prints one output line: kind, fields, and a sentence or null. */
    @FunctionalInterface
    interface Printer {
        void print(String kind, String fields, String text);
    }

    private final RefundService refunds;
    private final SalesJournal journal;
    /** Every register's refunds while a store ledger answers, this till's own otherwise. */
    private final RefundRecords records;
    /** A sale from the journal, else from the store ledger. */
    private final Function<String, Optional<Sale>> sales;
    private final boolean allowed;
    private final Printer out;
    private final Translator words = Translator.english();
    /** Sales as {@code refunds SALE} last showed them. */
    private final Map<String, Sale> shown = new ConcurrentHashMap<>();

    HeadlessRefunds(RefundService refunds, SalesJournal journal, RefundRecords records,
            Function<String, Optional<Sale>> sales, boolean allowed, Printer out) {
        this.refunds = refunds;
        this.journal = journal;
        this.records = records;
        this.sales = sales;
        this.allowed = allowed;
        this.out = out;
        refunds.addListener(this::report);
    }

    /** Handles the line if it is a refund command; false when it is not one. */
    boolean handle(String[] words) {
        switch (words[0]) {
            case "refund" -> refund(words);
            case "refund-lines" -> refundLines(words);
            case "refunds" -> list(words);
            case "check-refund" -> checkAgain(words);
            default -> {
                return false;
            }
        }
        return true;
    }

    private void refund(String[] w) {
        if (w.length < 3) {
            throw new IllegalArgumentException("Use: refund SALE_ID AMOUNT_MINOR|all [REASON]");
        }
        Sale sale = paidSale(w[1]);
        long amount = w[2].equals("all") ? RefundBalance.of(sale, records.refunds(sale.id())).refundable().minorUnits()
                : Long.parseLong(w[2]);
        start(sale, amount, reason(w, 3), List.of());
    }

    private void refundLines(String[] w) {
        if (w.length < 3) {
            throw new IllegalArgumentException("Use: refund-lines SALE_ID LINE:QTY [LINE:QTY ...] [REASON]");
        }
        Sale sale = paidSale(w[1]);
        List<RefundLine> lines = new ArrayList<>();
        int[] left = RefundBalance.unitsLeft(sale, records.refunds(sale.id()));
        long amount = 0;
        int i = 2;
        for (; i < w.length && w[i].contains(":"); i++) {
            String[] parts = w[i].split(":");
            RefundLine line = new RefundLine(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
            if (line.saleLine() > sale.lines().size()) {
                throw new IllegalArgumentException("Sale " + sale.id() + " has no line " + line.saleLine());
            }
            lines.add(line);
            int index = line.saleLine() - 1;
            amount += RefundBalance.lineRefundMinor(sale.lines().get(index), Math.max(0, left[index]),
                    Math.min(line.quantity(), Math.max(0, left[index])));
            left[index] -= line.quantity();
        }
        start(sale, amount, reason(w, i), lines);
    }

    private void start(Sale sale, long amount, RefundReason reason, List<RefundLine> lines) {
        if (!allowed) {
            throw new IllegalStateException("Refunds are off in kiosk mode");
        }
        if (amount < 1) {
            throw new IllegalArgumentException("Nothing to refund");
        }
        RefundOrder order = refunds.order(sale, amount, reason, lines);
        refunds.start(order, sale);
        out.print("OK", "refund=" + order.refundId() + " key=" + order.idempotencyKey(), null);
    }

    private void list(String[] w) {
        Sale sale = sales.apply(w[1]).orElseThrow(() -> new IllegalArgumentException("No sale " + w[1]));
        shown.put(sale.id(), sale);
        List<Refund> all = records.refunds(sale.id());
        for (Refund r : all) {
            out.print("REFUND-OF", "refund=" + r.id() + " sale=" + r.saleId() + " status=" + r.status()
                    + " amount=" + r.amountMinor() + " stripe=" + dash(r.stripeRefundId()) + " key=" + r.idempotencyKey(),
                    null);
        }
        RefundBalance b = RefundBalance.of(sale, all);
        out.print("BALANCE", "sale=" + sale.id() + " register=" + sale.registerId() + " paid=" + b.paid().minorUnits()
                + " refunded="
                + b.refunded().minorUnits() + " in_progress=" + b.inProgress().minorUnits() + " refundable="
                + b.refundable().minorUnits() + " standing=" + b.standing(), null);
    }

    private void checkAgain(String[] w) {
        Refund r = journal.findRefund(w[1]).orElseThrow(() -> new IllegalArgumentException("No refund " + w[1]));
        refunds.resume(r);
        out.print("OK", "refund=" + r.id(), null);
    }

    private Sale paidSale(String id) {
        return sales.apply(id).or(() -> Optional.ofNullable(shown.get(id)))
                .orElseThrow(() -> new IllegalArgumentException("No sale " + id));
    }

    private static RefundReason reason(String[] w, int at) {
        if (at >= w.length) {
            return RefundReason.REQUESTED_BY_CUSTOMER;
        }
        return RefundReason.fromWire(w[at].toLowerCase(Locale.ROOT)).orElseThrow(() -> new IllegalArgumentException(
                "Reason must be requested_by_customer, duplicate or fraudulent"));
    }

    private void report(RefundProgress p) {
        out.print("REFUND", "refund=" + p.refundId() + " sale=" + p.saleId() + " phase=" + p.phase()
                + " amount=" + Optional.ofNullable(p.amount()).map(a -> Long.toString(a.minorUnits())).orElse("-")
                + " currency=" + Optional.ofNullable(p.amount()).map(Money::currencyCode).orElse("-")
                + " resumable=" + p.canResume(), words.text(p.message()));
    }

    private static String dash(String v) {
        return v == null ? "-" : v;
    }
}
