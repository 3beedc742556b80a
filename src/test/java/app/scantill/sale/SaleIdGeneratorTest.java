package app.scantill.sale;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SaleIdGeneratorTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-29T04:27:13.618Z"), ZoneOffset.UTC);

    @Test
    void saleIdsSortByTimeAndCarryARandomReadableSuffix() {
        SaleIdGenerator ids = new SaleIdGenerator(clock, new Random(7));
        String first = ids.next();
        String second = ids.next();
        assertThat(first).matches(SaleIdGenerator.PATTERN).startsWith("S-20261129-0427-").isNotEqualTo(second);
        String later = new SaleIdGenerator(Clock.offset(clock, Duration.ofMinutes(1)), new Random(7)).next();
        assertThat(later).isGreaterThan(first);
    }
}
