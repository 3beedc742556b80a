package app.scantill.sandbox;

/** What keys the sandbox will hold: test-mode secret keys only, never a live one. */
final class SandboxKeys {

    private SandboxKeys() {
    }

    static boolean isLive(String key) {
        return key != null && (key.startsWith("sk_live_") || key.startsWith("rk_live_"));
    }

    /** A test secret key as Stripe makes them: the prefix, then letters and digits only. */
    static boolean isStripeShaped(String key) {
        return key != null && key.matches("(sk|rk)_test_[A-Za-z0-9]{12,}");
    }

    static void requireSandboxKey(String key) {
        if (isLive(key)) {
            // Never echo the key itself: this message may reach a log.
            throw new IllegalArgumentException("The sandbox never accepts a live Stripe key");
        }
        if (!isStripeShaped(key)) {
            throw new IllegalArgumentException("A sandbox key must be a test secret key (sk_test_ then at least 12"
                    + " letters and digits)");
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
