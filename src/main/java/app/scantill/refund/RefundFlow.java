package app.scantill.refund;

import app.scantill.checkout.GatewayException;
import app.scantill.i18n.Message;
import app.scantill.journal.RefundRefusedException;
import app.scantill.money.Money;
import app.scantill.refund.RefundEffect.Begin;
import app.scantill.refund.RefundEffect.Find;
import app.scantill.refund.RefundEffect.Later;
import app.scantill.refund.RefundEffect.Publish;
import app.scantill.refund.RefundEffect.RecordStatus;
import app.scantill.refund.RefundEffect.Retrieve;
import app.scantill.refund.RefundEffect.Send;
import app.scantill.refund.RefundEvent.Answered;
import app.scantill.refund.RefundEvent.Due;
import app.scantill.refund.RefundEvent.FindFailed;
import app.scantill.refund.RefundEvent.Found;
import app.scantill.refund.RefundEvent.JournalFailed;
import app.scantill.refund.RefundEvent.Journaled;
import app.scantill.refund.RefundEvent.Read;
import app.scantill.refund.RefundEvent.ReadFailed;
import app.scantill.refund.RefundEvent.Resume;
import app.scantill.refund.RefundEvent.SendFailed;
import app.scantill.refund.RefundEvent.Start;
import app.scantill.refund.RefundProgress.Phase;
import app.scantill.refund.RefundState.Done;
import app.scantill.refund.RefundState.Following;
import app.scantill.refund.RefundState.Journaling;
import app.scantill.refund.RefundState.LookingUp;
import app.scantill.refund.RefundEffect.Reserve;
import app.scantill.refund.RefundEvent.ReserveAnswered;
import app.scantill.refund.RefundEvent.ReserveFailed;
import app.scantill.refund.RefundState.Recording;
import app.scantill.refund.RefundState.Reserving;
import app.scantill.refund.RefundState.Sending;
import app.scantill.refund.RefundState.Stopped;
import app.scantill.sale.Refund;
import app.scantill.sale.RefundStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Decides every step of one refund: given its state and what happened, the next state and the effects.
 * It touches no journal, network, clock or thread, so each transition is tested as a plain call
 * ({@code RefundFlowTest}); {@link RefundService} performs the effects.
 *
 * <p>The main path: Start → Journaling →(journaled) Sending →(Stripe's answer) Recording →(journaled)
 * Done, or Following while Stripe says pending, read again until final. After a restart, Resume takes a
 * journaled refund up where it stood: one still REQUESTED is sent again under its key (Stripe answers a
 * replay with the same refund) or, when the key may be forgotten, looked up by its payment intent first;
 * one pending at Stripe is read again. A refund the store decides (docs/adr/0122: another register's sale, or one
 * whose refunds were handed to the store) is reserved in the store ledger before every first send: Journaled or
 * Resume lead to Reserving instead of Sending.
 *
 * <p>Table of transitions (anything else leaves the state as it is and does nothing):
 * <pre>
 * (any)      Start            Journaling   journal the order first
 * (any)      Resume           Sending | Reserving | LookingUp | Following | Done   as the journal holds it
 * Journaling Journaled        Sending      the request is built from the journaled refund and sent
 * Journaling Journaled        Reserving    the store decides: reserve it in the ledger first
 * Journaling JournalFailed    Stopped      refused (more than is left, ...) or not written: Stripe never asked
 * Reserving  ReserveAnswered  Sending      reserved: sent now, under its key
 * Reserving  ReserveAnswered  Reserving    the sale's register is handing its refunds over: asked again later
 * Reserving  ReserveAnswered  Recording    it did not within the patience: REFUSED is journaled, nothing sent
 * Reserving  ReserveFailed    Recording    the ledger refused it, or (started now) could not be reached: REFUSED
 * Reserving  ReserveFailed    Stopped      (taken up again) the ledger could not be reached: waits, resumable
 * Reserving  Due              Reserving    ask the ledger again
 * Sending    Answered         Recording    Stripe's refund is journaled before anyone hears of it
 * Sending    SendFailed       Sending      transient, tries left: sent again with the same key after a wait
 * Sending    SendFailed       Stopped      transient, out of tries: waits as journaled (resumable)
 * Sending    SendFailed       LookingUp    idempotency_error: the refund may exist
 * Sending    SendFailed       Recording    Stripe refused: REFUSED is journaled
 * Sending    Due              Sending      the same request again
 * LookingUp  Found            Recording    this refund was at Stripe
 * LookingUp  Found            Sending | Reserving   not at Stripe: sent now, under its key (reserved first)
 * LookingUp  FindFailed       LookingUp | Stopped
 * LookingUp  Due              LookingUp    look again
 * Recording  Journaled        Done | Following | Stopped(refused)
 * Recording  JournalFailed    Stopped      resumable: recovery reads Stripe again
 * Following  Due              Following    read the refund
 * Following  Read             Following | Recording   unchanged: read later (less often); changed: journal it
 * Following  ReadFailed       Following | Stopped
 * </pre>
 */
final class RefundFlow {

    /** The failure reason journaled for a refund refused because the store ledger could not be reached. */
    static final String STORE_UNREACHABLE = "store_ledger_unreachable";

    private final RefundSettings settings;

    RefundFlow(RefundSettings settings) {
        this.settings = settings;
    }

    RefundTransition next(RefundState state, RefundEvent event, Instant now) {
        if (event instanceof Start start) {
            Money amount = start.amount();
            return RefundTransition.to(new Journaling(start.order(), amount),
                    publish(start.order().refundId(), start.order().saleId(), Phase.RECORDING, amount,
                            RefundWording.recording(amount)),
                    new Begin(start.order(), start.soldElsewhere()));
        }
        if (event instanceof Resume resume) {
            return resume(resume.refund(), now);
        }
        if (state instanceof Journaling journaling) {
            return fromJournaling(journaling, event, now);
        }
        if (state instanceof Reserving reserving) {
            return fromReserving(reserving, event, now);
        }
        if (state instanceof Sending sending) {
            return fromSending(sending, event);
        }
        if (state instanceof LookingUp lookingUp) {
            return fromLookingUp(lookingUp, event, now);
        }
        if (state instanceof Recording recording) {
            return fromRecording(recording, event);
        }
        if (state instanceof Following following) {
            return fromFollowing(following, event);
        }
        return RefundTransition.to(state);
    }

    // ------------------------------------------------------------ per state

    private RefundTransition resume(Refund r, Instant now) {
        if (r.status().isFinal()) {
            return RefundTransition.to(new Done(r), publish(r, phaseOf(r.status()), RefundWording.of(r)));
        }
        if (r.status() == RefundStatus.REQUESTED) {
            // Stripe keeps an idempotency key at least 24 hours: within that a replay is safe; later, look first.
            if (Duration.between(r.createdAt(), now).compareTo(settings.replayWindow()) < 0) {
                return toStripe(r, false, now);
            }
            return RefundTransition.to(new LookingUp(r, 1),
                    publish(r, Phase.SENDING, RefundWording.checking(r.amount())), new Find(r.paymentIntentId()));
        }
        return RefundTransition.to(new Following(r, 0, 0), publish(r, phaseOf(r.status()), RefundWording.of(r)),
                new Retrieve(r.stripeRefundId()));
    }

    private RefundTransition fromJournaling(Journaling s, RefundEvent event, Instant now) {
        if (event instanceof Journaled journaled) {
            return toStripe(journaled.refund(), true, now);
        }
        if (event instanceof JournalFailed failed) {
            Message why = failed.failure() instanceof RefundRefusedException refused
                    ? RefundWording.refusedByJournal(refused) : RefundWording.notJournaled();
            return RefundTransition.to(new Stopped(null, why, false),
                    publish(s.order().refundId(), s.order().saleId(), Phase.REFUSED, s.amount(), why));
        }
        return RefundTransition.to(s);
    }

    private RefundTransition fromReserving(Reserving s, RefundEvent event, Instant now) {
        Refund r = s.refund();
        if (event instanceof ReserveAnswered answered) {
            RefundReservations.Reservation a = answered.answer();
            if (a.reserved()) {
                return send(r, 1);
            }
            if (Duration.between(s.since(), now).compareTo(settings.handoverPatience()) >= 0) {
                // The sale's register did not hand its refunds over: it is not connected, and only it knows
                // whether it refunded the sale meanwhile. Nothing was reserved, so nothing was sent.
                return refuse(r, new RefundRefusedException("Register " + a.seller() + " did not hand the refunds of "
                        + r.saleId() + " to the store", RefundRefusedException.Why.SELLER_AWAY, null, a.seller()));
            }
            Reserving next = new Reserving(r, s.fresh(), s.since(), true);
            return s.waiting() ? RefundTransition.to(next, new Later(settings.handoverPoll()))
                    : RefundTransition.to(next, publish(r, Phase.RESERVING, RefundWording.handover(r.amount(),
                            a.seller())), new Later(settings.handoverPoll()));
        }
        if (event instanceof Due) {
            return RefundTransition.to(s, new Reserve(r));
        }
        if (event instanceof ReserveFailed failed) {
            if (failed.failure() instanceof RefundRefusedException refused) {
                return refuse(r, refused);
            }
            if (s.fresh()) {
                return RefundTransition.to(new Recording(r, null, RefundWording.storeUnreachable()),
                        new RecordStatus(r.id(), null, RefundStatus.REFUSED, STORE_UNREACHABLE));
            }
            return stop(r, RefundWording.storeUnreachableWaiting(r.amount()));
        }
        return RefundTransition.to(s);
    }

    private RefundTransition fromSending(Sending s, RefundEvent event) {
        Refund r = s.refund();
        if (event instanceof Answered answered) {
            return record(r, answered.refund());
        }
        if (event instanceof RefundEvent.Due) {
            return RefundTransition.to(s, new Send(RefundRequest.of(r)));
        }
        if (event instanceof SendFailed failed) {
            GatewayException e = failed.failure();
            if (e.isTransient()) {
                if (s.tries() < settings.sendTries()) {
                    return RefundTransition.to(new Sending(r, s.tries() + 1),
                            publish(r, Phase.SENDING, RefundWording.retrying(r.amount())),
                            new Later(settings.backoff(s.tries(), e.retryAfter())));
                }
                return stop(r, RefundWording.unreachable(r.amount()));
            }
            if (e.kind() == GatewayException.Kind.IDEMPOTENCY) {
                return RefundTransition.to(new LookingUp(r, 1),
                        publish(r, Phase.SENDING, RefundWording.checking(r.amount())), new Find(r.paymentIntentId()));
            }
            Message why = RefundWording.refusedByStripe(e);
            return RefundTransition.to(new Recording(r, null, why),
                    new RecordStatus(r.id(), null, RefundStatus.REFUSED, e.code().orElse(e.kind().name())));
        }
        return RefundTransition.to(s);
    }

    private RefundTransition fromLookingUp(LookingUp s, RefundEvent event, Instant now) {
        Refund r = s.refund();
        if (event instanceof Found found) {
            Optional<RefundSnapshot> mine = found.refunds().stream().filter(f -> f.belongsTo(r.id())).findFirst();
            return mine.isPresent() ? record(r, mine.get()) : toStripe(r, false, now);
        }
        if (event instanceof Due) {
            return RefundTransition.to(s, new Find(r.paymentIntentId()));
        }
        if (event instanceof FindFailed failed) {
            if (failed.failure().isTransient() && s.tries() < settings.sendTries()) {
                return RefundTransition.to(new LookingUp(r, s.tries() + 1),
                        new Later(settings.backoff(s.tries(), failed.failure().retryAfter())));
            }
            return stop(r, failed.failure().isTransient() ? RefundWording.unreachable(r.amount())
                    : RefundWording.refusedByStripe(failed.failure()));
        }
        return RefundTransition.to(s);
    }

    private RefundTransition fromRecording(Recording s, RefundEvent event) {
        if (event instanceof Journaled journaled) {
            Refund r = journaled.refund();
            if (r.status() == RefundStatus.REFUSED) {
                Message why = s.refusal() != null ? s.refusal() : RefundWording.of(r);
                return RefundTransition.to(new Stopped(r, why, false), publish(r, Phase.REFUSED, why));
            }
            if (r.status().isFinal()) {
                return RefundTransition.to(new Done(r), publish(r, phaseOf(r.status()), RefundWording.of(r)));
            }
            return RefundTransition.to(new Following(r, 0, 0), publish(r, phaseOf(r.status()), RefundWording.of(r)),
                    new Later(settings.followInterval(0)));
        }
        if (event instanceof JournalFailed) {
            return stop(s.refund(), RefundWording.unrecorded(s.refund().amount()));
        }
        return RefundTransition.to(s);
    }

    private RefundTransition fromFollowing(Following s, RefundEvent event) {
        Refund r = s.refund();
        if (event instanceof Due) {
            return RefundTransition.to(s, new Retrieve(r.stripeRefundId()));
        }
        if (event instanceof Read read) {
            if (read.refund().status() != r.status()) {
                return record(r, read.refund());
            }
            int reads = s.reads() + 1;
            return RefundTransition.to(new Following(r, reads, 0), new Later(settings.followInterval(reads)));
        }
        if (event instanceof ReadFailed failed) {
            if (failed.failure().isTransient()) {
                int failures = s.failures() + 1;
                return RefundTransition.to(new Following(r, s.reads(), failures),
                        new Later(settings.backoff(failures, failed.failure().retryAfter())));
            }
            return stop(r, RefundWording.refusedByStripe(failed.failure()));
        }
        return RefundTransition.to(s);
    }

    // ------------------------------------------------------------ pieces

    /**
     * A journaled refund on its way to Stripe: sent at once when its register's journal decided it, reserved in the
     * store ledger first when the store decides it (docs/adr/0122).
     */
    private RefundTransition toStripe(Refund r, boolean fresh, Instant now) {
        if (!r.storeDecides()) {
            return send(r, 1);
        }
        return RefundTransition.to(new Reserving(r, fresh, now, false),
                publish(r, Phase.RESERVING, RefundWording.reserving(r.amount())), new Reserve(r));
    }

    /** The store ledger refused the refund: REFUSED is journaled (nothing went to Stripe), then the screen hears why. */
    private static RefundTransition refuse(Refund r, RefundRefusedException refused) {
        return RefundTransition.to(new Recording(r, null, RefundWording.refusedByJournal(refused)),
                new RecordStatus(r.id(), null, RefundStatus.REFUSED,
                        "store_" + refused.why().name().toLowerCase(java.util.Locale.ROOT)));
    }

    private RefundTransition send(Refund r, int tries) {
        return RefundTransition.to(new Sending(r, tries), publish(r, Phase.SENDING, RefundWording.sending(r.amount())),
                new Send(RefundRequest.of(r)));
    }

    /** Stripe's word on the refund, journaled before the screen hears it. */
    private static RefundTransition record(Refund r, RefundSnapshot answer) {
        return RefundTransition.to(new Recording(r, answer, null),
                new RecordStatus(r.id(), answer.id(), answer.status(), answer.failureReason()));
    }

    private static RefundTransition stop(Refund r, Message why) {
        return RefundTransition.to(new Stopped(r, why, true),
                new Publish(new RefundProgress(r.id(), r.saleId(), Phase.STOPPED, r.amount(), why, true)));
    }

    private static Publish publish(Refund r, Phase phase, Message message) {
        return new Publish(new RefundProgress(r.id(), r.saleId(), phase, r.amount(), message, false));
    }

    private static Publish publish(String refundId, String saleId, Phase phase, Money amount, Message message) {
        return new Publish(new RefundProgress(refundId, saleId, phase, amount, message, false));
    }

    static Phase phaseOf(RefundStatus status) {
        return switch (status) {
            case REQUESTED -> Phase.SENDING;
            case PENDING -> Phase.PENDING;
            case REQUIRES_ACTION -> Phase.REQUIRES_ACTION;
            case SUCCEEDED -> Phase.SUCCEEDED;
            case FAILED -> Phase.FAILED;
            case CANCELED -> Phase.CANCELED;
            case REFUSED -> Phase.REFUSED;
        };
    }
}
