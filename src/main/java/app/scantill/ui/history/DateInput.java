package app.scantill.ui.history;

import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * How a person types a date in their language: the locale's short date with a four-digit year
 * (12/31/2026, 31.12.2026, 31/12/2026, 2026/12/31). JavaFX's date picker would use the computer's
 * locale, which need not be the cashier's.
 */
final class DateInput {

    private DateInput() {
    }

    static DateTimeFormatter formatFor(Locale locale) {
        String pattern = DateTimeFormatterBuilder.getLocalizedDateTimePattern(FormatStyle.SHORT, null,
                IsoChronology.INSTANCE, locale);
        // A two-digit year is ambiguous at a till that keeps records for years.
        return DateTimeFormatter.ofPattern(pattern.replaceAll("y+", "yyyy"), locale);
    }
}
