package app.scantill.ui.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

@ExtendWith(ApplicationExtension.class)
class FxUiExecutorTest {

    private final FxUiExecutor executor = new FxUiExecutor(1);

    @AfterEach
    void close() {
        executor.close();
    }

    @Test
    void workRunsOffTheFxThreadAndTheResultArrivesOnIt() throws Exception {
        CompletableFuture<Boolean> workOnFxThread = new CompletableFuture<>();
        CompletableFuture<Boolean> resultOnFxThread = new CompletableFuture<>();

        executor.submit(() -> {
            workOnFxThread.complete(Platform.isFxApplicationThread());
            return 42;
        }, result -> resultOnFxThread.complete(Platform.isFxApplicationThread() && result == 42),
                resultOnFxThread::completeExceptionally);

        assertThat(workOnFxThread.get(10, TimeUnit.SECONDS)).isFalse();
        assertThat(resultOnFxThread.get(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void failureArrivesOnTheFxThread() throws Exception {
        CompletableFuture<String> failure = new CompletableFuture<>();

        executor.submit(() -> {
            throw new IllegalStateException("no network");
        }, result -> failure.complete("succeeded?"),
                error -> failure.complete(Platform.isFxApplicationThread() + " " + error.getMessage()));

        assertThat(failure.get(10, TimeUnit.SECONDS)).isEqualTo("true no network");
    }
}
