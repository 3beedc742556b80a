package app.scantill.sandbox;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;

/** Reading request bodies with a size limit, so no sender can fill the sandbox's memory. */
final class RequestBodies {

    /** How much of a too-large body is read and dropped so its sender still receives the 413. */
    static final long MAX_DRAINED_BODY = 8L << 20;

    private RequestBodies() {
    }

    /**
     * The whole body, at most {@code max} bytes.
     *
     * @throws TooLarge when the body (or its announced length) is longer
     * @throws IOException when it cannot be read (a broken chunked encoding, a body cut short)
     */
    static byte[] read(HttpExchange ex, int max) throws IOException {
        String length = ex.getRequestHeaders().getFirst("Content-Length");
        if (length != null && length.matches("[0-9]{1,18}") && Long.parseLong(length) > max) {
            throw new TooLarge();
        }
        try (InputStream in = ex.getRequestBody()) {
            byte[] bytes = in.readNBytes(max + 1);
            if (bytes.length > max) {
                throw new TooLarge();
            }
            return bytes;
        }
    }

    /**
     * Reads and drops what is left of a refused body (up to {@link #MAX_DRAINED_BODY} bytes). Closing a
     * connection with unread data in it resets it, and a client still sending then loses the 413 answer
     * itself.
     */
    static void drainQuietly(HttpExchange ex) {
        try (InputStream in = ex.getRequestBody()) {
            byte[] buffer = new byte[64 * 1024];
            long left = MAX_DRAINED_BODY;
            int n;
            while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
                left -= n;
            }
        } catch (IOException e) {
            // The client gave up: nothing to answer.
        }
    }

    /** The body is longer than the limit. */
    static final class TooLarge extends IOException {
        TooLarge() {
            super("request body too large");
        }
    }
}
