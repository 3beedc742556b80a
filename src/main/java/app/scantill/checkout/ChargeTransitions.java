package app.scantill.checkout;

import app.scantill.checkout.ChargeState.AwaitingPayment;
import app.scantill.checkout.ChargeState.Beginning;
import app.scantill.checkout.ChargeState.BeginningAttempt;
import app.scantill.checkout.ChargeState.CardOnlyOffered;
import app.scantill.checkout.ChargeState.Cancelled;
import app.scantill.checkout.ChargeState.Cancelling;
import app.scantill.checkout.ChargeState.Checking;
import app.scantill.checkout.ChargeState.Creating;
import app.scantill.checkout.ChargeState.Expired;
import app.scantill.checkout.ChargeState.Failed;
import app.scantill.checkout.ChargeState.Idle;
import app.scantill.checkout.ChargeState.LookingUp;
import app.scantill.checkout.ChargeState.NeedsAttention;
import app.scantill.checkout.ChargeState.Paid;
import app.scantill.checkout.ChargeState.Recording;
import app.scantill.checkout.ChargeState.RecordingSession;
import app.scantill.checkout.ChargeState.Refused;
import app.scantill.checkout.ChargeState.Unrecorded;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every transition the charge flow may make, as data: from a state, on an event, to a state.
 * {@link ChargeFlow} refuses to make any other (a bug then ends the sale in NeedsAttention, journaled,
 * instead of in a state nobody designed). docs/charge-flow.md lists the same table; a test compares
 * the two, and another makes every transition happen.
 */
final class ChargeTransitions {

    /** Stands for any state: a new sale or a resumed one replaces whatever the register held. */
    static final String ANY = "*";

    /** One declared transition; states by their record's simple name, events by {@link ChargeEvent#label()}. */
    record Edge(String from, String event, String to) {
        @Override
        public String toString() {
            return from + " -> " + to + " : " + event;
        }
    }

