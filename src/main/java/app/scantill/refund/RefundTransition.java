package app.scantill.refund;

import java.util.List;
import java.util.Objects;

/** The next state of a refund's flow and the effects to perform, in order; only the last may await an answer. */
record RefundTransition(RefundState next, List<RefundEffect> effects) {

    RefundTransition {
        Objects.requireNonNull(next, "next");
        effects = List.copyOf(effects);
        for (int i = 0; i < effects.size() - 1; i++) {
            if (effects.get(i).awaitsAnswer()) {
                throw new IllegalArgumentException("only the last effect may await an answer: " + effects);
            }
        }
    }

    static RefundTransition to(RefundState next, RefundEffect... effects) {
        return new RefundTransition(next, List.of(effects));
    }
}
