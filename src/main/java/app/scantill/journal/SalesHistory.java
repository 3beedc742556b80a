package app.scantill.journal;

import app.scantill.money.TaxRounding;
import app.scantill.sale.Refund;
import app.scantill.sale.RefundBalance;
import app.scantill.sale.CashTender;
import app.scantill.sale.Sale;
import app.scantill.sale.SaleState;
import app.scantill.sale.StateChange;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Read-only questions about past sales, in the till's time zone: a day's sales, the ones needing
 * attention, one sale in detail, and the end-of-day report. Synchronous: call it off the JavaFX thread.
 */
public final class SalesHistory {

    private final SaleRecords journal;
    private final RefundRecords refunds;
    private final ZoneId zone;
    private final Clock clock;
    private final TaxRounding taxRounding;

    /** History over {@code journal}; its refunds too when it keeps them (a till's journal does). */
    public SalesHistory(SaleRecords journal, ZoneId zone, Clock clock) {
        this(journal, journal instanceof RefundRecords r ? r : RefundRecords.NONE, zone, clock);
    }

    /**
     * History over sales from {@code journal} (a till's journal, or a store's ledger) and refunds from
     * {@code refunds} (the till's journal, or every register's from the store's ledger).
     */
    public SalesHistory(SaleRecords journal, RefundRecords refunds, ZoneId zone, Clock clock) {
        this(journal, refunds, zone, clock, TaxRounding.PER_LINE);
    }

    private SalesHistory(SaleRecords journal, RefundRecords refunds, ZoneId zone, Clock clock, TaxRounding taxRounding) {
        this.journal = Objects.requireNonNull(journal, "journal");
        this.refunds = Objects.requireNonNull(refunds, "refunds");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.taxRounding = Objects.requireNonNull(taxRounding, "taxRounding");
    }

    /** This history with reports whose tax is rounded as {@code rounding} says (setting {@code tax.rounding}). */
    public SalesHistory withTaxRounding(TaxRounding rounding) {
        return new SalesHistory(journal, refunds, zone, clock, rounding);
    }

    public ZoneId zone() {
        return zone;
    }

    public Instant now() {
        return clock.instant();
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /** Sales created on {@code day} (local midnight to midnight, so DST days have 23 or 25 hours), oldest first. */
    public List<Sale> day(LocalDate day, SaleFilter filter) {
        Instant now = clock.instant();
        return journal.createdBetween(startOf(day), startOf(day.plusDays(1))).stream()
                .filter(s -> filter.matches(s, now))
                .toList();
    }

    /** Every sale needing attention, whatever day it was made, oldest first. */
    public List<Sale> needingAttention() {
        Instant now = clock.instant();
        return journal.unfinished().stream().filter(s -> SaleFilter.needsAttention(s, now)).toList();
    }

    public Optional<SaleDetail> detail(String saleId) {
        return journal.find(saleId).map(s -> new SaleDetail(s, journal.history(saleId), journal.attemptKeys(saleId),
                journal.cashTender(saleId), journal.cashReplacing(saleId)));
    }

    /** The report for local days {@code [from, to)}: {@code report(d, d.plusDays(1))} is one day. */
    public EndOfDayReport report(LocalDate from, LocalDate to) {
        return report(from, to, null);
    }

    /**
     * The report of one register ({@code registerId}), or of every register the records hold (null): a
     * store's ledger holds them all, a till's journal its own.
     */
    public EndOfDayReport report(LocalDate from, LocalDate to, String registerId) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("the report period must end after it starts (" + from + " to " + to + ")");
        }
        List<Sale> sales = journal.createdBetween(startOf(from), startOf(to)).stream()
                .filter(s -> registerId == null || registerId.equals(s.registerId())).toList();
        Map<String, Sale> byId = new HashMap<>();
        sales.forEach(s -> byId.put(s.id(), s));
        // A refund's sale is usually among the period's; one of an earlier day is read once (its tax is refunded too).
        EndOfDayReport report = EndOfDayReport.of(from, to, zone, sales,
                refunds.refundsCreatedBetween(startOf(from), startOf(to)).stream()
                        .filter(r -> registerId == null || registerId.equals(r.registerId())).toList(),
                taxRounding, id -> byId.containsKey(id) ? Optional.of(byId.get(id)) : journal.find(id));
        if (journal instanceof DrawerRecords drawer) {
            // A till's own journal holds its drawer; a store's ledger holds none yet (docs/cash.md).
            List<app.scantill.sale.DrawerEntry> entries = drawer.drawerBetween(startOf(from), startOf(to)).stream()
                    .filter(e -> registerId == null || registerId.equals(e.registerId())).toList();
            report = report.withDrawers(DrawerTotals.all(entries, sales));
        }
        return report;
    }

    /** The sale's refunds, oldest first. */
    public List<Refund> refunds(String saleId) {
        return refunds.refunds(saleId);
    }

    /**
     * What each paid sale of {@code sales} paid and gave back, by sale id (sales that are not paid are left out);
     * the refunds of all of them in one question, since a store's are across a network.
     */
    public Map<String, RefundBalance> balances(List<Sale> sales) {
        List<Sale> paid = sales.stream().filter(s -> s.state() == SaleState.PAID).toList();
        Map<String, List<Refund>> bySale = refunds.refunds(paid.stream().map(Sale::id).toList());
        Map<String, RefundBalance> result = new HashMap<>();
        for (Sale s : paid) {
            result.put(s.id(), RefundBalance.of(s, bySale.getOrDefault(s.id(), List.of())));
        }
        return result;
    }

    private Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    /**
     * A sale with its state history and the idempotency keys of its attempts; for a cash sale what was tendered, and
     * for a card attempt cash took over the cash sale that did (docs/adr/0180).
     */
    public record SaleDetail(Sale sale, List<StateChange> history, List<String> attemptKeys,
            Optional<CashTender> cash, Optional<CashTender> takenOverBy) {
        public SaleDetail {
            history = List.copyOf(history);
            attemptKeys = List.copyOf(attemptKeys);
        }

        /** The card attempt was paid after cash took it over: the customer paid twice, one is to be refunded. */
        public boolean paidTwice() {
            return takenOverBy.isPresent() && sale.state() == app.scantill.sale.SaleState.PAID;
        }
    }
}
