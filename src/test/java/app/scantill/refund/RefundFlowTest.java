package app.scantill.refund;

import static org.assertj.core.api.Assertions.assertThat;

import app.scantill.checkout.GatewayException;
import app.scantill.i18n.Message;
import app.scantill.journal.JournalException;
import app.scantill.journal.RefundRefusedException;
import app.scantill.money.Money;
import app.scantill.refund.RefundEffect.Begin;
import app.scantill.refund.RefundEffect.Find;
import app.scantill.refund.RefundEffect.Later;
import app.scantill.refund.RefundEffect.Publish;
import app.scantill.refund.RefundEffect.RecordStatus;
import app.scantill.refund.RefundEffect.Retrieve;
import app.scantill.refund.RefundEffect.Send;
import app.scantill.refund.RefundProgress.Phase;
import app.scantill.sale.Refund;
import app.scantill.sale.RefundOrder;
import app.scantill.sale.RefundReason;
import app.scantill.sale.RefundStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each step of the refund flow as a plain call: no journal, no network, no thread. */
class RefundFlowTest {

    private static final Instant NOW = Instant.parse("2026-08-03T09:00:00Z");
    private static final Currency USD = Currency.getInstance("USD");
    private static final Money AMOUNT = Money.of(500, USD);

    private final RefundFlow flow = new RefundFlow(RefundSettings.defaults("till-1"));
    private final RefundOrder order = new RefundOrder("R-1", "S-1", "till-1", 500, RefundReason.DUPLICATE, List.of(),
            "scantill-refund-R-1");

    private static Refund refund(RefundStatus status, String stripeId, Instant created) {
        return new Refund("R-1", "S-1", "till-1", created, USD, 500, RefundReason.DUPLICATE, List.of(), "pi_1", "card",
                "scantill-refund-R-1", status, stripeId, null, created, false);
    }

    private static RefundSnapshot stripe(RefundStatus status) {
        return new RefundSnapshot("re_1", status, 500, "usd", "pi_1", null, Map.of("refund_id", "R-1"));
    }

    private static GatewayException failure(GatewayException.Kind kind, String code) {
        return new GatewayException(kind, 0, code, null, null, null, "test", null);
    }

    @Test
    void startJournalsTheOrderBeforeAnythingElse() {
        RefundTransition t = flow.next(null, new RefundEvent.Start(order, AMOUNT), NOW);

        assertThat(t.next()).isEqualTo(new RefundState.Journaling(order, AMOUNT));
        assertThat(t.effects()).hasSize(2).last().isEqualTo(new Begin(order));
        assertThat(((Publish) t.effects().get(0)).progress().phase()).isEqualTo(Phase.RECORDING);
    }

    @Test
    void onlyTheJournaledRefundIsSentAndWithItsOwnKey() {
        Refund journaled = refund(RefundStatus.REQUESTED, null, NOW);

        RefundTransition t = flow.next(new RefundState.Journaling(order, AMOUNT), new RefundEvent.Journaled(journaled), NOW);

        assertThat(t.next()).isEqualTo(new RefundState.Sending(journaled, 1));
        assertThat(t.effects()).last().isEqualTo(new Send(RefundRequest.of(journaled)));
        assertThat(RefundRequest.of(journaled).idempotencyKey()).isEqualTo("scantill-refund-R-1");
    }

    @Test
    void aJournalRefusalStopsWithTheReasonAndNothingIsSent() {
        RefundRefusedException refused = new RefundRefusedException("too much",
                RefundRefusedException.Why.MORE_THAN_LEFT, Money.of(75, USD));

        RefundTransition t = flow.next(new RefundState.Journaling(order, AMOUNT), new RefundEvent.JournalFailed(refused),
                NOW);

        assertThat(t.next()).isInstanceOf(RefundState.Stopped.class);
        assertThat(t.effects()).singleElement().isInstanceOfSatisfying(Publish.class, p -> {
            assertThat(p.progress().phase()).isEqualTo(Phase.REFUSED);
            assertThat(p.progress().message()).isEqualTo(Message.of("refund.refused.more_than_left", Money.of(75, USD)));
        });
    }

    @Test
    void stripesAnswerIsJournaledBeforeTheCashierHearsIt() {
        Refund r = refund(RefundStatus.REQUESTED, null, NOW);

        RefundTransition t = flow.next(new RefundState.Sending(r, 1),
                new RefundEvent.Answered(stripe(RefundStatus.PENDING)), NOW);

        assertThat(t.effects()).containsExactly(new RecordStatus("R-1", "re_1", RefundStatus.PENDING, null));
    }

