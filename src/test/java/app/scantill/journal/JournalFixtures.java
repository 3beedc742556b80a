package app.scantill.journal;

import app.scantill.sale.SaleLine;
import app.scantill.sale.SaleState;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;

/** A journaled day of sales shared by the history, report and history screen tests. */
public final class JournalFixtures {

    public static final Currency USD = Currency.getInstance("USD");
    public static final Currency JPY = Currency.getInstance("JPY");
    public static final Currency EUR = Currency.getInstance("EUR");

    private JournalFixtures() {
    }

    /** The day used by the report tests: three currencies, every kind of ending, two sales just outside. */
    public static void seedDay(SalesJournal journal, MutableClock clock) {
        sale(journal, clock, "prev", "2025-03-13T22:59:59Z", USD, List.of(line(100, 1)), SaleState.PAID, "card");
        sale(journal, clock, "usd-1", "2025-03-13T23:00:00Z", USD,
                List.of(line(350, 2), line(275, 1)), SaleState.PAID, "amazon_pay");
        sale(journal, clock, "jpy-1", "2025-03-14T07:15:00Z", JPY, List.of(line(500, 3)), SaleState.PAID, "amazon_pay");
        sale(journal, clock, "usd-2", "2025-03-14T09:00:00Z", USD, List.of(line(500, 1)), SaleState.PAID, "card");
        sale(journal, clock, "usd-3", "2025-03-14T10:00:00Z", USD, List.of(line(350, 1)), SaleState.CANCELLED, null);
        sale(journal, clock, "jpy-2", "2025-03-14T11:00:00Z", JPY, List.of(line(800, 1)), SaleState.EXPIRED, null);
        sale(journal, clock, "eur-1", "2025-03-14T12:00:00Z", EUR, List.of(line(250, 1)), SaleState.PAID, null);
        sale(journal, clock, "odd,\"id\"", "2025-03-14T13:00:00Z", USD, List.of(line(100, 1)),
                SaleState.AWAITING_PAYMENT, null);
        sale(journal, clock, "next", "2025-03-14T23:00:00Z", USD, List.of(line(100, 1)), SaleState.PAID, "card");
    }

    public static SaleLine line(long unit, int quantity) {
        return new SaleLine("SKU-" + unit, "Item " + unit, unit, quantity);
    }

    static void sale(SalesJournal journal, MutableClock clock, String id, String at, Currency currency,
            List<SaleLine> lines, SaleState end, String method) {
        clock.set(Instant.parse(at));
        journal.begin(id, "till-1", currency, lines, id + "-key");
        String session = id.startsWith("odd") ? "cs_odd" : "cs_" + id;
        clock.advance(Duration.ofSeconds(2));
        journal.recordSession(id, session, clock.instant().plus(Duration.ofMinutes(30)));
        clock.advance(Duration.ofSeconds(20));
        switch (end) {
            case AWAITING_PAYMENT -> { }
            case PAID -> {
                if (method == null) {
                    journal.transition(id, SaleState.PAID, "seen paid");
                } else {
                    journal.markPaid(id, "pi_" + id, method, null);
                }
            }
            case CANCELLED -> {
                journal.transition(id, SaleState.CANCELLING, "cashier cancelled");
                journal.transition(id, SaleState.CANCELLED, "session expired");
            }
            case EXPIRED -> journal.transition(id, SaleState.EXPIRED, "session expired");
            default -> throw new IllegalArgumentException(end.name());
        }
    }

}