    static final Set<Edge> DECLARED = declare(
            any("Start", Beginning.class),
            any("Resume", Creating.class),
            any("Resume", Checking.class),
            any("Resume", Cancelling.class),
            any("Resume", Expired.class),
            any("Resume", Paid.class),
            any("Resume", Cancelled.class),
            any("Resume", NeedsAttention.class),
            any("Unexpected", NeedsAttention.class),
            edge(Idle.class, "Unexpected", Idle.class),

            edge(Beginning.class, "Recorded(begin)", Creating.class),
            edge(Beginning.class, "RecordFailed(begin)", Failed.class),
            edge(Beginning.class, "Unexpected", Idle.class),

            edge(Creating.class, "Created", RecordingSession.class),
            edge(Creating.class, "Created", Cancelling.class),
            edge(Creating.class, "CreateFailed", Creating.class),
            edge(Creating.class, "CreateFailed", Failed.class),
            edge(Creating.class, "CreateFailed", LookingUp.class),
            edge(Creating.class, "CreateFailed", Refused.class),
            edge(Creating.class, "CreateFailed", CardOnlyOffered.class),
            edge(Creating.class, "RetryDue", Creating.class),
            edge(Creating.class, "Found", RecordingSession.class),
            edge(Creating.class, "Found", Cancelling.class),
            edge(Creating.class, "Found", Creating.class),
            edge(Creating.class, "FindFailed", Creating.class),
            edge(Creating.class, "FindFailed", Failed.class),
            edge(Creating.class, "FindFailed", NeedsAttention.class),
            edge(Creating.class, "Cancel", Creating.class),
            edge(Creating.class, "Recorded(CANCELLING)", Creating.class),
            edge(Creating.class, "RecordFailed(CANCELLING)", NeedsAttention.class),

            edge(LookingUp.class, "Found", RecordingSession.class),
            edge(LookingUp.class, "Found", Cancelling.class),
            edge(LookingUp.class, "Found", NeedsAttention.class),
            edge(LookingUp.class, "Found", Refused.class),
            edge(LookingUp.class, "Found", CardOnlyOffered.class),
            edge(LookingUp.class, "Found", BeginningAttempt.class),
            edge(LookingUp.class, "FindFailed", LookingUp.class),
            edge(LookingUp.class, "FindFailed", NeedsAttention.class),
            edge(LookingUp.class, "LookupDue", LookingUp.class),
            edge(LookingUp.class, "Cancel", LookingUp.class),

            edge(RecordingSession.class, "Recorded(session)", Checking.class),
            edge(RecordingSession.class, "Recorded(session)", AwaitingPayment.class),
            edge(RecordingSession.class, "Recorded(session)", Recording.class),
            edge(RecordingSession.class, "Recorded(session)", NeedsAttention.class),
            edge(RecordingSession.class, "Recorded(session)", RecordingSession.class),
            edge(RecordingSession.class, "RecordFailed(session)", Failed.class),
            edge(RecordingSession.class, "Recorded(CANCELLING)", Cancelling.class),
            edge(RecordingSession.class, "RecordFailed(CANCELLING)", NeedsAttention.class),

            edge(Refused.class, "Recorded(CANCELLED)", Cancelled.class),
            edge(Refused.class, "Recorded(CANCELLED)", Failed.class),
            edge(Refused.class, "RecordFailed(CANCELLED)", NeedsAttention.class),

            edge(CardOnlyOffered.class, "ChargeByCardOnly", BeginningAttempt.class),
            edge(CardOnlyOffered.class, "Cancel", CardOnlyOffered.class),
            edge(CardOnlyOffered.class, "Recorded(CANCELLED)", Cancelled.class),
            edge(CardOnlyOffered.class, "RecordFailed(CANCELLED)", NeedsAttention.class),

            edge(Checking.class, "Retrieved", AwaitingPayment.class),
            edge(Checking.class, "Retrieved", Recording.class),
            edge(Checking.class, "Retrieved", NeedsAttention.class),
            edge(Checking.class, "RetrieveFailed", Checking.class),
            edge(Checking.class, "RetrieveFailed", NeedsAttention.class),
            edge(Checking.class, "PollDue", Checking.class),
            edge(Checking.class, "StoreReported", Recording.class),
            edge(Checking.class, "StoreReported", NeedsAttention.class),
            edge(Checking.class, "Cancel", Checking.class),

            edge(AwaitingPayment.class, "Retrieved", AwaitingPayment.class),
            edge(AwaitingPayment.class, "Retrieved", Recording.class),
            edge(AwaitingPayment.class, "Retrieved", NeedsAttention.class),
            edge(AwaitingPayment.class, "RetrieveFailed", AwaitingPayment.class),
            edge(AwaitingPayment.class, "RetrieveFailed", NeedsAttention.class),
            edge(AwaitingPayment.class, "PollDue", AwaitingPayment.class),
            edge(AwaitingPayment.class, "StoreReported", Recording.class),
            edge(AwaitingPayment.class, "StoreReported", NeedsAttention.class),
            edge(AwaitingPayment.class, "WatchChanged", AwaitingPayment.class),
            edge(AwaitingPayment.class, "Cancel", AwaitingPayment.class),
            edge(AwaitingPayment.class, "Recorded(CANCELLING)", Cancelling.class),
            edge(AwaitingPayment.class, "RecordFailed(CANCELLING)", AwaitingPayment.class),

            edge(Recording.class, "Recorded(PAID)", Paid.class),
            edge(Recording.class, "Recorded(EXPIRED)", Expired.class),
            edge(Recording.class, "Recorded(CANCELLED)", Cancelled.class),
            edge(Recording.class, "Recorded(AWAITING_PAYMENT)", AwaitingPayment.class),
            edge(Recording.class, "RecordFailed(PAID)", Unrecorded.class),
            edge(Recording.class, "RecordFailed(PAID)", Cancelling.class),
            edge(Recording.class, "RecordFailed(EXPIRED)", Unrecorded.class),
            edge(Recording.class, "RecordFailed(CANCELLED)", Cancelling.class),
            edge(Recording.class, "RecordFailed(AWAITING_PAYMENT)", Unrecorded.class),

            edge(Unrecorded.class, "Retrieved", Recording.class),
            edge(Unrecorded.class, "Retrieved", NeedsAttention.class),
            edge(Unrecorded.class, "RetrieveFailed", Unrecorded.class),
            edge(Unrecorded.class, "RetrieveFailed", NeedsAttention.class),
            edge(Unrecorded.class, "PollDue", Unrecorded.class),

            edge(Cancelling.class, "ExpireAnswered", Recording.class),
            edge(Cancelling.class, "ExpireAnswered", Cancelling.class),
            edge(Cancelling.class, "ExpireAnswered", NeedsAttention.class),
            edge(Cancelling.class, "ExpireFailed", Cancelling.class),
            edge(Cancelling.class, "ExpireFailed", NeedsAttention.class),
            edge(Cancelling.class, "Retrieved", Recording.class),
            edge(Cancelling.class, "Retrieved", Cancelling.class),
            edge(Cancelling.class, "Retrieved", NeedsAttention.class),
            edge(Cancelling.class, "RetrieveFailed", Cancelling.class),
            edge(Cancelling.class, "RetrieveFailed", NeedsAttention.class),
            edge(Cancelling.class, "StoreReported", Recording.class),
            edge(Cancelling.class, "StoreReported", NeedsAttention.class),
            edge(Cancelling.class, "ExpireDue", Cancelling.class),
            edge(Cancelling.class, "CheckDue", Cancelling.class),

            edge(Expired.class, "NewAttempt", BeginningAttempt.class),
            edge(Expired.class, "Cancel", Expired.class),
            edge(Expired.class, "Recorded(CANCELLED)", Cancelled.class),
            edge(Expired.class, "RecordFailed(CANCELLED)", NeedsAttention.class),

            edge(BeginningAttempt.class, "Recorded(attempt)", Creating.class),
            edge(BeginningAttempt.class, "RecordFailed(attempt)", Failed.class),

            edge(Failed.class, "Retry", Creating.class),
            edge(Failed.class, "Cancel", Creating.class),
            edge(Failed.class, "NewAttempt", BeginningAttempt.class),
            edge(Failed.class, "Unexpected", Idle.class),
            edge(Failed.class, "TakeCash", ChargeState.TakingCash.class),
            edge(ChargeState.TakingCash.class, "TakenOverByCash", Idle.class),
            edge(ChargeState.TakingCash.class, "CashDeclined", Failed.class),

            edge(Paid.class, "Found", Paid.class),
            edge(Paid.class, "FindFailed", Paid.class),
            edge(Cancelled.class, "Found", Cancelled.class),
            edge(Cancelled.class, "FindFailed", Cancelled.class),

            edge(NeedsAttention.class, "Recorded(NEEDS_ATTENTION)", NeedsAttention.class),
            edge(NeedsAttention.class, "RecordFailed(NEEDS_ATTENTION)", NeedsAttention.class),
            edge(NeedsAttention.class, "NewAttempt", BeginningAttempt.class));