    @Test
    void aTransientFailureIsSentAgainLaterThenWaitsAsJournaled() {
        Refund r = refund(RefundStatus.REQUESTED, null, NOW);
        GatewayException down = failure(GatewayException.Kind.NETWORK, null);

        RefundTransition retry = flow.next(new RefundState.Sending(r, 1), new RefundEvent.SendFailed(down), NOW);
        assertThat(retry.next()).isEqualTo(new RefundState.Sending(r, 2));
        assertThat(retry.effects()).last().isEqualTo(new Later(Duration.ofMillis(500)));

        RefundTransition out = flow.next(new RefundState.Sending(r, 4), new RefundEvent.SendFailed(down), NOW);
        assertThat(out.next()).isEqualTo(new RefundState.Stopped(r, Message.of("refund.stopped.unreachable", AMOUNT),
                true));
    }

    @Test
    void aRefusalIsJournaledRefusedWithStripesCode() {
        Refund r = refund(RefundStatus.REQUESTED, null, NOW);

        RefundTransition t = flow.next(new RefundState.Sending(r, 1), new RefundEvent.SendFailed(
                failure(GatewayException.Kind.INVALID_REQUEST, "charge_already_refunded")), NOW);

        assertThat(t.next()).isEqualTo(new RefundState.Recording(r, null, Message.of("refund.stripe.already_refunded")));
        assertThat(t.effects()).containsExactly(new RecordStatus("R-1", null, RefundStatus.REFUSED,
                "charge_already_refunded"));
    }

    @Test
    void anIdempotencyErrorLooksTheRefundUpInsteadOfSendingAgain() {
        Refund r = refund(RefundStatus.REQUESTED, null, NOW);

        RefundTransition t = flow.next(new RefundState.Sending(r, 1),
                new RefundEvent.SendFailed(failure(GatewayException.Kind.IDEMPOTENCY, null)), NOW);

        assertThat(t.next()).isEqualTo(new RefundState.LookingUp(r, 1));
        assertThat(t.effects()).last().isEqualTo(new Find("pi_1"));
    }

    @Test
    void aLookUpThatFindsNothingSendsUnderTheSameKeyAndOneThatFindsItRecordsIt() {
        Refund r = refund(RefundStatus.REQUESTED, null, NOW);
        RefundSnapshot someoneElses = new RefundSnapshot("re_9", RefundStatus.SUCCEEDED, 100, "usd", "pi_1", null,
                Map.of("refund_id", "R-9"));

        assertThat(flow.next(new RefundState.LookingUp(r, 1), new RefundEvent.Found(List.of(someoneElses)), NOW).next())
                .isEqualTo(new RefundState.Sending(r, 1));
        assertThat(flow.next(new RefundState.LookingUp(r, 1),
                new RefundEvent.Found(List.of(someoneElses, stripe(RefundStatus.SUCCEEDED))), NOW).effects())
                .containsExactly(new RecordStatus("R-1", "re_1", RefundStatus.SUCCEEDED, null));
    }

    @Test
    void resumeReplaysARecentUnansweredRefundLooksUpAnOldOneAndReadsAPendingOne() {
        assertThat(flow.next(null, new RefundEvent.Resume(refund(RefundStatus.REQUESTED, null, NOW.minusSeconds(60))),
                NOW).effects()).last().isInstanceOf(Send.class);
        assertThat(flow.next(null, new RefundEvent.Resume(refund(RefundStatus.REQUESTED, null,
                NOW.minus(Duration.ofHours(25)))), NOW).effects()).last().isEqualTo(new Find("pi_1"));
        assertThat(flow.next(null, new RefundEvent.Resume(refund(RefundStatus.PENDING, "re_1", NOW)), NOW).effects())
                .last().isEqualTo(new Retrieve("re_1"));
        assertThat(flow.next(null, new RefundEvent.Resume(refund(RefundStatus.SUCCEEDED, "re_1", NOW)), NOW).next())
                .isInstanceOf(RefundState.Done.class);
    }

