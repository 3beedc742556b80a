package app.scantill.journal;

import app.scantill.money.Money;
import app.scantill.money.MoneyFormat;
import app.scantill.sale.CashTender;
import app.scantill.sale.Sale;
import app.scantill.sale.AppliedDiscount;
import app.scantill.sale.SaleDiscounts;
import app.scantill.sale.SaleLine;
import app.scantill.sale.SaleState;
import app.scantill.text.Texts;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * The decisions every {@link SalesJournal} makes the same way, whatever it stores into: argument
 * checks, which moves a sale may make, when a repeated call is a harmless retry, and what its history
 * says. An implementation reads the sale, asks here, and writes what the answer says in the same
 * transaction, so the SQLite journal, the in-memory one of the tests and any later one cannot drift
 * apart; {@code SalesJournalContract} checks that they do not.
 */
final class JournalRules {

    private static final System.Logger LOG = System.getLogger(JournalRules.class.getName());

    /** Stripe's limit for an {@code Idempotency-Key}. */
    static final int MAX_KEY_LENGTH = 255;

    /** What {@code recordSession} does to a sale. */
    enum SessionStep {
        /** The same session is recorded already: a retry, nothing to write. */
        UNCHANGED,
        /** Cancelled while the create call was in flight: keep the session (to expire it) and the state. */
        RECORD_WHILE_CANCELLING,
        /** Record the session and move to {@link SaleState#AWAITING_PAYMENT}. */
        RECORD_AND_AWAIT_PAYMENT
    }

    /** What {@code markPaid} does to a sale. */
    enum PaymentStep {
        /** Paid already with this payment (or one not named): nothing to write. */
        UNCHANGED,
        /** Paid already; the intent or method was not known then and is now: fill it in, no history entry. */
        FILL_IN,
        /** Not paid yet: record the payment and move to {@link SaleState#PAID}. */
        PAY
    }

    private JournalRules() {
    }

    /**
     * Checks what {@code begin} is given before anything is written.
     *
     * @return the sale's total in minor units
     * @throws IllegalArgumentException for a blank id, register or key, a key over 255 characters or no lines
     * @throws ArithmeticException when the lines' total does not fit a {@code long}
     */
    static long checkBegin(String saleId, String registerId, Currency currency, List<SaleLine> lines, String key) {
        requireText(saleId, "saleId");
        requireText(registerId, "registerId");
        checkKey(key);
        Objects.requireNonNull(currency, "currency");
        if (lines == null || lines.isEmpty()) {
            throw new IllegalArgumentException("a sale needs at least one line");
        }
        long total = 0;
        for (SaleLine line : lines) {
            total = Math.addExact(total, line.chargedMinor());
        }
        return total;
    }

    /** Every discount on a line the sale has, and no line discounted by less than its own discount took. */
    static void checkDiscounts(List<SaleLine> lines, SaleDiscounts discounts) {
        Objects.requireNonNull(discounts, "discounts");
        for (AppliedDiscount d : discounts.entries()) {
            if (d.lineNo() > lines.size()) {
                throw new IllegalArgumentException("a discount on line " + d.lineNo() + " of a sale with "
                        + lines.size() + " lines");
            }
            if (!d.onCart() && d.amountMinor() > lines.get(d.lineNo() - 1).discountMinor()) {
                throw new IllegalArgumentException("line " + d.lineNo() + " is discounted by less than its discount");
            }
        }
    }

    static void checkKey(String key) {
        requireText(key, "idempotencyKey");
        if (key.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("idempotency key longer than " + MAX_KEY_LENGTH + " characters");
        }
    }

    static void checkSessionId(String sessionId) {
        requireText(sessionId, "sessionId");
    }

    static void requireMove(Sale current, SaleState to) {
        if (!current.state().canMoveTo(to)) {
            throw new IllegalTransitionException(current.id(), current.state(), to);
        }
    }

    /**
     * Decides {@code newAttempt}: a call with the current attempt's key while the sale is still
     * CHARGING is the retry of a call that already committed.
     *
     * @return true for such a retry (nothing to write), false when a new attempt is to be written
     * @throws IllegalTransitionException when the sale cannot go back to CHARGING
     */
    static boolean isRetriedAttempt(Sale current, String key) {
        if (current.state() == SaleState.CHARGING && key.equals(current.idempotencyKey())) {
            return true;
        }
        requireMove(current, SaleState.CHARGING);
        return false;
    }

    /**
     * Decides {@code replaceAttempt}: the same key again is the retry of a call that already committed; a new
     * key needs a CHARGING sale whose current attempt has no session.
     *
     * @return true for such a retry (nothing to write), false when the next attempt is to be written
     */
    static boolean isRetriedReplacement(Sale current, String key) {
        if (current.state() == SaleState.CHARGING && key.equals(current.idempotencyKey())) {
            return true;
        }
        if (current.state() != SaleState.CHARGING) {
            throw new IllegalTransitionException(current.id(), current.state(), SaleState.CHARGING);
        }
        if (current.sessionId() != null) {
            throw new JournalException("Sale " + current.id() + " attempt " + current.attempt() + " has session "
                    + current.sessionId() + "; it cannot be replaced by a new attempt");
        }
        return false;
    }

