package app.scantill.app;

import app.scantill.ui.support.FirstFrame;
import app.scantill.ui.till.TillViewModel;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * With {@code -Dscantill.reportFirstFrame=true} (as {@link FirstFrame}), prints {@code READY <epoch ms>}
 * to standard output on the first pulse in which the till is ready for its first sale: the catalog
 * loaded, the payment side attached and start-up recovery done. The start-up benchmark times "ready"
 * by it. Without the property it does nothing and adds no listener.
 */
final class ReadyReport {

    static final String MARKER = "READY";

    private ReadyReport() {
    }

    /**
     * Call on the JavaFX thread after {@code AppServices.windowShown()} (the catalog load has begun).
     * Checked after the layout of the pulse each change asks for, not in the change's own listener:
     * attaching sets "attached" a moment before it sets "recovering", in the same turn of the JavaFX thread.
     */
    static void whenReady(Scene scene, TillViewModel till) {
        if (!Boolean.getBoolean(FirstFrame.REPORT_PROPERTY)) {
            return;
        }
        Runnable[] check = new Runnable[1];
        check[0] = () -> {
            if (till.attachedProperty().get() && !till.recoveringProperty().get()
                    && !till.cashier().catalogLoadingProperty().get()) {
                scene.removePostLayoutPulseListener(check[0]);
                System.out.println(MARKER + " " + System.currentTimeMillis());
                System.out.flush();
            }
        };
        scene.addPostLayoutPulseListener(check[0]);
        List.of(till.attachedProperty(), till.recoveringProperty(), till.cashier().catalogLoadingProperty())
                .forEach(value -> value.addListener((obs, was, now) -> Platform.requestNextPulse()));
    }
}
