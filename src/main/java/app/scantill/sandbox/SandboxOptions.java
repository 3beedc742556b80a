package app.scantill.sandbox;

import app.scantill.text.Texts;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * How to run a sandbox: where it listens, which host its URLs name, where it keeps its sessions.
 * Immutable; each {@code with...} method returns a changed copy.
 *
 * <p>The default listens on loopback only, on a random port, in memory: right for tests. A demo
 * kiosk listens on its LAN address ({@link #onLan()}) so a phone on the same Wi-Fi can open the
 * pay page, and keeps a file ({@link #persistentAt(Path)}) so open sessions survive a restart.
 *
 * @param file where sessions and the key are kept, or null to keep them in memory
 * @param bindAddress the address to listen on
 * @param advertisedHost the host put in pay-page URLs (and so in QR codes), or null for the bind address
 * @param port the port, or 0 for the port used last time when free (else a random one)
 * @param secretKey a fixed {@code sk_test_} key, or null for a random one per file (or per run in memory)
 * @param withheldPermissions restricted-key permissions the key lacks from the start (constants of
 *     {@link SandboxPermissions}): their endpoints answer HTTP 403 as Stripe answers such a key
 * @param account the Stripe account played: Amazon Pay, settlement currency (see {@link SandboxAccount})
 * @param apiDelay added before every Stripe API answer (not the pay page): the round trip to a remote
 *     Stripe, for benchmarks; zero by default
 */
public record SandboxOptions(
        Path file,
        InetAddress bindAddress,
        String advertisedHost,
        int port,
        SandboxClock clock,
        String merchantName,
        String secretKey,
        Locale displayLocale,
        Set<String> withheldPermissions,
        SandboxAccount account,
        java.time.Duration apiDelay) {

    public static final String DEFAULT_MERCHANT = "ScanTill Demo Shop";

    public SandboxOptions {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(displayLocale, "displayLocale");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(apiDelay, "apiDelay");
        if (apiDelay.isNegative() || apiDelay.compareTo(java.time.Duration.ofSeconds(10)) > 0) {
            throw new IllegalArgumentException("apiDelay must be 0..10 s");
        }
        withheldPermissions = Set.copyOf(withheldPermissions);
        withheldPermissions.forEach(SandboxPermissions::known);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535");
        }
        if (Texts.isBlank(merchantName)) {
            throw new IllegalArgumentException("merchantName must not be blank");
        }
        if (secretKey != null) {
            SandboxKeys.requireSandboxKey(secretKey);
        }
        if (advertisedHost != null && !advertisedHost.matches("[A-Za-z0-9.:\\-\\[\\]]{1,253}")) {
            throw new IllegalArgumentException("advertisedHost must be a host name or IP address");
        }
    }

    /** Loopback, random port, memory only, wall-clock time: for tests. */
    public static SandboxOptions inMemory() {
        return new SandboxOptions(null, InetAddress.getLoopbackAddress(), null, 0, SandboxClock.system(),
                DEFAULT_MERCHANT, null, Locale.US, Set.of(), SandboxAccount.anywhere(), java.time.Duration.ZERO);
    }

    /** Like {@link #inMemory()}, but sessions and the key live in {@code file} (JSON) across restarts. */
    public static SandboxOptions persistentAt(Path file) {
        return inMemory().withFile(Objects.requireNonNull(file, "file"));
    }

    public SandboxOptions withFile(Path newFile) {
        return edit(d -> d.file = newFile);
    }

    public SandboxOptions withBindAddress(InetAddress address) {
        return edit(d -> d.bindAddress = address);
    }

    public SandboxOptions withAdvertisedHost(String host) {
        return edit(d -> d.advertisedHost = host);
    }

    /**
     * Listens on the machine's LAN address and names it in URLs, so a phone on the same network can
     * pay. Fails when the machine has no site-local IPv4 address.
     */
    public SandboxOptions onLan() {
        InetAddress lan = detectLanAddress().orElseThrow(() -> new IllegalStateException(
                "No LAN (site-local IPv4) address found: connect to a network or set the address explicitly"));
        return withBindAddress(lan).withAdvertisedHost(lan.getHostAddress());
    }

    public SandboxOptions withPort(int newPort) {
        return edit(d -> d.port = newPort);
    }

    public SandboxOptions withClock(SandboxClock newClock) {
        return edit(d -> d.clock = newClock);
    }

    /**
     * A Stripe whose clock is {@code offset} ahead of this machine's (behind when negative): what a till with
     * a wrong clock meets. See {@link SandboxClock#offsetFromSystem}.
     */
    public SandboxOptions withClockOffset(java.time.Duration offset) {
        return withClock(SandboxClock.offsetFromSystem(offset));
    }

    /** The Stripe account to play: Amazon Pay, settlement currency and rates. */
    public SandboxOptions withAccount(SandboxAccount newAccount) {
        return edit(d -> d.account = newAccount);
    }

    /**
     * Every Stripe API request waits {@code delay} before it is handled, as if Stripe were across the
     * internet (a create from a shop takes some 300 ms); the pay page answers at once. For benchmarks.
     */
    public SandboxOptions withApiDelay(java.time.Duration delay) {
        return edit(d -> d.apiDelay = delay);
    }

    public SandboxOptions withMerchantName(String name) {
        return edit(d -> d.merchantName = name);
    }

    /** A fixed test key (e.g. shared with a demo script). Live keys are refused. */
    public SandboxOptions withSecretKey(String key) {
        return edit(d -> d.secretKey = key);
    }

    public SandboxOptions withDisplayLocale(Locale locale) {
        return edit(d -> d.displayLocale = locale);
    }

    /**
     * The key lacks {@code permission} from the start (e.g. {@link SandboxPermissions#EVENTS_READ}: a restricted key
     * without Events: Read), as {@link StripeSandbox#permissions()} withholds one while the sandbox runs.
     */
    public SandboxOptions withoutPermission(String permission) {
        Set<String> withheld = new java.util.HashSet<>(withheldPermissions);
        withheld.add(SandboxPermissions.known(permission));
        return edit(d -> d.withheldPermissions = withheld);
    }

    /** A copy with {@code change} applied, checked by the constructor like any other. */
    private SandboxOptions edit(Consumer<Draft> change) {
        Draft d = new Draft(this);
        change.accept(d);
        return new SandboxOptions(d.file, d.bindAddress, d.advertisedHost, d.port, d.clock, d.merchantName,
                d.secretKey, d.displayLocale, d.withheldPermissions, d.account, d.apiDelay);
    }

    /** The options as plain fields, so each {@code with...} names only the one it changes. */
    private static final class Draft {
        Path file;
        InetAddress bindAddress;
        String advertisedHost;
        int port;
        SandboxClock clock;
        String merchantName;
        String secretKey;
        Locale displayLocale;
        Set<String> withheldPermissions;
        SandboxAccount account;
        java.time.Duration apiDelay;

        Draft(SandboxOptions o) {
            file = o.file;
            bindAddress = o.bindAddress;
            advertisedHost = o.advertisedHost;
            port = o.port;
            clock = o.clock;
            merchantName = o.merchantName;
            secretKey = o.secretKey;
            displayLocale = o.displayLocale;
            withheldPermissions = o.withheldPermissions;
            account = o.account;
            apiDelay = o.apiDelay;
        }
    }

    public Optional<Path> fileOption() {
        return Optional.ofNullable(file);
    }

    /** The first site-local IPv4 address of an up, non-loopback, non-virtual interface. */
    public static Optional<InetAddress> detectLanAddress() {
        try {
            for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!ni.isUp() || ni.isLoopback() || ni.isVirtual() || ni.isPointToPoint()) {
                    continue;
                }
                for (InetAddress a : Collections.list(ni.getInetAddresses())) {
                    if (a instanceof Inet4Address && a.isSiteLocalAddress()) {
                        return Optional.of(a);
                    }
                }
            }
        } catch (SocketException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "SandboxOptions[file=" + file + ", bind=" + bindAddress.getHostAddress() + ", advertisedHost="
                + advertisedHost + ", port=" + port + ", merchant=" + merchantName + ", secretKey="
                + (secretKey == null ? "random" : SandboxKeys.masked(secretKey)) + ", account=" + account
                + (apiDelay.isZero() ? "" : ", apiDelay=" + apiDelay.toMillis() + " ms") + "]";
    }
}
