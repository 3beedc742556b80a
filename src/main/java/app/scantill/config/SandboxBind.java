package app.scantill.config;

import app.scantill.text.Texts;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the embedded sandbox listens: only this computer, every network interface (so a phone on
 * the same LAN can open the pay page), or one given address.
 *
 * @param address the IP address when {@code kind} is {@link Kind#ADDRESS}, otherwise null
 */
public record SandboxBind(Kind kind, InetAddress address) {

    public enum Kind { LOOPBACK, LAN, ADDRESS }

    public static final SandboxBind LOOPBACK = new SandboxBind(Kind.LOOPBACK, null);
    public static final SandboxBind LAN = new SandboxBind(Kind.LAN, null);

    /**
     * Parses {@code loopback}, {@code lan} or an IP address literal. Host names are refused so that
     * reading the configuration never waits for DNS.
     */
    public static SandboxBind parse(String text) {
        String t = text == null ? "" : text.strip();
        switch (t.toLowerCase(Locale.ROOT)) {
            case "loopback":
                return LOOPBACK;
            case "lan":
                return LAN;
            default:
                break;
        }
        boolean ipv4 = t.matches("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
        boolean ipv6 = t.contains(":") && t.matches("[0-9A-Fa-f:.]+");
        if (ipv4 || ipv6) {
            try {
                return new SandboxBind(Kind.ADDRESS, InetAddress.getByName(t));
            } catch (UnknownHostException e) {
                // falls through to the message below
            }
        }
        throw SettingRefusal.of("config.refused.sandbox_bind", Texts.abbreviate(t, 60));
    }

    public Optional<InetAddress> addressIfGiven() {
        return Optional.ofNullable(address);
    }

    @Override
    public String toString() {
        return kind == Kind.ADDRESS ? address.getHostAddress() : kind.name().toLowerCase(Locale.ROOT);
    }

}
