package app.scantill.ledger;

import java.util.Objects;
import java.util.Properties;

/**
 * Where the store ledger is and how to log in. The password is handed to the driver only; the record's
 * {@link #toString()} shows neither user nor password, so it may go into a log line.
 *
 * @param url {@code jdbc:postgresql://host[:port]/database[?options]}
 * @param user null for the driver's default
 * @param password null for trust or peer authentication
 * @param applicationName what the server shows for these connections ({@code pg_stat_activity})
 */
public record LedgerAddress(String url, String user, String password, String applicationName) {

    public LedgerAddress {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(applicationName, "applicationName");
    }

    /** The driver's connection properties: credentials, time limits, and the name shown on the server. */
    Properties driverProperties() {
        Properties p = new Properties();
        if (user != null) {
            p.setProperty("user", user);
        }
        if (password != null) {
            p.setProperty("password", password);
        }
        p.setProperty("ApplicationName", applicationName);
        // A server that went away must not hang a till's thread: fail, and try again later.
        p.setProperty("connectTimeout", "3");
        p.setProperty("socketTimeout", "30");
        p.setProperty("tcpKeepAlive", "true");
        return p;
    }

    @Override
    public String toString() {
        return "LedgerAddress[" + url + (user == null ? "" : ", user (hidden)")
                + (password == null ? "" : ", password (hidden)") + "]";
    }
}
