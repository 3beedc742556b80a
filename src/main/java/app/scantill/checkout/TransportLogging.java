package app.scantill.checkout;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the API key out of the JDK's own HTTP logging. stripe-java sends requests through
 * {@code HttpURLConnection}, which logs every request's headers at FINE, {@code Authorization: Bearer
 * sk_...} included. Anyone who turns on debug logging to chase a network problem would otherwise write
 * the key into the log file. The logger is pinned to INFO (nothing above FINE carries headers) and a
 * filter refuses finer records even if a logging configuration lowers the level later.
 */
final class TransportLogging {

    static final String HTTP_URL_CONNECTION = "sun.net.www.protocol.http.HttpURLConnection";

    /** Held for the life of the class: java.util.logging keeps loggers only weakly, and a new one has no level. */
    private static final Logger HTTP_URL_CONNECTION_LOGGER = Logger.getLogger(HTTP_URL_CONNECTION);

    private TransportLogging() {
    }

    static synchronized void keepKeysOut() {
        HTTP_URL_CONNECTION_LOGGER.setLevel(Level.INFO);
        HTTP_URL_CONNECTION_LOGGER.setFilter(record -> record.getLevel().intValue() >= Level.INFO.intValue());
    }
}
