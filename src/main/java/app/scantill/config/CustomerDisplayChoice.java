package app.scantill.config;

import app.scantill.text.Texts;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * Where the customer display goes ({@code display.customer}): on a second screen when one is attached
 * ({@code auto}), never ({@code off}), on a chosen screen (its number, 1 being the main screen), or in an
 * ordinary window beside the till's ({@code window}: a demo or a screenshot without a second screen).
 *
 * @param kind which of the four
 * @param screen the screen's number (1-based) when {@code kind} is {@link Kind#SCREEN}, else 0
 */
public record CustomerDisplayChoice(Kind kind, int screen) {

    public enum Kind { AUTO, OFF, SCREEN, WINDOW }

    /** The highest screen number accepted; a till has one or two screens, a few at most. */
    public static final int MAX_SCREEN = 9;

    public static final CustomerDisplayChoice AUTO = new CustomerDisplayChoice(Kind.AUTO, 0);
    public static final CustomerDisplayChoice OFF = new CustomerDisplayChoice(Kind.OFF, 0);
    public static final CustomerDisplayChoice WINDOW = new CustomerDisplayChoice(Kind.WINDOW, 0);

    public CustomerDisplayChoice {
        if ((kind == Kind.SCREEN) != (screen >= 1 && screen <= MAX_SCREEN)) {
            throw new IllegalArgumentException("a screen number goes with SCREEN only, from 1 to " + MAX_SCREEN);
        }
    }

    public static CustomerDisplayChoice screen(int number) {
        return new CustomerDisplayChoice(Kind.SCREEN, number);
    }

    /** Parses {@code auto}, {@code off}, {@code window} or a screen number from 1 to {@value #MAX_SCREEN}. */
    static CustomerDisplayChoice parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        switch (t) {
            case "auto":
                return AUTO;
            case "off":
                return OFF;
            case "window":
                return WINDOW;
            default:
                break;
        }
        if (t.matches("[1-9]")) {
            return screen(Integer.parseInt(t));
        }
        throw SettingRefusal.of("config.refused.customer_display", Texts.abbreviate(t, 20), MAX_SCREEN);
    }

    /**
     * Which screen (0-based, in the order the system lists them) the display goes on when {@code screens}
     * are attached, or empty for none: {@code auto} takes the first screen after the main one, a number
     * takes that screen if it is attached. {@code window} and {@code off} take none (a window is placed
     * as an ordinary window).
     */
    public OptionalInt screenIndex(int screens) {
        return switch (kind) {
            case AUTO -> screens > 1 ? OptionalInt.of(1) : OptionalInt.empty();
            case SCREEN -> screen <= screens ? OptionalInt.of(screen - 1) : OptionalInt.empty();
            case OFF, WINDOW -> OptionalInt.empty();
        };
    }

    /** As the config file writes it. */
    @Override
    public String toString() {
        return kind == Kind.SCREEN ? Integer.toString(screen) : kind.name().toLowerCase(Locale.ROOT);
    }
}
