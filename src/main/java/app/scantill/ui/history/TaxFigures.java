package app.scantill.ui.history;

import app.scantill.i18n.Message;
import app.scantill.i18n.Translator;
import app.scantill.journal.EndOfDayReport;
import app.scantill.money.Money;
import app.scantill.money.MoneyFormat;
import app.scantill.sale.TaxBreakdown;
import java.util.stream.Stream;

/**
 * The report's tax rows: per rate, net, tax and gross of what was paid less what went back (docs/taxes.md), each
 * with the number of paid sales that had a line at the rate. None for a currency with no tax at all (every line at
 * 0 %): a shop that charges no tax reads no tax rows, as its receipts print no tax table.
 */
final class TaxFigures {

    private final Translator words;
    private final MoneyFormat money;

    TaxFigures(Translator words) {
        this.words = words;
        this.money = words.moneyFormat();
    }

    void reportRows(Stream.Builder<HistoryViewModel.ReportRow> b, String code, EndOfDayReport.CurrencyTotals c) {
        TaxBreakdown taxes = c.taxes();
        if (taxes.isTaxFree()) {
            return;
        }
        for (TaxBreakdown.RateShare share : taxes.shares()) {
            String rate = share.rate().percentText();
            long count = c.paidAtRate().getOrDefault(share.rate(), 0L);
            b.add(row(code, "report.tax.net", rate, count, share.netMinor(), c));
            b.add(row(code, "report.tax.tax", rate, count, share.taxMinor(), c));
            b.add(row(code, "report.tax.gross", rate, count, share.grossMinor(), c));
        }
    }

    private HistoryViewModel.ReportRow row(String code, String key, String rate, long count, long minor,
            EndOfDayReport.CurrencyTotals c) {
        return new HistoryViewModel.ReportRow(code, words.text(Message.of(key, rate)), count,
                money.format(Money.of(minor, c.currency())));
    }
}
