package app.scantill.ui.charge;

import app.scantill.qr.QrMatrix;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * Draws a {@link QrMatrix} as an image with every module a square of exactly {@code scale} pixels.
 * A whole-number scale (and an ImageView that does not smooth) keeps module edges sharp: a phone
 * camera reads blurred edges poorly, and a fractional scale makes modules of uneven width.
 */
public final class QrImageRenderer {

    private static final int DARK = 0xFF000000;
    private static final int LIGHT = 0xFFFFFFFF;

    private QrImageRenderer() {
    }

    public static WritableImage render(QrMatrix matrix, int scale) {
        if (scale < 1) {
            throw new IllegalArgumentException("scale must be at least 1");
        }
        int side = matrix.size() * scale;
        int[] argb = new int[side * side];
        for (int y = 0; y < side; y++) {
            int row = y * side;
            int moduleY = y / scale;
            for (int x = 0; x < side; x++) {
                argb[row + x] = matrix.isDark(x / scale, moduleY) ? DARK : LIGHT;
            }
        }
        WritableImage image = new WritableImage(side, side);
        image.getPixelWriter().setPixels(0, 0, side, side, PixelFormat.getIntArgbInstance(), argb, 0, side);
        return image;
    }
}