    private ChargeTransitions() {
    }

    static boolean declares(ChargeState from, ChargeEvent event, ChargeState to) {
        String label = event.label();
        String target = nameOf(to);
        return DECLARED.contains(new Edge(nameOf(from), label, target)) || DECLARED.contains(new Edge(ANY, label, target));
    }

    static void requireDeclared(ChargeState from, ChargeEvent event, ChargeState to) {
        if (!declares(from, event, to)) {
            throw new IllegalStateException("Undeclared charge transition " + new Edge(nameOf(from), event.label(),
                    nameOf(to)));
        }
    }

    static String nameOf(ChargeState state) {
        return state.getClass().getSimpleName();
    }

    private static Edge edge(Class<? extends ChargeState> from, String event, Class<? extends ChargeState> to) {
        return new Edge(from.getSimpleName(), event, to.getSimpleName());
    }

    private static Edge any(String event, Class<? extends ChargeState> to) {
        return new Edge(ANY, event, to.getSimpleName());
    }

    private static Set<Edge> declare(Edge... edges) {
        Set<Edge> all = new LinkedHashSet<>(List.of(edges));
        if (all.size() != edges.length) {
            throw new IllegalStateException("a transition is declared twice");
        }
        return java.util.Collections.unmodifiableSet(all);
    }
}
