package app.scantill.ui.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CurrentThreadUiExecutorTest {

    private final CurrentThreadUiExecutor executor = new CurrentThreadUiExecutor();

    @Test
    void resultIsDeliveredBeforeSubmitReturns() {
        List<String> seen = new ArrayList<>();

        executor.submit(() -> "catalog loaded", seen::add, failure -> seen.add("failed"));

        assertThat(seen).containsExactly("catalog loaded");
    }

    @Test
    void failureIsDeliveredInsteadOfThrown() {
        List<Throwable> failures = new ArrayList<>();

        executor.submit(() -> {
            throw new IllegalStateException("disk unplugged");
        }, result -> { }, failures::add);

        assertThat(failures).singleElement().satisfies(f -> assertThat(f).hasMessage("disk unplugged"));
    }
}
