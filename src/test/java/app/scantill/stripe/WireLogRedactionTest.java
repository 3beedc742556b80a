package app.scantill.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class WireLogRedactionTest {

    @Test
    void httpClientHeadersNeverReachTheLogWithTheKeyEvenWhenDebugLoggingIsTurnedBackOn() {
        WireLogRedaction.install();
        Logger http = Logger.getLogger(WireLogRedaction.HTTP_CLIENT_LOGGER);
        assertThat(http.isLoggable(Level.FINE)).as("capped at INFO").isFalse();

        List<String> seen = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                seen.add(record.getMessage() + " " + List.of(record.getParameters() == null ? new Object[0]
                        : record.getParameters()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Level before = http.getLevel();
        http.addHandler(handler);
        try {
            http.setLevel(Level.ALL); // someone debugging the network
            String key = "sk_test_" + "FAKEKEY" + "q1w2e3r4t5y6u7i8o9p0";
            http.fine("{Authorization: Bearer " + key + "}{Host: 127.0.0.1}");
            http.log(Level.FINE, "headers {0}", "Bearer " + key);
            assertThat(seen).hasSize(2).allSatisfy(line -> assertThat(line).doesNotContain(key)
                    .contains("sk_test_...p0".substring(0, 11)));
        } finally {
            http.removeHandler(handler);
            http.setLevel(before);
        }
    }
}
