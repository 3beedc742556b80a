package app.scantill.stripe;

import app.scantill.config.StripeKey;
import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Keeps the JDK's HTTP client from writing the Stripe key to the log. stripe-java sends requests
 * through {@code HttpURLConnection}, which logs every request header, {@code Authorization: Bearer
 * sk_...} included, at FINE on {@value #HTTP_CLIENT_LOGGER}. Anyone who turns on debug logging to
 * chase a network problem would otherwise find the key in the log file.
 *
 * <p>java.util.logging is used directly here (not {@code System.getLogger}) because levels and
 * filters are configuration, which the {@code System.Logger} facade does not offer.
 */
public final class WireLogRedaction {

    static final String HTTP_CLIENT_LOGGER = "sun.net.www.protocol.http.HttpURLConnection";

    /** Held so the configured logger is never garbage-collected (JUL keeps loggers weakly). */
    private static final Logger HTTP_CLIENT = Logger.getLogger(HTTP_CLIENT_LOGGER);

    private WireLogRedaction() {
    }

    /**
     * Caps the HTTP client's logger at INFO and scrubs anything key-shaped from what it still logs,
     * should a logging configuration lower the level again. Safe to call more than once.
     */
    public static void install() {
        synchronized (HTTP_CLIENT) {
            HTTP_CLIENT.setLevel(Level.INFO);
            if (!(HTTP_CLIENT.getFilter() instanceof Redacting)) {
                HTTP_CLIENT.setFilter(new Redacting(HTTP_CLIENT.getFilter()));
            }
        }
    }

    private static final class Redacting implements Filter {
        private final Filter next;

        Redacting(Filter next) {
            this.next = next;
        }

        @Override
        public boolean isLoggable(LogRecord record) {
            record.setMessage(StripeKey.redactAll(record.getMessage()));
            Object[] params = record.getParameters();
            if (params != null) {
                Object[] clean = new Object[params.length];
                for (int i = 0; i < params.length; i++) {
                    clean[i] = params[i] == null ? null : StripeKey.redactAll(String.valueOf(params[i]));
                }
                record.setParameters(clean);
            }
            return next == null || next.isLoggable(record);
        }
    }
}
