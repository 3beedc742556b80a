package app.scantill.config;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.spec.KeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The manager PIN as ScanTill stores it: never the PIN, only a salted PBKDF2-HMAC-SHA256 hash
 * ({@code pbkdf2-sha256$<iterations>$<salt>$<hash>}, Base64), from the JDK alone. A PIN is short, so the
 * hash is slow on purpose: someone who copies the config file still has to try every PIN at that cost.
 * {@link #toString()} never shows the hash.
 */
public final class ManagerPin {

    static final String SCHEME = "pbkdf2-sha256";
    static final int ITERATIONS = 210_000;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;

    private final int iterations;
    private final byte[] salt;
    private final byte[] hash;

    private ManagerPin(int iterations, byte[] salt, byte[] hash) {
        this.iterations = iterations;
        this.salt = salt;
        this.hash = hash;
    }

    /**
     * The stored form of a new PIN, with a fresh salt.
     *
     * @throws IllegalArgumentException when the PIN is not 4 to 12 digits
     */
    public static ManagerPin hash(char[] pin) {
        requireDigits(pin);
        byte[] salt = new byte[SALT_BYTES];
        new SecureRandom().nextBytes(salt);
        return new ManagerPin(ITERATIONS, salt, derive(pin, salt, ITERATIONS));
    }

    /** Reads the stored form. */
    public static ManagerPin parse(String stored) {
        String[] parts = Objects.requireNonNull(stored, "stored").split("\\$");
        try {
            if (parts.length == 4 && parts[0].equals(SCHEME)) {
                int iterations = Integer.parseInt(parts[1]);
                byte[] salt = Base64.getDecoder().decode(parts[2]);
                byte[] hash = Base64.getDecoder().decode(parts[3]);
                if (iterations >= 10_000 && salt.length >= 8 && hash.length == HASH_BITS / 8) {
                    return new ManagerPin(iterations, salt, hash);
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the refusal below, which does not repeat the value
        }
        throw new IllegalArgumentException("not a PIN hash written by --set-manager-pin");
    }

    /** Whether {@code pin} is the manager PIN; compared in constant time. */
    public boolean matches(char[] pin) {
        if (pin == null || pin.length == 0) {
            return false;
        }
        return MessageDigest.isEqual(hash, derive(pin, salt, iterations));
    }

    /** The form written to the config file. */
    public String stored() {
        return SCHEME + "$" + iterations + "$" + Base64.getEncoder().encodeToString(salt) + "$"
                + Base64.getEncoder().encodeToString(hash);
    }

    static void requireDigits(char[] pin) {
        if (pin == null || pin.length < 4 || pin.length > 12) {
            throw new IllegalArgumentException("a manager PIN has 4 to 12 digits");
        }
        for (char c : pin) {
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("a manager PIN has digits only");
            }
        }
    }

    private static byte[] derive(char[] pin, byte[] salt, int iterations) {
        KeySpec spec = new PBEKeySpec(pin, salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every Java 17", e);
        } finally {
            ((PBEKeySpec) spec).clearPassword();
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ManagerPin p && p.iterations == iterations && Arrays.equals(p.salt, salt)
                && Arrays.equals(p.hash, hash);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(hash);
    }

    @Override
    public String toString() {
        return "ManagerPin[hidden]";
    }
}
