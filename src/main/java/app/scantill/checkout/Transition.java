package app.scantill.checkout;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The answer of {@link ChargeFlow} to one event: the next state and the effects to perform, in order.
 * At most one effect asks the journal or Stripe, and it comes last: nothing else happens until its
 * answer is known (write-ahead: the journal before Stripe, Stripe's answer before the screen).
 */
record Transition(ChargeState next, List<ChargeEffect> effects) {

    Transition {
        Objects.requireNonNull(next, "next");
        effects = List.copyOf(effects);
        for (int i = 0; i < effects.size() - 1; i++) {
            if (effects.get(i).awaitsAnswer()) {
                throw new IllegalArgumentException("only the last effect may await an answer: " + effects);
            }
        }
    }

    static Transition to(ChargeState next, ChargeEffect... effects) {
        return new Transition(next, List.of(effects));
    }

    /** Nothing to do: the event does not apply to this state. */
    static Transition ignore(ChargeState state) {
        return new Transition(state, List.of());
    }

    /** Whether this is the "nothing to do" answer for {@code from}. */
    boolean ignores(ChargeState from) {
        return effects.isEmpty() && next.equals(from);
    }

    /** The same transition with {@code first} performed before its own effects. */
    Transition after(ChargeEffect... first) {
        List<ChargeEffect> all = new ArrayList<>(List.of(first));
        all.addAll(effects);
        return new Transition(next, all);
    }

    /** The same transition with {@code last} performed after its own effects. */
    Transition andThen(ChargeEffect... last) {
        List<ChargeEffect> all = new ArrayList<>(effects);
        all.addAll(List.of(last));
        return new Transition(next, all);
    }
}
