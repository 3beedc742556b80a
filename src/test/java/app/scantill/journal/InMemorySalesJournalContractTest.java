package app.scantill.journal;

import app.scantill.sale.Sale;
import app.scantill.sale.SaleState;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The journal the charge-flow and screen tests use holds to the {@link SalesJournalContract}, so what
 * those tests prove holds for the SQLite journal too.
 */
class InMemorySalesJournalContractTest extends SalesJournalContract {

    @Override
    protected SalesJournal newJournal(Clock clock) {
        return new InMemorySalesJournal(clock);
    }

    /** The double's full-disk switch, which the charge-flow tests rely on, refuses writes and keeps reads. */
    @Test
    void failingWritesAreRefusedWithNothingWrittenWhileReadsGoOn() {
        Sale awaiting = driveTo("s-1", SaleState.AWAITING_PAYMENT);
        InMemorySalesJournal inMemory = (InMemorySalesJournal) journal;

        inMemory.failWrites(true);

        assertThatThrownBy(() -> journal.markPaid("s-1", "pi_1", "card", null)).isInstanceOf(JournalException.class);
        assertThatThrownBy(() -> journal.begin("s-2", "till-1", USD, twoLines(), "k2"))
                .isInstanceOf(JournalException.class);
        assertThat(journal.find("s-1")).contains(awaiting);
        assertThat(journal.find("s-2")).isEmpty();
        inMemory.failWrites(false);
        assertThat(journal.markPaid("s-1", "pi_1", "card", null).state()).isEqualTo(SaleState.PAID);
    }
}
