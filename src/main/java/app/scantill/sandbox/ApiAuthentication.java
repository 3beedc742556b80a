package app.scantill.sandbox;

import app.scantill.text.Texts;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** The API's key check: {@code Authorization: Bearer <the sandbox key>}, never a live key. */
final class ApiAuthentication {

    private ApiAuthentication() {
    }

    /**
     * @throws StripeApiError 401 in Stripe's wording when the key is missing, live or not the sandbox's
     */
    static void check(String authorization, String secretKey) {
        if (Texts.isBlank(authorization)) {
            // Stripe's wording.
            throw new StripeApiError(401, StripeApiError.INVALID_REQUEST, null, null,
                    "You did not provide an API key. You need to provide your API key in the Authorization header,"
                            + " using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See"
                            + " https://stripe.com/docs/api#authentication for details, or we can help at"
                            + " https://support.stripe.com/.");
        }
        String given = authorization.regionMatches(true, 0, "Bearer ", 0, 7) ? authorization.substring(7).trim() : "";
        if (SandboxKeys.isLive(given)) {
            throw new StripeApiError(401, StripeApiError.INVALID_REQUEST, null, null,
                    "This is the ScanTill sandbox: it never accepts a live key (sk_live_/rk_live_). Use the sandbox key.");
        }
        // Compared in constant time: on a LAN the time of a refusal must not tell how much of a guess was right.
        if (!MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), secretKey.getBytes(StandardCharsets.UTF_8))) {
            // Stripe's wording shows the key masked to its last four characters; whether a code comes with it is not confirmed.
            throw new StripeApiError(401, StripeApiError.INVALID_REQUEST, null, null,
                    "Invalid API Key provided: " + SandboxKeys.masked(given));
        }
    }
}
