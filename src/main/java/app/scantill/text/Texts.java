package app.scantill.text;

/**
 * Small rules for text that comes from outside (a catalog cell, a setting, a server's answer) and is
 * quoted back to a person: it must not flood a message line or a log record.
 */
public final class Texts {

    private static final String ELLIPSIS = "...";

    private Texts() {
    }

    /** {@code s} itself when it has at most {@code max} characters, else its start and "..." in {@code max}. */
    public static String abbreviate(String s, int max) {
        if (max < ELLIPSIS.length() + 1) {
            throw new IllegalArgumentException("max must leave room for the ellipsis: " + max);
        }
        return s.length() <= max ? s : s.substring(0, max - ELLIPSIS.length()) + ELLIPSIS;
    }

    /** Null, empty or only white space. */
    public static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    public static boolean hasText(String s) {
        return !isBlank(s);
    }
}
