package app.scantill.ui.support;

import javafx.scene.Scene;

/**
 * Runs work once the window has had its first pulse on screen. Start-up uses it to keep work the
 * cashier cannot see yet (loading stripe-java and SQLite, starting the sandbox) from competing with
 * the first frame for the till's two cores.
 *
 * <p>With {@code -Dscantill.reportFirstFrame=true} it also prints {@code FIRST_FRAME <epoch ms>} to
 * standard output on that pulse; the start-up benchmark compares it with the process start.
 */
public final class FirstFrame {

    public static final String REPORT_PROPERTY = "scantill.reportFirstFrame";
    public static final String MARKER = "FIRST_FRAME";

    private FirstFrame() {
    }

    /**
     * Calls {@code then} on the JavaFX thread after the first pulse in which {@code scene}'s window
     * is showing (at once on the next pulse if it already is). Call after {@code stage.show()}.
     */
    public static void afterFirstPulse(Scene scene, Runnable then) {
        Runnable[] self = new Runnable[1];
        self[0] = () -> {
            if (scene.getWindow() == null || !scene.getWindow().isShowing()) {
                return;
            }
            scene.removePostLayoutPulseListener(self[0]);
            if (Boolean.getBoolean(REPORT_PROPERTY)) {
                System.out.println(MARKER + " " + System.currentTimeMillis());
                System.out.flush();
            }
            then.run();
        };
        scene.addPostLayoutPulseListener(self[0]);
    }
}
