package app.scantill.config;

import app.scantill.i18n.Message;
import app.scantill.i18n.Translator;
import java.time.ZoneId;
import java.util.Locale;

/**
 * Words for a setting's refusal, from the message bundles in the language of the machine the till runs on:
 * settings are read before any screen, so the reader is whoever set the machine up.
 */
final class SettingWords {

    private SettingWords() {
    }

    static String text(String key, Object... args) {
        return Translator.forLocale(Locale.getDefault(), ZoneId.systemDefault()).text(Message.of(key, args));
    }
}
