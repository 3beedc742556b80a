package app.scantill.config;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** The name of the computer ScanTill runs on, as a person at another till would know it. */
public final class MachineName {

    private MachineName() {
    }

    /** The host name from the environment (set by every shell), else the resolver's, else "unknown". */
    public static String current() {
        for (String variable : new String[] {"HOSTNAME", "COMPUTERNAME"}) {
            String v = System.getenv(variable);
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
