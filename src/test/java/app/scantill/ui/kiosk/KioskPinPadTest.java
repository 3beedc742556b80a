package app.scantill.ui.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import app.scantill.config.ManagerPin;
import app.scantill.i18n.Translator;
import app.scantill.journal.MutableClock;
import app.scantill.ui.support.CurrentThreadUiExecutor;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The kiosk's PIN pad: dots, never digits; the right PIN leaves; five wrong ones lock it for a minute. */
class KioskPinPadTest {

    private static final ManagerPin PIN = ManagerPin.hash("2468".toCharArray());

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T09:00:00Z"));
    private final AtomicInteger left = new AtomicInteger();
    private final KioskPinPad pad = new KioskPinPad(Optional.of(PIN), new CurrentThreadUiExecutor(),
            Translator.forLocale(Locale.ENGLISH, java.time.ZoneOffset.UTC), clock, left::incrementAndGet);

    @Test
    void theRightPinLeavesAndNothingOfItStays() {
        pad.open();
        type("2468");
        assertThat(pad.dotsProperty().get()).isEqualTo("\u2022\u2022\u2022\u2022");
        pad.enter();
        assertThat(left).hasValue(1);
        assertThat(pad.shownProperty().get()).isFalse();
        assertThat(pad.dotsProperty().get()).isEmpty();
    }

    @Test
    void fiveWrongPinsLockThePadForAMinuteEvenForTheRightOne() {
        pad.open();
        for (int i = 0; i < KioskPinPad.TRIES; i++) {
            type("1111");
            pad.enter();
        }
        assertThat(pad.messageProperty().get()).startsWith("Too many wrong PINs. Try again in 60");

        type("2468");
        pad.enter();
        assertThat(left).as("locked: not even the right PIN").hasValue(0);

        clock.advance(KioskPinPad.LOCKED_FOR.minus(Duration.ofSeconds(1)));
        pad.tick();
        assertThat(pad.messageProperty().get()).contains("1 s");
        clock.advance(Duration.ofSeconds(1));
        pad.tick();
        assertThat(pad.messageProperty().get()).isEmpty();
        type("2468");
        pad.enter();
        assertThat(left).hasValue(1);
    }

    @Test
    void onlyDigitsAndAtMostTwelveAreTaken() {
        pad.open();
        type("12a4-5678901234");
        assertThat(pad.dotsProperty().get()).hasSize(12);
        pad.backspace();
        assertThat(pad.dotsProperty().get()).hasSize(11);
        pad.close();
        assertThat(pad.dotsProperty().get()).isEmpty();
    }

    private void type(String keys) {
        keys.chars().forEach(c -> pad.digit((char) c));
    }
}
