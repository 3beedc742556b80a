package app.scantill.ledger;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP relay in front of the test PostgreSQL, so a test can take "the store server" away and
 * bring it back without touching the real server: {@link #cut()} closes every relayed connection and
 * refuses new ones until {@link #restore()}. Tills are pointed at {@link #url(LedgerDatabase)}.
 */
public final class LedgerProxy implements AutoCloseable {

    private final ServerSocket server;
    private final String targetHost;
    private final int targetPort;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile boolean cut;

    public LedgerProxy(LedgerDatabase db) throws IOException {
        URI uri = URI.create(db.url().substring("jdbc:".length()));
        this.targetHost = uri.getHost();
        this.targetPort = uri.getPort() < 0 ? 5432 : uri.getPort();
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "ledger-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The database's URL with this relay's port instead of the server's. */
    public String url(LedgerDatabase db) {
        return db.url().replaceFirst("//[^/]+/", "//127.0.0.1:" + server.getLocalPort() + "/");
    }

    /** The server is "down": every connection through the relay breaks, new ones are refused. */
    public void cut() {
        cut = true;
        for (Socket s : open) {
            closeQuietly(s);
        }
        open.clear();
    }

    public void restore() {
        cut = false;
    }

    @Override
    public void close() throws IOException {
        cut();
        server.close();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                if (cut) {
                    closeQuietly(client);
                    continue;
                }
                Socket upstream = new Socket();
                upstream.connect(new InetSocketAddress(targetHost, targetPort), 3000);
                open.add(client);
                open.add(upstream);
                pipe(client, upstream);
                pipe(upstream, client);
            } catch (IOException e) {
                // The relay was closed, or the server refused: the client sees its connection fail.
            }
        }
    }

    private void pipe(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[16384];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // Cut or closed.
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "ledger-proxy-pipe");
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // Closed already.
        }
    }
}
