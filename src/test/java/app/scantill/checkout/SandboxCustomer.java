package app.scantill.checkout;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A customer's phone: opens the URL from the QR code over HTTP and presses a button of the sandbox
 * pay page, exactly as a browser submits the page's form (no shortcut through the sandbox's API).
 */
public final class SandboxCustomer {

    private static final Pattern FORM = Pattern.compile(
            "<form method=\"post\" action=\"([^\"]+)\"><input type=\"hidden\" name=\"method\" value=\"([a-z_]+)\">");

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    /** What the customer saw after pressing the button. */
    public record Outcome(int payPageStatus, String payPage, int submitStatus, String redirectedTo) {
    }

    /**
     * Opens {@code sessionUrl} and submits the form of {@code method} ({@code amazon_pay}, {@code card}).
     *
     * @throws AssertionError when the page offers no such button
     */
    public Outcome pay(String sessionUrl, String method) throws IOException, InterruptedException {
        URI withoutFragment = withoutFragment(sessionUrl);
        HttpResponse<String> shown = get(withoutFragment);
        String action = null;
        Matcher m = FORM.matcher(shown.body());
        while (m.find()) {
            if (m.group(2).equals(method)) {
                action = m.group(1);
            }
        }
        if (action == null) {
            throw new AssertionError("The pay page (HTTP " + shown.statusCode() + ") offers no " + method
                    + " button:\n" + shown.body());
        }
        HttpResponse<String> submitted = http.send(HttpRequest.newBuilder(withoutFragment.resolve(action))
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("method=" + URLEncoder.encode(method, StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        return new Outcome(shown.statusCode(), shown.body(), submitted.statusCode(),
                submitted.headers().firstValue("Location").orElse(null));
    }

    /** Opens the page only: what the customer sees now. */
    public String open(String sessionUrl) throws IOException, InterruptedException {
        return get(withoutFragment(sessionUrl)).body();
    }

    private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).GET().timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A browser never sends the fragment: the request is for the URL without it. */
    private static URI withoutFragment(String url) {
        URI page = URI.create(url);
        return URI.create(page.getScheme() + "://" + page.getRawAuthority() + page.getRawPath()
                + (page.getRawQuery() == null ? "" : "?" + page.getRawQuery()));
    }
}
