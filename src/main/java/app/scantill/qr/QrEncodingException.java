package app.scantill.qr;

/** The text could not be turned into a QR symbol (empty, or too long for version 40). */
public class QrEncodingException extends RuntimeException {
    public QrEncodingException(String message, Throwable cause) {
        super(message, cause);
    }
}
