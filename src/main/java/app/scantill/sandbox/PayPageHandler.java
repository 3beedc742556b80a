package app.scantill.sandbox;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The customer's side under {@code /c/}: the pay page of a session ({@code /c/pay/{id}}), its form,
 * and the thank-you page ({@code /c/done}). HTML only, with headers that keep the page from being
 * cached, framed or sniffed.
 */
final class PayPageHandler {

    static final int MAX_BODY = 16 * 1024;

    private static final Pattern PAY = Pattern.compile("/c/pay/([^/]+)");
    private static final Pattern RECEIPT = Pattern.compile("/c/receipt/([A-Za-z0-9]+)");

    private final SandboxStore store;
    private final Supplier<String> publicBase;
    private final PayPage payPage;

    PayPageHandler(SandboxStore store, Supplier<String> publicBase, PayPage payPage) {
        this.store = store;
        this.publicBase = publicBase;
        this.payPage = payPage;
    }

    void handle(HttpExchange ex, String path) throws IOException {
        String method = ex.getRequestMethod().toUpperCase(Locale.ROOT);
        boolean reading = method.equals("GET") || method.equals("HEAD");
        Matcher m = PAY.matcher(path);
        Matcher receipt = RECEIPT.matcher(path);
        if (receipt.matches() && reading) {
            Optional<SandboxReceipt> r = store.refunds().receipt(receipt.group(1), publicBase.get());
            sendHtml(ex, r.isPresent() ? 200 : 404, r.isPresent() ? payPage.receipt(r.get()) : payPage.notFound());
        } else if (m.matches()) {
            String id = ApiRoutes.decode(m.group(1));
            if (reading) {
                showSession(ex, id);
            } else if (method.equals("POST")) {
                submitPayment(ex, id);
            } else {
                sendHtml(ex, 405, payPage.problem("Not allowed", "This page only shows a payment and takes its form."));
            }
        } else if (path.equals("/c/done") && reading) {
            String id = FormParams.parse(ex.getRequestURI().getRawQuery()).value("session_id").orElse("");
            Optional<SandboxSession> s = store.session(id, publicBase.get());
            if (s.isEmpty()) {
                sendHtml(ex, 404, payPage.notFound());
            } else {
                sendHtml(ex, 200, s.get().isPaid() ? payPage.thankYou(s.get(), receiptOf(s.get()))
                        : payPage.notPaidYet(s.get()));
            }
        } else {
            sendHtml(ex, 404, payPage.problem("Page not found", "There is no page at this address."));
        }
    }

    private void showSession(HttpExchange ex, String id) throws IOException {
        Optional<SandboxSession> s = store.session(id, publicBase.get());
        if (s.isEmpty()) {
            sendHtml(ex, 404, payPage.notFound());
        } else {
            sendHtml(ex, 200, s.get().isOpen() ? payPage.open(s.get()) : closedPage(s.get()));
        }
    }

    private void submitPayment(HttpExchange ex, String id) throws IOException {
        String methodType;
        try {
            methodType = FormParams.parse(new String(RequestBodies.read(ex, MAX_BODY), StandardCharsets.UTF_8))
                    .value("method").orElse("");
        } catch (RequestBodies.TooLarge | StripeApiError e) {
            sendHtml(ex, 400, payPage.problem("Could not read the form", "Please go back and try again."));
            return;
        }
        Optional<SandboxSession> current = store.session(id, publicBase.get());
        if (current.isEmpty()) {
            sendHtml(ex, 404, payPage.notFound());
            return;
        }
        if (methodType.equals("decline")) {
            // As at Stripe, a declined attempt leaves the session open (now with its payment intent).
            if (!current.get().isOpen()) {
                sendHtml(ex, 409, closedPage(current.get()));
                return;
            }
            try {
                sendHtml(ex, 200, payPage.declined(store.decline(id, publicBase.get())));
            } catch (IllegalStateException closedMeanwhile) {
                sendHtml(ex, 409, closedPage(store.session(id, publicBase.get()).orElseThrow()));
            }
            return;
        }
        try {
            SandboxSession paid = store.pay(id, methodType, publicBase.get());
            String target = paid.successUrl().replace("{CHECKOUT_SESSION_ID}", paid.id());
            ex.getResponseHeaders().set("Location", target);
            ex.getResponseHeaders().set("Cache-Control", "no-store");
            ex.sendResponseHeaders(303, -1);
        } catch (IllegalStateException closed) {
            SandboxSession now = store.session(id, publicBase.get()).orElseThrow();
            sendHtml(ex, 409, closedPage(now));
        } catch (IllegalArgumentException | NoSuchElementException wrongMethod) {
            sendHtml(ex, 400, payPage.problem("Payment method not offered",
                    "This payment cannot be made that way. Please go back and choose another button."));
        }
    }

    private String closedPage(SandboxSession s) {
        return s.isPaid() ? payPage.alreadyPaid(s, receiptOf(s)) : payPage.expired(s);
    }

    private SandboxReceipt receiptOf(SandboxSession s) {
        return store.refunds().receiptOfSession(s.id(), publicBase.get()).orElse(null);
    }

    private static void sendHtml(HttpExchange ex, int status, String html) throws IOException {
        Headers h = ex.getResponseHeaders();
        h.set("Content-Type", "text/html; charset=utf-8");
        h.set("Cache-Control", "no-store");
        h.set("X-Content-Type-Options", "nosniff");
        h.set("Referrer-Policy", "no-referrer");
        h.set("Content-Security-Policy",
                "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'");
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        boolean head = ex.getRequestMethod().equalsIgnoreCase("HEAD");
        ex.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
