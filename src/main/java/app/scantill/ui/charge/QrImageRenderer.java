package app.scantill.ui.charge;

import app.scantill.qr.QrMatrix;
import java.util.Arrays;
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
        // One pixel row per module row, copied down scale - 1 times: it runs inside the layout pulse
        // that first shows the code, where a division per pixel cost a millisecond or two.
        for (int moduleY = 0; moduleY < matrix.size(); moduleY++) {
            int first = moduleY * scale * side;
            for (int moduleX = 0, x = 0; moduleX < matrix.size(); moduleX++, x += scale) {
                Arrays.fill(argb, first + x, first + x + scale, matrix.isDark(moduleX, moduleY) ? DARK : LIGHT);
            }
            for (int copy = 1; copy < scale; copy++) {
                System.arraycopy(argb, first, argb, first + copy * side, side);
            }
        }
        WritableImage image = new WritableImage(side, side);
        image.getPixelWriter().setPixels(0, 0, side, side, PixelFormat.getIntArgbInstance(), argb, 0, side);
        return image;
    }
}
