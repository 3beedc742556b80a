package app.scantill.ui.charge;

import static org.assertj.core.api.Assertions.assertThat;

import app.scantill.qr.QrEncoder;
import app.scantill.qr.QrMatrix;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class QrImageRendererTest {

    private static final String URL = "https://checkout.stripe.com/c/pay/cs_test_a1kP9xQ2"
            + "#fidkdWxOYHwnPyd1blpxYHZxWjA0TjFpNH1SZzJnUGJqYTJjZVVPRlFhVEpjVkxLd2JvPTVoS2J8MWRqN1RfXDRJVH".repeat(4)
            + "&locale=auto";

    @Start
    void start(Stage stage) {
        stage.show();
    }

    @Test
    void fourHundredCharacterUrlRenderedAtAnIntegerScaleDecodesToTheSameUrl() throws Exception {
        String url = URL.substring(0, 400);
        QrMatrix matrix = new QrEncoder().encode(url);

        WritableImage image = WaitForAsyncUtils.asyncFx(() -> QrImageRenderer.render(matrix, 5)).get();

        assertThat(image.getWidth()).isEqualTo(matrix.size() * 5.0);
        assertThat(QrDecoding.decode(image)).isEqualTo(url);
    }

    @Test
    void everyPixelIsPureBlackOrWhiteWithSquareModules() throws Exception {
        QrMatrix matrix = new QrEncoder().encode(URL.substring(0, 120));

        WritableImage image = WaitForAsyncUtils.asyncFx(() -> QrImageRenderer.render(matrix, 3)).get();

        int[] pixels = QrDecoding.argb(image);
        int side = (int) image.getWidth();
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                int expected = matrix.isDark(x / 3, y / 3) ? 0xFF000000 : 0xFFFFFFFF;
                assertThat(pixels[y * side + x]).isEqualTo(expected);
            }
        }
    }
}