    @Test
    void aPendingRefundIsReadLessOftenWhileItStaysPendingAndJournaledWhenItChanges() {
        Refund r = refund(RefundStatus.PENDING, "re_1", NOW);
        RefundSettings s = RefundSettings.defaults("till-1");

        RefundTransition same = flow.next(new RefundState.Following(r, 9, 0),
                new RefundEvent.Read(stripe(RefundStatus.PENDING)), NOW);
        assertThat(same.effects()).containsExactly(new Later(s.followInterval(10)));
        assertThat(s.followInterval(10)).isEqualTo(Duration.ofSeconds(4));
        assertThat(s.followInterval(1000)).isEqualTo(Duration.ofMinutes(5));

        RefundTransition changed = flow.next(new RefundState.Following(r, 0, 0),
                new RefundEvent.Read(stripe(RefundStatus.FAILED)), NOW);
        assertThat(changed.effects()).containsExactly(new RecordStatus("R-1", "re_1", RefundStatus.FAILED, null));
    }

    @Test
    void aJournalThatCannotRecordStripesAnswerLeavesTheRefundResumable() {
        Refund r = refund(RefundStatus.REQUESTED, null, NOW);

        RefundTransition t = flow.next(new RefundState.Recording(r, stripe(RefundStatus.SUCCEEDED), null),
                new RefundEvent.JournalFailed(new JournalException("disk full")), NOW);

        assertThat(t.next()).isEqualTo(new RefundState.Stopped(r, Message.of("refund.stopped.unrecorded", AMOUNT), true));
        assertThat(((Publish) t.effects().get(0)).progress().canResume()).isTrue();
        assertThat(Optional.of(t.effects().size())).contains(1);
    }

    // ------------------------------------------------------------ refunds the store decides (docs/adr/0122)

    private static Refund storeRefund(RefundStatus status, Instant created) {
        return new Refund("R-1", "S-1", "till-2", created, USD, 500, RefundReason.DUPLICATE, List.of(), "pi_1", "card",
                "scantill-refund-R-1", status, null, null, created, true);
    }

    @Test
    void aRefundOfAnotherRegistersSaleIsJournaledWithThatSale() {
        app.scantill.sale.Sale far = new app.scantill.sale.Sale("S-1", "till-9", NOW, USD,
                List.of(new app.scantill.sale.SaleLine("T", "Tea", 500, 1)), 500, app.scantill.sale.SaleState.PAID, 1,
                "k1", "cs_1", null, "pi_1", "card", NOW, NOW);

        RefundTransition t = flow.next(null, new RefundEvent.Start(order, AMOUNT, far), NOW);

        assertThat(t.effects()).last().isEqualTo(new Begin(order, far));
    }

    @Test
    void aRefundTheStoreDecidesIsReservedBeforeItIsSent() {
        Refund journaled = storeRefund(RefundStatus.REQUESTED, NOW);

        RefundTransition t = flow.next(new RefundState.Journaling(order, AMOUNT), new RefundEvent.Journaled(journaled), NOW);

        assertThat(t.next()).isEqualTo(new RefundState.Reserving(journaled, true, NOW, false));
        assertThat(t.effects()).last().isEqualTo(new RefundEffect.Reserve(journaled));
        assertThat(t.effects()).noneMatch(e -> e instanceof Send);
        assertThat(((Publish) t.effects().get(0)).progress().phase()).isEqualTo(Phase.RESERVING);

        RefundTransition reserved = flow.next(t.next(),
                new RefundEvent.ReserveAnswered(RefundReservations.Reservation.done()), NOW.plusMillis(40));
        assertThat(reserved.next()).isEqualTo(new RefundState.Sending(journaled, 1));
        assertThat(reserved.effects()).last().isEqualTo(new Send(RefundRequest.of(journaled)));
    }

