package app.scantill.ui.history;

import app.scantill.i18n.Message;
import app.scantill.i18n.Translator;
import app.scantill.journal.EndOfDayReport;
import app.scantill.money.MoneyFormat;
import app.scantill.sale.Refund;
import app.scantill.sale.RefundBalance;
import app.scantill.sale.Sale;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * How the history screen words refunds: a sale's standing (Partially refunded, Refunded), its paid /
 * refunded / refundable line, its refunds' rows, and the report's refund and net-takings rows.
 */
final class RefundFigures {


    private final Translator words;
    private final MoneyFormat money;
    private final ZoneId zone;
    private final DateTimeFormatter dateTime;

    RefundFigures(Translator words, ZoneId zone) {
        this.words = words;
        this.money = words.moneyFormat();
        this.zone = zone;
        this.dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(words.locale());
    }

    /** A paid sale that gave money back reads Partially refunded or Refunded; any other its state. */
    String stateLabel(Sale s, RefundBalance balance) {
        if (balance == null || balance.standing() == RefundBalance.Standing.NOT_REFUNDED) {
            return words.text(s.state().label());
        }
        return words.text(balance.standing() == RefundBalance.Standing.REFUNDED ? "refund.standing.refunded"
                : "refund.standing.partially_refunded");
    }

    String balance(Sale sale, List<Refund> refunds) {
        RefundBalance b = RefundBalance.of(sale, refunds);
        String figures = words.text(Message.of("refund.balance", b.paid(), b.refunded(), b.refundable()));
        return b.inProgress().isZero() ? figures
                : words.text(Message.of("refund.balance.in_progress", figures, b.inProgress()));
    }

    List<HistoryViewModel.RefundRow> rows(List<Refund> refunds) {
        return refunds.stream().map(r -> new HistoryViewModel.RefundRow(r.id(),
                LocalDateTime.ofInstant(r.createdAt(), zone).format(dateTime), money.format(r.amount()),
                words.text("refund.status." + r.status().name().toLowerCase(Locale.ROOT)),
                words.text("refund.reason." + r.reason().wireName()))).toList();
    }

    /**
     * Refunds that went through per method, refunds on their way, and net takings; nothing for a currency
     * without refunds in the period (its net takings are what was paid, already on screen).
     */
    void reportRows(Stream.Builder<HistoryViewModel.ReportRow> b, String code, EndOfDayReport.CurrencyTotals c) {
        if (c.refunded().count() == 0 && c.refundsInProgress().count() == 0) {
            return;
        }
        for (Map.Entry<String, EndOfDayReport.Tally> e : c.refundedByMethod().entrySet()) {
            if (e.getValue().count() > 0) {
                b.add(new HistoryViewModel.ReportRow(code, words.text(Message.of("report.refunded_by",
                        words.text("receipt.method." + e.getKey()))), e.getValue().count(),
                        money.format(e.getValue().total())));
            }
        }
        if (c.refundsInProgress().count() > 0) {
            b.add(new HistoryViewModel.ReportRow(code, words.text("report.refunds_pending"),
                    c.refundsInProgress().count(), money.format(c.refundsInProgress().total())));
        }
        b.add(new HistoryViewModel.ReportRow(code, words.text("report.net_takings"), c.paid().count(),
                money.format(c.net())));
    }
}