    static String replacedAttemptNote(int attempt, String why) {
        return attemptNote(attempt) + ": " + why;
    }

    /**
     * Decides {@code recordSession}. The same session again changes nothing, whatever the state
     * (a replay after a restart); a second, different session for one attempt is refused.
     *
     * @throws JournalException when the current attempt already has another session
     * @throws IllegalTransitionException when the sale cannot await payment
     */
    static SessionStep recordSession(Sale current, String sessionId) {
        if (current.sessionId() != null) {
            if (current.sessionId().equals(sessionId)) {
                return SessionStep.UNCHANGED;
            }
            throw new JournalException("Sale " + current.id() + " attempt " + current.attempt()
                    + " already has session " + current.sessionId() + "; " + sessionId + " was not recorded");
        }
        if (current.state() == SaleState.CANCELLING) {
            return SessionStep.RECORD_WHILE_CANCELLING;
        }
        requireMove(current, SaleState.AWAITING_PAYMENT);
        return SessionStep.RECORD_AND_AWAIT_PAYMENT;
    }

    /**
     * Decides {@code markPaid}. A sale is paid once: the same payment again, or one whose intent is
     * not known, is a retry; a different payment intent is real money that needs a person.
     *
     * @throws ConflictingPaymentException when the sale is paid with a different payment intent
     * @throws IllegalTransitionException when the sale's state does not allow payment
     */
    static PaymentStep markPaid(Sale current, String paymentIntentId, String paymentMethod) {
        if (current.state() != SaleState.PAID) {
            requireMove(current, SaleState.PAID);
            return PaymentStep.PAY;
        }
        String recorded = current.paymentIntentId();
        if (recorded != null && paymentIntentId != null && !recorded.equals(paymentIntentId)) {
            LOG.log(System.Logger.Level.ERROR, "Sale {0}: second payment {1} reported, already paid with {2}",
                    current.id(), paymentIntentId, recorded);
            throw new ConflictingPaymentException(current.id(), recorded, paymentIntentId);
        }
        boolean fillIntent = recorded == null && paymentIntentId != null;
        boolean fillMethod = current.paymentMethod() == null && paymentMethod != null;
        return fillIntent || fillMethod ? PaymentStep.FILL_IN : PaymentStep.UNCHANGED;
    }

    /** What a paid sale keeps of a payment field: what it had, else what is offered now. */
    static String kept(String recorded, String offered) {
        return recorded != null ? recorded : offered;
    }

    // ---- what the history says ----

    static String attemptNote(int attempt) {
        return "attempt " + attempt;
    }

    static String sessionNote(String sessionId) {
        return "session " + sessionId;
    }

    static String paidNote(String note, String paymentIntentId) {
        return note != null ? note : paymentIntentId != null ? "paid " + paymentIntentId : "paid";
    }

    // ---- refusals that need a look at what is stored ----

    /** The history entry of a cash sale: what was handed over and given back. */
    static String cashNote(CashTender tender, Currency currency) {
        return "paid in cash: tendered " + MoneyFormat.plain(Money.of(tender.tenderedMinor(), currency)) + ", change "
                + MoneyFormat.plain(Money.of(tender.changeMinor(), currency)) + " " + currency.getCurrencyCode()
                + (tender.replacesSaleId() == null ? "" : ", instead of card attempt " + tender.replacesSaleId());
    }

    static String takenOverNote(String cashSaleId) {
        return "Stripe could not be reached: taken over by cash sale " + cashSaleId
                + "; the card attempt is expired once Stripe answers";
    }

    /**
     * A card attempt may be taken over by one cash sale, while no money is known to have reached it.
     *
     * @throws JournalException when it is paid already, or another cash sale took it over
     */
    static void checkTakeOver(Sale card, boolean takenOverAlready) {
        if (takenOverAlready) {
            throw new JournalException("Sale " + card.id() + " was taken over by another cash sale already");
        }
        if (card.state() == SaleState.PAID) {
            throw new JournalException("Sale " + card.id() + " is paid by card already: it cannot be taken in cash");
        }
    }

    /** Whether the card attempt must be cancelled: money may still reach it (it is not cancelled or expired yet). */
    static boolean takeOverCancels(Sale card) {
        return card.state().canMoveTo(SaleState.CANCELLING);
    }

    static JournalException saleExists(String saleId) {
        return new JournalException("Sale " + saleId + " is already in the journal; nothing was written");
    }

    static JournalException unknownSale(String saleId) {
        return new JournalException("Sale " + saleId + " is not in the journal");
    }

    static JournalException keyInUse(String key, String saleId, int attempt) {
        return new JournalException("Idempotency key " + key + " is already used by sale " + saleId + " attempt "
                + attempt + "; nothing was written");
    }

    static JournalException sessionInUse(String sessionId, String saleId, int attempt) {
        return new JournalException("Session " + sessionId + " is already recorded for sale " + saleId
                + " attempt " + attempt + "; it was not recorded again");
    }

    static JournalException closed(String action) {
        return new JournalException("Could not " + action + ": the sales journal is closed");
    }

    private static void requireText(String value, String what) {
        if (Texts.isBlank(value)) {
            throw new IllegalArgumentException(what + " is empty");
        }
    }
}
