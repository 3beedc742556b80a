package app.scantill.catalog;

import app.scantill.i18n.Message;
import java.util.Optional;

/** EAN-13 barcodes: 13 digits, the last one a check digit over the first twelve. */
public final class Ean13 {

    private Ean13() {
    }

    /** The check digit for twelve leading digits (weights 1,3,1,3,... from the left). */
    public static int checkDigit(String firstTwelve) {
        if (firstTwelve == null || !firstTwelve.matches("[0-9]{12}")) {
            throw new IllegalArgumentException("need exactly 12 digits");
        }
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            int digit = firstTwelve.charAt(i) - '0';
            sum += (i % 2 == 0) ? digit : digit * 3;
        }
        return (10 - sum % 10) % 10;
    }

    /** Why {@code code} is not a valid EAN-13, or empty when it is. */
    public static Optional<Message> problem(String code) {
        if (code == null || code.isEmpty()) {
            return Optional.of(Message.of("catalog.row.barcode_missing"));
        }
        if (!code.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.of(Message.of("catalog.row.barcode_not_digits", shorten(code)));
        }
        if (code.length() != 13) {
            return Optional.of(Message.of("catalog.row.barcode_length", shorten(code), code.length()));
        }
        int expected = checkDigit(code.substring(0, 12));
        int actual = code.charAt(12) - '0';
        if (expected != actual) {
            return Optional.of(Message.of("catalog.row.barcode_check_digit", code, actual, expected));
        }
        return Optional.empty();
    }

    public static boolean isValid(String code) {
        return problem(code).isEmpty();
    }

    private static String shorten(String s) {
        return s.length() <= 30 ? s : s.substring(0, 27) + "...";
    }
}
