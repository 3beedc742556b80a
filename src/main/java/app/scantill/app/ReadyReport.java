package app.scantill.app;

import app.scantill.ui.support.FirstFrame;
import app.scantill.ui.till.TillViewModel;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.beans.value.ObservableBooleanValue;

/**
 * With {@code -Dscantill.reportFirstFrame=true} (as {@link FirstFrame}), prints {@code READY <epoch ms>}
 * to standard output once the till is ready for its first sale: the catalog loaded, the payment side
 * attached and start-up recovery done. The start-up benchmark and the smoke test time "ready" by it.
 * Without the property it does nothing and adds no listener.
 */
final class ReadyReport {

    static final String MARKER = "READY";

    private ReadyReport() {
    }

    /** Call on the JavaFX thread after {@code AppServices.windowShown()} (the catalog load has begun). */
    static void whenReady(TillViewModel till) {
        if (!Boolean.getBoolean(FirstFrame.REPORT_PROPERTY)) {
            return;
        }
        List<ObservableBooleanValue> watched = List.of(till.attachedProperty(), till.recoveringProperty(),
                till.cashier().catalogLoadingProperty());
        AtomicBoolean reported = new AtomicBoolean();
        // Checked one turn later: attaching sets "attached" a moment before it sets "recovering".
        Runnable check = () -> Platform.runLater(() -> {
            if (till.attachedProperty().get() && !till.recoveringProperty().get()
                    && !till.cashier().catalogLoadingProperty().get() && reported.compareAndSet(false, true)) {
                System.out.println(MARKER + " " + System.currentTimeMillis());
                System.out.flush();
            }
        });
        watched.forEach(value -> value.addListener((obs, was, now) -> check.run()));
        check.run();
    }
}
