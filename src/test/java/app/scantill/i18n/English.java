package app.scantill.i18n;

import java.time.ZoneId;
import java.util.Locale;

/** Tests read what an English-speaking cashier reads: messages rendered in US English. */
public final class English {

    private static final Translator US = Translator.forLocale(Locale.US, ZoneId.systemDefault());

    private English() {
    }

    /** The US English translator the window's tests give their view models. */
    public static Translator words() {
        return US;
    }

    /** {@code message} as an English reader sees it; null stays null. */
    public static String text(Message message) {
        return message == null ? null : US.text(message);
    }
}
