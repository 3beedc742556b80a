package app.scantill.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.robot.Robot;
import javafx.scene.shape.Rectangle;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The benchmark's measure of "on screen": the painted frame after the change, never the layout before it. */
@ExtendWith(ApplicationExtension.class)
class RenderedFrameTest {

    private final Rectangle square = new Rectangle(120, 120, Color.GRAY);
    private final Rectangle other = new Rectangle(40, 40, Color.GRAY);
    private Scene scene;
    private RenderedFrame frames;

    @Start
    void start(Stage stage) {
        scene = new Scene(new StackPane(square, other), 300, 300);
        other.setTranslateX(100);
        stage.setScene(scene);
        stage.show();
        frames = RenderedFrame.of(scene);
    }

    @Test
    void completesAfterThePulseThatLaidOutTheChangeWithTheChangeOnScreen(FxRobot robot) throws Exception {
        AtomicLong laidOut = new AtomicLong();
        CompletableFuture<Long> painted = WaitForAsyncUtils.asyncFx(() -> {
            scene.addPostLayoutPulseListener(() -> {
                if (square.getFill() == Color.RED && laidOut.get() == 0) {
                    laidOut.set(System.nanoTime());
                }
            });
            CompletableFuture<Long> watch = frames.whenPainted(root -> square.getFill() == Color.RED);
            square.setFill(Color.RED);
            return watch;
        }).get(10, TimeUnit.SECONDS);

        long paintedAt = painted.get(10, TimeUnit.SECONDS);

        assertThat(laidOut.get()).isPositive();
        assertThat(paintedAt).isGreaterThan(laidOut.get());
        assertThat(frames.laidOutAt()).isBetween(laidOut.get(), paintedAt);
        Color seen = WaitForAsyncUtils.asyncFx(() -> {
            Bounds b = square.localToScreen(square.getBoundsInLocal());
            return new Robot().getPixelColor(b.getCenterX(), b.getCenterY());
        }).get(10, TimeUnit.SECONDS);
        assertThat(seen.getRed()).isGreaterThan(0.9);
        assertThat(seen.getGreen()).isLessThan(0.1);
    }

    @Test
    void framesWithoutTheChangeDoNotCount() throws Exception {
        CompletableFuture<Long> painted = WaitForAsyncUtils.asyncFx(
                () -> frames.whenPainted(root -> square.getFill() == Color.BLUE)).get(10, TimeUnit.SECONDS);
        long before = frames.framesPainted();
        for (Color colour : new Color[] {Color.GREEN, Color.YELLOW, Color.ORANGE}) {
            WaitForAsyncUtils.asyncFx(() -> other.setFill(colour)).get(10, TimeUnit.SECONDS);
            long seen = frames.framesPainted();
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> frames.framesPainted() > seen);
        }

        assertThat(frames.framesPainted()).isGreaterThanOrEqualTo(before + 3);
        assertThat(painted).isNotDone();
        WaitForAsyncUtils.asyncFx(() -> square.setFill(Color.BLUE)).get(10, TimeUnit.SECONDS);
        assertThat(painted.get(10, TimeUnit.SECONDS)).isPositive();
    }
}
