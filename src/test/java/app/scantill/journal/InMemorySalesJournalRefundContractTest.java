package app.scantill.journal;

import java.time.Clock;

/** The in-memory journal of the tests holds to the {@link SalesJournalRefundContract}. */
class InMemorySalesJournalRefundContractTest extends SalesJournalRefundContract {

    @Override
    protected SalesJournal newJournal(Clock clock) {
        return new InMemorySalesJournal(clock);
    }
}
