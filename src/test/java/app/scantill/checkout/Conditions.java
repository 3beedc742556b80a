package app.scantill.checkout;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Poll-until helpers for asynchronous tests: they wait for a condition, never for a fixed time. */
public final class Conditions {

    private Conditions() {
    }

    /** Whether the condition became true within the timeout. */
    public static boolean eventually(BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            LockSupport.parkNanos(Duration.ofMillis(2).toNanos());
        }
        return true;
    }
}
