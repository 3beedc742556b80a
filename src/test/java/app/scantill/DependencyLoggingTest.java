package app.scantill;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * sqlite-jdbc logs through slf4j whenever slf4j-api is on the classpath (archunit puts it on the test
 * classpath). Without a provider slf4j printed a warning at every start and dropped those messages;
 * with slf4j-jdk14 they arrive in java.util.logging like the app's own (ADR 0091).
 */
class DependencyLoggingTest {

    @RegisterExtension
    final CapturedLogs logs = new CapturedLogs();

    @Test
    void sqliteJdbcMessagesArriveInJavaUtilLogging() {
        org.sqlite.util.LoggerFactory.getLogger(DependencyLoggingTest.class)
                .warn(() -> "probe: sqlite-jdbc through slf4j");

        assertThat(logs.records()).anySatisfy(record -> {
            assertThat(record.getLoggerName()).isEqualTo(DependencyLoggingTest.class.getName());
            assertThat(record.getLevel()).isEqualTo(Level.WARNING);
            assertThat(record.getMessage()).isEqualTo("probe: sqlite-jdbc through slf4j");
        });
    }
}
