package app.scantill.sale;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.Random;

/**
 * Makes sale ids such as {@code S-20261129-0427-7KQ2XM}: the UTC date and minute first, so ids sort
 * by time and a person can tell when a sale happened, then six random Crockford base-32 characters
 * (no I, L, O, U: nothing to misread when an id is read out over the phone). Thirty random bits per
 * minute make a clash between registers vanishingly rare; the journal refuses a duplicate anyway.
 */
public final class SaleIdGenerator {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmm").withZone(ZoneOffset.UTC);
    public static final String PATTERN = "S-\\d{8}-\\d{4}-[0-9A-HJKMNP-TV-Z]{6}";

    private final Clock clock;
    private final Random random;

    public SaleIdGenerator(Clock clock) {
        this(clock, new SecureRandom());
    }

    public SaleIdGenerator(Clock clock, Random random) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    public String next() {
        StringBuilder id = new StringBuilder("S-").append(STAMP.format(clock.instant())).append('-');
        for (int i = 0; i < 6; i++) {
            id.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return id.toString();
    }
}
