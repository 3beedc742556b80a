package app.scantill.sandbox;

/** What keys the sandbox will hold: test-mode secret keys only, never a live one. */
final class SandboxKeys {

    private SandboxKeys() {
    }

    static boolean isLive(String key) {
        return key != null && (key.startsWith("sk_live_") || key.startsWith("rk_live_"));
    }

    static void requireSandboxKey(String key) {
        if (isLive(key)) {
            // Never echo the key itself: this message may reach a log.
            throw new IllegalArgumentException("The sandbox never accepts a live Stripe key");
        }
        if (key == null || !(key.startsWith("sk_test_") || key.startsWith("rk_test_")) || key.length() < 20
                || !key.matches("[A-Za-z0-9_]+")) {
            throw new IllegalArgumentException("A sandbox key must be a test secret key (sk_test_...) of at least 20 characters");
        }
    }

    /** Last four characters at most, as Stripe shows a key. */
    static String masked(String key) {
        if (key == null || key.length() < 12) {
            return "****";
        }
        int underscore = key.indexOf('_', 3);
        String prefix = underscore > 0 && underscore < 8 ? key.substring(0, underscore + 1) : "";
        return prefix + "*".repeat(8) + key.substring(key.length() - 4);
    }
}
