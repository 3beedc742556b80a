package app.scantill.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StripeKeyTest {

    private static final String LIVE_RESTRICTED = "rk_" + "live_" + "51Hx9ZpQabcdefghijklmnopqrstuvwxyz0123W9z1";

    @Test
    void secretTestKeyIsTestModeSecretKind() {
        StripeKey key = StripeKey.parse("  sk_test_FAKEscantillTestKey01p7dc\n");

        assertThat(key.mode()).isEqualTo(StripeKey.Mode.TEST);
        assertThat(key.kind()).isEqualTo(StripeKey.Kind.SECRET);
        assertThat(key.revealForClient()).isEqualTo("sk_test_FAKEscantillTestKey01p7dc");
    }

    @Test
    void restrictedLiveKeyIsLiveModeAndShowsOnlyItsLastFour() {
        StripeKey key = StripeKey.parse(LIVE_RESTRICTED);

        assertThat(key.mode()).isEqualTo(StripeKey.Mode.LIVE);
        assertThat(key.kind()).isEqualTo(StripeKey.Kind.RESTRICTED);
        assertThat(key.last4()).isEqualTo("W9z1");
        assertThat(key.toString()).isEqualTo("rk_live_...W9z1").doesNotContain(LIVE_RESTRICTED.substring(8, 20));
    }

    @ParameterizedTest
    @ValueSource(strings = {"pk_test_FAKEscantillPublishabI7jx", "pk_live_51Hx9ZpQabcdefghijklmnop"})
    void publishableKeyIsRejectedBecauseItCannotCreateSessions(String publishable) {
        Throwable t = catchThrowable(() -> StripeKey.parse(publishable));

        assertThat(t).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a publishable key (pk_...) cannot create Checkout Sessions");
        assertThat(t.getMessage()).doesNotContain(publishable);
    }

    @ParameterizedTest
    @ValueSource(strings = {"hello", "sk_prod_abcdef123456", "sk_test_abc def", "FAKEscantillTestKey01p7dc",
            "whsec_abcdefghijk", "\"sk_test_FAKEscantillTestKey01p7dc\"", "SK_TEST_FAKEscantillTestKey01p7dc"})
    void anythingElseIsRejectedWithoutRepeatingIt(String garbage) {
        Throwable t = catchThrowable(() -> StripeKey.parse(garbage));

        assertThat(t).isInstanceOf(IllegalArgumentException.class);
        assertThat(t.getMessage()).doesNotContain(garbage.strip()).isNotBlank();
    }

    @Test
    void sandboxKeyIsAcceptedAndRedactedWhole() {
        String sandboxKey = "sk_test_sbx_Q2w9Er7tYu1iOp3aSd5fGh8jKl4zXc6v";

        assertThat(StripeKey.parse(sandboxKey).mode())
                .isEqualTo(StripeKey.parse("sk_test_FAKEscantillTestKey01p7dc").mode());
        assertThat(StripeKey.redactAll("key " + sandboxKey + " sent")).isEqualTo("key sk_test_...Xc6v sent");
    }

    @Test
    void emptyKeyIsRejected() {
        assertThatThrownBy(() -> StripeKey.parse("   ")).hasMessageContaining("empty");
    }

    @Test
    void redactAllScrubsEveryKeyShapeInText() {
        String text = "sent sk_test_FAKEscantillTestKey01p7dc and " + LIVE_RESTRICTED + " and pk_test_FAKEscantillPublishabI7jx";

        assertThat(StripeKey.redactAll(text))
                .isEqualTo("sent sk_test_...p7dc and rk_live_...W9z1 and pk_test_...I7jx");
    }
}
