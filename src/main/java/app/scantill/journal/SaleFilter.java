package app.scantill.journal;

import app.scantill.i18n.Message;
import app.scantill.sale.Sale;
import app.scantill.sale.SaleState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Which sales a history list shows: all, one state, or those needing attention. Its {@link #toString()}
 * is the label a person sees in a picker.
 */
public final class SaleFilter {

    /**
     * A sale that is still unresolved after this long since its last change has been lost track of
     * (the till crashed and recovery could not settle it): a person should look. Checkout sessions
     * at the counter live for minutes, so an hour is far beyond any normal sale.
     */
    public static final Duration UNRESOLVED_AFTER = Duration.ofHours(1);

    public static final SaleFilter ALL = new SaleFilter("All sales", null, false);
    public static final SaleFilter NEEDS_ATTENTION = new SaleFilter("Needs attention", null, true);

    private final String label;
    private final SaleState state;
    private final boolean attention;

    private SaleFilter(String label, SaleState state, boolean attention) {
        this.label = label;
        this.state = state;
        this.attention = attention;
    }

    public static SaleFilter inState(SaleState state) {
        return new SaleFilter(label(state), Objects.requireNonNull(state, "state"), false);
    }

    /** All, needs attention, then one per state (NEEDS_ATTENTION is covered by the attention filter). */
    public static List<SaleFilter> choices() {
        List<SaleFilter> choices = new ArrayList<>(List.of(ALL, NEEDS_ATTENTION));
        for (SaleState s : SaleState.values()) {
            if (s != SaleState.NEEDS_ATTENTION) {
                choices.add(inState(s));
            }
        }
        return List.copyOf(choices);
    }

    /** The filter's name for people, in any language: "All sales", "Needs attention", or the state's name. */
    public Message label() {
        return state != null ? state.label() : Message.of(attention ? "history.filter.attention" : "history.filter.all");
    }

    public boolean matches(Sale sale, Instant now) {
        if (attention) {
            return needsAttention(sale, now);
        }
        return state == null || sale.state() == state;
    }

    /**
     * A sale needs a person when it says so, or when money may still arrive for it (see
     * {@link SaleState#needsReconciliation()}) yet its session has expired or it has not moved for
     * {@link #UNRESOLVED_AFTER}.
     */
    public static boolean needsAttention(Sale sale, Instant now) {
        if (sale.state() == SaleState.NEEDS_ATTENTION) {
            return true;
        }
        if (!sale.state().needsReconciliation()) {
            return false;
        }
        boolean expired = sale.sessionExpiresAt() != null && now.isAfter(sale.sessionExpiresAt());
        return expired || sale.updatedAt().plus(UNRESOLVED_AFTER).isBefore(now);
    }

    /** A person-readable name for a state, e.g. "Awaiting payment". */
    public static String label(SaleState state) {
        String words = state.name().replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SaleFilter f && f.state == state && f.attention == attention;
    }

    @Override
    public int hashCode() {
        return Objects.hash(state, attention);
    }

    @Override
    public String toString() {
        return label;
    }
}
