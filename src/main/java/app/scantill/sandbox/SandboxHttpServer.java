package app.scantill.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.Map;

/**
 * Every HTTP request of the sandbox: the hosted pay page under {@code /c/} goes to the
 * {@link PayPageHandler}, everything else is the Stripe API ({@link ApiHandler}). Runs on the server's
 * thread pool; whatever a request holds, it never ends in a hung connection, and a failure of the
 * sandbox's own is a 500 in Stripe's envelope.
 */
final class SandboxHttpServer implements HttpHandler {

    private static final System.Logger LOG = System.getLogger(SandboxHttpServer.class.getName());

    private final ApiHandler api;
    private final PayPageHandler pages;
    private final long apiDelayMillis;

    SandboxHttpServer(ApiHandler api, PayPageHandler pages, java.time.Duration apiDelay) {
        this.api = api;
        this.pages = pages;
        this.apiDelayMillis = apiDelay.toMillis();
    }

    @Override
    public void handle(HttpExchange ex) {
        String requestId = SandboxIds.request();
        try {
            String path = ex.getRequestURI().getRawPath();
            if (path.startsWith("/c/")) {
                pages.handle(ex, path);
            } else {
                awaitRoundTrip();
                api.handle(ex, path, requestId);
            }
        } catch (FaultPlayer.DroppedConnection dropped) {
            // Closing an exchange before any response header closes the connection: the client sees EOF.
        } catch (RuntimeException | IOException | Error e) {
            LOG.log(Level.WARNING, "Sandbox request failed: " + e);
            try {
                ApiReplies.error(ex, new StripeApiError(500, StripeApiError.API_ERROR, null, null,
                        "The sandbox could not handle this request."), requestId, Map.of());
            } catch (IOException | RuntimeException ignored) {
                // the response had already begun: closing below ends it
            }
        } finally {
            ex.close();
        }
    }

    /** A remote Stripe's round trip ({@link SandboxOptions#apiDelay()}); each request on its own pool thread. */
    private void awaitRoundTrip() {
        if (apiDelayMillis > 0) {
            try {
                Thread.sleep(apiDelayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
