package app.scantill.journal;

import app.scantill.money.Money;
import app.scantill.money.MoneyFormat;
import app.scantill.sale.Refund;
import app.scantill.sale.Sale;
import app.scantill.sale.SaleState;
import app.scantill.sale.TaxBreakdown;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * The end-of-day report as CSV (RFC 4180: comma separated, CRLF line ends, fields quoted when they
 * hold a comma, quote or line break), UTF-8 without a byte-order mark. First one row per sale, then an
 * empty line and the totals section (with refunds per method, net takings and, per tax rate, net, tax and gross
 * net of refunds, per currency), then, when
 * refunds were made in the period, an empty line and one row per refund. Amounts are plain decimals with the currency's own number of
 * digits ({@code 12.50} USD, {@code 500} JPY), never mixed across currencies.
 */
public final class ReportCsv {

    public static final List<String> SALE_HEADER = List.of("sale_id", "created_local", "state", "currency", "total",
            "payment_method", "session_id", "payment_intent");
    public static final List<String> TOTALS_HEADER = List.of("currency", "totals_of", "key", "count", "total");
    public static final List<String> REFUND_HEADER = List.of("refund_id", "sale_id", "created_local", "status",
            "currency", "amount", "payment_method", "reason", "stripe_refund_id");

    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final String EOL = "\r\n";

    private ReportCsv() {
    }

    /** The currency's cash drawer: float, cash sales, in, out, expected, and the last count with its difference. */
    private static void drawer(StringBuilder out, String code, DrawerTotals d) {
        row(out, List.of(code, "drawer", "float", "", MoneyFormat.plain(d.opening())));
        row(out, List.of(code, "drawer", "cash_sales", "", MoneyFormat.plain(d.cashSales())));
        row(out, List.of(code, "drawer", "cash_in", "", MoneyFormat.plain(d.in())));
        row(out, List.of(code, "drawer", "cash_out", "", MoneyFormat.plain(d.out())));
        row(out, List.of(code, "drawer", "expected", "", MoneyFormat.plain(d.expected())));
        d.lastCount().ifPresent(c -> {
            row(out, List.of(code, "drawer", "counted", "", MoneyFormat.plain(Money.of(c.amountMinor(), d.currency()))));
            row(out, List.of(code, "drawer", "difference", "",
                    MoneyFormat.plain(Money.of(c.differenceMinor(), d.currency()))));
        });
    }

    public static String toCsv(EndOfDayReport report) {
        StringBuilder out = new StringBuilder();
        row(out, SALE_HEADER);
        for (Sale sale : report.sales()) {
            row(out, List.of(
                    sale.id(),
                    LocalDateTime.ofInstant(sale.createdAt(), report.zone()).format(LOCAL_TIME),
                    sale.state().name(),
                    sale.currency().getCurrencyCode(),
                    MoneyFormat.plain(sale.total()),
                    orEmpty(sale.paymentMethod()),
                    orEmpty(sale.sessionId()),
                    orEmpty(sale.paymentIntentId())));
        }
        out.append(EOL);
        row(out, TOTALS_HEADER);
        for (EndOfDayReport.CurrencyTotals c : report.currencies()) {
            String code = c.currency().getCurrencyCode();
            tally(out, code, "all", "", c.all());
            for (Map.Entry<SaleState, EndOfDayReport.Tally> e : c.byState().entrySet()) {
                tally(out, code, "state", e.getKey().name(), e.getValue());
            }
            for (Map.Entry<String, EndOfDayReport.Tally> e : c.paidByMethod().entrySet()) {
                tally(out, code, "paid_by_method", e.getKey(), e.getValue());
            }
            for (Map.Entry<String, EndOfDayReport.Tally> e : c.refundedByMethod().entrySet()) {
                tally(out, code, "refunded_by_method", e.getKey(), e.getValue());
            }
            tally(out, code, "refunds_in_progress", "", c.refundsInProgress());
            tally(out, code, "discounts", "", report.discountsFor(c.currency()));
            row(out, List.of(code, "net_takings", "", "", MoneyFormat.plain(c.net())));
            taxRows(out, c);
            report.drawerFor(c.currency()).ifPresent(d -> drawer(out, code, d));
        }
        if (!report.refunds().isEmpty()) {
            out.append(EOL);
            row(out, REFUND_HEADER);
            for (Refund r : report.refunds()) {
                row(out, List.of(r.id(), r.saleId(),
                        LocalDateTime.ofInstant(r.createdAt(), report.zone()).format(LOCAL_TIME), r.status().name(),
                        r.currency().getCurrencyCode(), MoneyFormat.plain(r.amount()), orEmpty(r.paymentMethod()),
                        r.reason().wireName(), orEmpty(r.stripeRefundId())));
            }
        }
        return out.toString();
    }

    /**
     * Writes the report to {@code target}, replacing it only once the whole file is written, so an
     * interrupted export never leaves half a report under the chosen name.
     */
    public static void write(EndOfDayReport report, Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path temp = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".part");
        try {
            try (Writer w = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                w.write(toCsv(report));
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    static String escape(String field) {
        if (field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r")) {
            return '"' + field.replace("\"", "\"\"") + '"';
        }
        return field;
    }

    /**
     * Per rate (the key: {@code 19}, {@code 7.7}, {@code 0}): net, tax and gross of what was paid less what went back,
     * with the number of paid sales that had a line at the rate (docs/taxes.md).
     */
    private static void taxRows(StringBuilder out, EndOfDayReport.CurrencyTotals c) {
        String code = c.currency().getCurrencyCode();
        for (TaxBreakdown.RateShare share : c.taxes().shares()) {
            String rate = share.rate().percentText();
            String count = Long.toString(c.paidAtRate().getOrDefault(share.rate(), 0L));
            row(out, List.of(code, "net_at_rate", rate, count, plain(share.netMinor(), c)));
            row(out, List.of(code, "tax_at_rate", rate, count, plain(share.taxMinor(), c)));
            row(out, List.of(code, "gross_at_rate", rate, count, plain(share.grossMinor(), c)));
        }
    }

    private static String plain(long minor, EndOfDayReport.CurrencyTotals c) {
        return MoneyFormat.plain(Money.of(minor, c.currency()));
    }

    private static void tally(StringBuilder out, String code, String of, String key, EndOfDayReport.Tally t) {
        row(out, List.of(code, of, key, Long.toString(t.count()), MoneyFormat.plain(t.total())));
    }

    private static void row(StringBuilder out, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(escape(fields.get(i)));
        }
        out.append(EOL);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