    @Test
    void whileTheSellingRegisterHandsItsSaleOverTheLedgerIsAskedAgainThenTheRefundIsRefusedAfterThePatience() {
        Refund r = storeRefund(RefundStatus.REQUESTED, NOW);
        RefundState.Reserving asking = new RefundState.Reserving(r, true, NOW, false);
        RefundEvent.ReserveAnswered waiting = new RefundEvent.ReserveAnswered(
                RefundReservations.Reservation.waitingFor("front"));

        RefundTransition first = flow.next(asking, waiting, NOW.plusMillis(30));
        assertThat(first.next()).isEqualTo(new RefundState.Reserving(r, true, NOW, true));
        assertThat(first.effects()).containsExactly(
                new Publish(new RefundProgress("R-1", "S-1", Phase.RESERVING, AMOUNT,
                        Message.of("refund.progress.handover", AMOUNT, "front"), false)),
                new Later(Duration.ofMillis(200)));
        RefundTransition again = flow.next(first.next(), waiting, NOW.plusSeconds(2));
        assertThat(again.effects()).as("said once").containsExactly(new Later(Duration.ofMillis(200)));
        assertThat(flow.next(again.next(), new RefundEvent.Due(), NOW.plusSeconds(2)).effects())
                .containsExactly(new RefundEffect.Reserve(r));

        RefundTransition late = flow.next(again.next(), waiting, NOW.plusSeconds(10));
        assertThat(late.next()).isEqualTo(new RefundState.Recording(r, null,
                Message.of("refund.refused.seller_away", "front")));
        assertThat(late.effects()).containsExactly(new RecordStatus("R-1", null, RefundStatus.REFUSED, "store_seller_away"));
    }

    @Test
    void aReservationTheLedgerRefusesIsJournaledRefusedAndNeverSent() {
        Refund r = storeRefund(RefundStatus.REQUESTED, NOW);
        RefundRefusedException tooMuch = new RefundRefusedException("too much", RefundRefusedException.Why.MORE_THAN_LEFT,
                Money.of(75, USD));

        RefundTransition t = flow.next(new RefundState.Reserving(r, true, NOW, false),
                new RefundEvent.ReserveFailed(tooMuch), NOW);

        assertThat(t.next()).isEqualTo(new RefundState.Recording(r, null,
                Message.of("refund.refused.more_than_left", Money.of(75, USD))));
        assertThat(t.effects()).containsExactly(new RecordStatus("R-1", null, RefundStatus.REFUSED,
                "store_more_than_left"));
        RefundTransition told = flow.next(t.next(), new RefundEvent.Journaled(r.withStatus(RefundStatus.REFUSED, null,
                "store_more_than_left", NOW)), NOW);
        assertThat(told.next()).isInstanceOf(RefundState.Stopped.class);
        assertThat(((Publish) told.effects().get(0)).progress().phase()).isEqualTo(Phase.REFUSED);
    }

    @Test
    void theLedgerOutOfReachRefusesARefundStartedNowButKeepsOneTakenUpAgainWaiting() {
        Refund r = storeRefund(RefundStatus.REQUESTED, NOW);
        JournalException away = new JournalException("The store ledger cannot be reached");

        RefundTransition fresh = flow.next(new RefundState.Reserving(r, true, NOW, false),
                new RefundEvent.ReserveFailed(away), NOW);
        assertThat(fresh.next()).isEqualTo(new RefundState.Recording(r, null,
                Message.of("refund.refused.store_unreachable")));
        assertThat(fresh.effects()).containsExactly(new RecordStatus("R-1", null, RefundStatus.REFUSED,
                RefundFlow.STORE_UNREACHABLE));

        // After a restart the refund may have been reserved and sent before: it must not be called refused.
        RefundTransition resumed = flow.next(new RefundState.Reserving(r, false, NOW, false),
                new RefundEvent.ReserveFailed(away), NOW);
        assertThat(resumed.next()).isEqualTo(new RefundState.Stopped(r,
                Message.of("refund.stopped.store_unreachable", AMOUNT), true));
        assertThat(resumed.effects()).noneMatch(e -> e instanceof RecordStatus);
    }

    @Test
    void aJournaledStoreRefundTakenUpAgainIsReservedAgainBeforeItIsSentOrLookedUpFirstWhenOld() {
        Refund young = storeRefund(RefundStatus.REQUESTED, NOW.minus(Duration.ofHours(1)));
        RefundTransition t = flow.next(null, new RefundEvent.Resume(young), NOW);
        assertThat(t.next()).isEqualTo(new RefundState.Reserving(young, false, NOW, false));
        assertThat(t.effects()).last().isEqualTo(new RefundEffect.Reserve(young));

        Refund old = storeRefund(RefundStatus.REQUESTED, NOW.minus(Duration.ofHours(30)));
        RefundTransition look = flow.next(null, new RefundEvent.Resume(old), NOW);
        assertThat(look.effects()).last().isEqualTo(new Find("pi_1"));
        RefundTransition notThere = flow.next(look.next(), new RefundEvent.Found(List.of()), NOW);
        assertThat(notThere.next()).isEqualTo(new RefundState.Reserving(old, false, NOW, false));
    }
}
