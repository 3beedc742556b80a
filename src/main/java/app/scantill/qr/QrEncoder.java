package app.scantill.qr;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Encodes text (a Checkout Session URL) as a QR symbol. Error correction M keeps a 400-character
 * URL at version 15 (77 modules), which phones read from a counter screen at arm's length; the
 * quiet zone of four modules is the width the QR standard asks for, and scanners struggle without it.
 *
 * <p>Encoding a long URL takes a few milliseconds: callers on a UI thread should run it elsewhere.
 */
public final class QrEncoder {

    /** The quiet zone the QR standard requires, in modules. */
    public static final int QUIET_ZONE_MODULES = 4;

    private final QRCodeWriter writer = new QRCodeWriter();

    /**
     * @throws QrEncodingException when the text is empty or longer than the largest symbol holds
     */
    public QrMatrix encode(String text) {
        Objects.requireNonNull(text, "text");
        if (text.isEmpty()) {
            throw new QrEncodingException("Nothing to encode: the text is empty", null);
        }
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
        hints.put(EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name());
        hints.put(EncodeHintType.MARGIN, QUIET_ZONE_MODULES);
        BitMatrix bits;
        try {
            // Width and height 0 ask for one pixel per module: scaling is the renderer's business.
            bits = writer.encode(text, BarcodeFormat.QR_CODE, 0, 0, hints);
        } catch (WriterException | IllegalArgumentException e) {
            throw new QrEncodingException("Cannot encode " + text.length() + " characters as a QR code", e);
        }
        int size = bits.getWidth();
        boolean[] dark = new boolean[size * size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                dark[y * size + x] = bits.get(x, y);
            }
        }
        return new QrMatrix(size, QUIET_ZONE_MODULES, dark);
    }
}
