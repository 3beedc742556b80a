package app.scantill.config;

import app.scantill.i18n.Translator;
import app.scantill.text.Texts;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Reading the language settings ({@code locale}, {@code locale.customer}): a language tag whose language
 * ScanTill ships a bundle for, optionally with a region that decides how money and dates are written
 * ({@code de-CH} writes {@code CHF 1’234.50}).
 */
final class Languages {

    private Languages() {
    }

    /** The machine's language when ScanTill speaks it (with the machine's region), else English. */
    static Locale machineDefault(Locale machine) {
        return isShipped(machine) ? machine : Locale.ENGLISH;
    }

    static boolean isShipped(Locale locale) {
        return Translator.LANGUAGES.stream().anyMatch(l -> l.getLanguage().equals(locale.getLanguage()));
    }

    /** The shipped languages as the docs and refusals write them: {@code en, de, fr, es or ja}. */
    static String shippedList() {
        String all = Translator.LANGUAGES.stream().map(Locale::getLanguage).collect(Collectors.joining(", "));
        int last = all.lastIndexOf(", ");
        return all.substring(0, last) + " or " + all.substring(last + 2);
    }

    static Locale parse(String text) {
        String t = text.strip().replace('_', '-');
        Locale locale;
        try {
            locale = new Locale.Builder().setLanguageTag(t).build();
        } catch (IllformedLocaleException e) {
            throw SettingRefusal.of("config.refused.language_tag", Texts.abbreviate(t, 60));
        }
        if (locale.getLanguage().isEmpty() || !isShipped(locale)) {
            throw SettingRefusal.of("config.refused.language_not_spoken", Texts.abbreviate(t, 60), shippedList());
        }
        return locale;
    }
}
