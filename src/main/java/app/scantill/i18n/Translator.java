package app.scantill.i18n;

import app.scantill.money.Money;
import app.scantill.money.MoneyFormat;
import java.lang.System.Logger.Level;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.stream.Collectors;

/**
 * Renders {@link Message}s in one reader's language: the bundle of its locale (falling back to
 * English key by key), money in that locale's form, times in the till's time zone.
 *
 * <p>Every pattern goes through {@link MessageFormat}, with or without arguments, so a bundle writes an
 * apostrophe the same way everywhere ({@code ''}). A key missing from every bundle is a bug, but a
 * till must not stop a sale for it: the reader sees the key in brackets and the log says which.
 */
public final class Translator {

    /** The bundle's base name: {@code app/scantill/i18n/messages*.properties}, read as UTF-8. */
    public static final String BUNDLE = "app.scantill.i18n.messages";

    /** The languages ScanTill ships; each has a complete bundle (BundleCompletenessTest). English is the base. */
    public static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.GERMAN, Locale.FRENCH,
            Locale.forLanguageTag("es"), Locale.JAPANESE);

    private static final System.Logger LOG = System.getLogger(Translator.class.getName());

    private final Locale locale;
    private final ZoneId zone;
    private final ResourceBundle bundle;
    private final MoneyFormat money;
    private final DateTimeFormatter dateTime;
    private final DateTimeFormatter date;

    private Translator(String baseName, Locale locale, ZoneId zone) {
        this.locale = Objects.requireNonNull(locale, "locale");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.bundle = ResourceBundle.getBundle(baseName, locale, Translator.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        this.money = new MoneyFormat(locale);
        this.dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale).withZone(zone);
        this.date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
    }

    public static Translator forLocale(Locale locale, ZoneId zone) {
        return new Translator(BUNDLE, locale, zone);
    }

    /** A translator over other bundles with the same rules (their own tests use it). */
    static Translator forBundle(String baseName, Locale locale, ZoneId zone) {
        return new Translator(baseName, locale, zone);
    }

    /** English in the machine's time zone: for tests and for code that has no reader yet. */
    public static Translator english() {
        return forLocale(Locale.ENGLISH, ZoneId.systemDefault());
    }

    public Locale locale() {
        return locale;
    }

    public ZoneId zone() {
        return zone;
    }

    public MoneyFormat moneyFormat() {
        return money;
    }

    public String text(Message message) {
        return format(message.key(), message.args());
    }

    public String text(String key, Object... args) {
        return format(key, List.of(args));
    }

    /** Whether the bundles know {@code key} (in this language or by falling back to English). */
    public boolean knows(String key) {
        return bundle.containsKey(key);
    }

    private String format(String key, List<Object> args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            LOG.log(Level.ERROR, "No text for message key " + key + " in " + locale);
            return "[" + key + "]";
        }
        Object[] values = args.stream().map(this::display).toArray();
        return new MessageFormat(pattern, locale).format(values);
    }

    private Object display(Object value) {
        if (value instanceof Message nested) {
            return text(nested);
        }
        if (value instanceof Sentences sentences) {
            // Folded pair by pair through the language's own pattern for "one sentence, then the next".
            return sentences.items().stream().map(this::text).reduce((a, b) -> text("list.sentences", a, b))
                    .orElse("");
        }
        if (value instanceof List<?> items) {
            // Each item rendered as an argument would be, joined the language's way (", " or "、").
            return items.stream().map(this::display).map(String::valueOf)
                    .collect(Collectors.joining(text("list.separator")));
        }
        if (value instanceof Money amount) {
            return money.format(amount);
        }
        if (value instanceof Instant instant) {
            return dateTime.format(instant);
        }
        if (value instanceof LocalDate day) {
            return date.format(day);
        }
        return value;
    }
}
