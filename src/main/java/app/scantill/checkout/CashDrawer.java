package app.scantill.checkout;

import app.scantill.journal.DrawerTotals;
import app.scantill.journal.SalesJournal;
import app.scantill.sale.DrawerEntry;
import app.scantill.sale.Sale;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The register's cash drawer for the local day (docs/cash.md): opening float, cash in and out with a reason, and a
 * count against what is expected (float + cash sales + in - out), each journaled. Synchronous: call it off the
 * JavaFX thread.
 */
public final class CashDrawer {

    private final SalesJournal journal;
    private final String registerId;
    private final Clock clock;
    private final ZoneId zone;

    public CashDrawer(SalesJournal journal, String registerId, Clock clock, ZoneId zone) {
        this.journal = Objects.requireNonNull(journal, "journal");
        this.registerId = Objects.requireNonNull(registerId, "registerId");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** The drawer of {@code currency} today, this register's entries and cash sales only. */
    public DrawerTotals today(Currency currency) {
        LocalDate day = LocalDate.ofInstant(clock.instant(), zone);
        Instant from = day.atStartOfDay(zone).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
        List<DrawerEntry> entries = journal.drawerBetween(from, to).stream()
                .filter(e -> registerId.equals(e.registerId())).toList();
        List<Sale> sales = journal.createdBetween(from, to).stream()
                .filter(s -> registerId.equals(s.registerId())).toList();
        return DrawerTotals.of(currency, entries, sales);
    }

    /**
     * Journals a movement of the drawer now. A count records what was expected at this moment beside what was
     * counted, so its difference never changes afterwards.
     *
     * @param reason required for cash in and out; ignored otherwise
     * @throws IllegalArgumentException for a negative amount or a missing reason
     */
    public DrawerEntry record(DrawerEntry.Kind kind, Currency currency, long amountMinor, String reason) {
        boolean moves = kind == DrawerEntry.Kind.CASH_IN || kind == DrawerEntry.Kind.CASH_OUT;
        long expected = kind == DrawerEntry.Kind.COUNT ? today(currency).expected().minorUnits() : 0;
        DrawerEntry entry = new DrawerEntry("D-" + UUID.randomUUID(), registerId, clock.instant(), currency, kind,
                amountMinor, moves ? reason.strip() : null, expected);
        return journal.recordDrawer(entry);
    }
}
