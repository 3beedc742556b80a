package app.scantill.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import app.scantill.money.Money;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class TranslatorTest {

    private static final String BUNDLE = "app.scantill.i18n.translatortest";
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private final Translator english = Translator.forBundle(BUNDLE, Locale.ENGLISH, BERLIN);
    private final Translator german = Translator.forBundle(BUNDLE, Locale.GERMAN, BERLIN);

    @Test
    void moneyIsWrittenTheReadersWay() {
        Money total = Money.of(123456, Currency.getInstance("EUR"));
        assertThat(english.text("total", total)).isEqualTo("Total: €1,234.56");
        assertThat(german.text("total", total)).isEqualTo("Summe: 1.234,56\u00a0€");
    }

    @Test
    void aNestedMessageIsRenderedInTheSameLanguage() {
        Message why = Message.of("why", Message.of("greeting", "Ana"));
        assertThat(german.text(why)).isEqualTo("Abgelehnt: Hallo, Ana!");
        assertThat(english.text(why)).isEqualTo("Refused: Hello, Ana!");
    }

    @Test
    void timesAreShownInTheTillsZone() {
        Instant noonUtc = Instant.parse("2026-12-01T12:00:00Z");
        assertThat(english.text("paid.at", noonUtc)).contains("1:00:00").contains("Dec 1, 2026");
    }

    @Test
    void doubledApostropheIsOneApostrophe() {
        assertThat(english.text("quote", "PAID")).isEqualTo("The customer's phone shows PAID.");
    }

    @Test
    void aKeyMissingInTheLanguageFallsBackToEnglish() {
        assertThat(german.text("only.english")).isEqualTo("Only in English");
    }

    @Test
    void anUnknownKeyShowsItselfInBracketsInsteadOfFailingTheSale() {
        assertThat(german.text("no.such.key", 1)).isEqualTo("[no.such.key]");
        assertThat(german.knows("no.such.key")).isFalse();
        assertThat(german.knows("greeting")).isTrue();
    }

    @Test
    void messagesWithTheSameKeyAndArgumentsAreEqual() {
        assertThat(Message.of("why", "x", 3)).isEqualTo(Message.of("why", "x", 3)).isNotEqualTo(Message.of("why", "y", 3));
    }
}
