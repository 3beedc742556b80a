package app.scantill.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Garbage on the sandbox's port, written byte for byte on raw sockets (what a browser or stripe-java
 * would never send): every answer is a Stripe-style 4xx, never a 500, and no connection is left
 * hanging. {@link SandboxRobustnessTest} covers the well-formed-HTTP cases.
 */
class SandboxGarbageRequestTest {

    /** Longest a half-sent request may hold a connection: the sandbox's limit plus the server's timer tick. */
    private static final Duration HANG_BOUND = StripeSandbox.MAX_REQUEST_TIME.plusSeconds(4);

    private StripeSandbox sandbox;

    @BeforeEach
    void start() throws Exception {
        sandbox = SandboxTestSupport.startInMemory();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private record Answer(int status, String head, String body, boolean closed) {
    }

    private Answer exchange(byte[] request, Duration wait) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", sandbox.port()), 5_000);
            socket.setSoTimeout((int) wait.toMillis());
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
                socket.shutdownOutput();
            } catch (SocketException closedEarly) {
                // The sandbox may refuse and close before reading everything: the answer is what counts.
            }
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] chunk = new byte[8192];
            try {
                int n;
                while ((n = in.read(chunk)) > 0) {
                    buf.write(chunk, 0, n);
                }
            } catch (SocketTimeoutException e) {
                throw new AssertionError("the sandbox left the connection hanging for " + wait + "; got so far: "
                        + buf.toString(StandardCharsets.ISO_8859_1), e);
            } catch (SocketException reset) {
                // A reset after the answer (or instead of one) still ends the connection.
            }
            String raw = buf.toString(StandardCharsets.UTF_8);
            int status = raw.startsWith("HTTP/1.") && raw.length() >= 12 ? Integer.parseInt(raw.substring(9, 12)) : 0;
            int split = raw.indexOf("\r\n\r\n");
            return new Answer(status, split < 0 ? raw : raw.substring(0, split),
                    split < 0 ? "" : raw.substring(split + 4), true);
        }
    }

    private Answer send(String request) throws IOException {
        return exchange(request.getBytes(StandardCharsets.ISO_8859_1), Duration.ofSeconds(10));
    }

    private String auth() {
        return "Authorization: Bearer " + sandbox.secretKey() + "\r\n";
    }

    private static String post(String path, String headers, String body) {
        return "POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n" + headers
                + "Content-Length: " + body.getBytes(StandardCharsets.ISO_8859_1).length + "\r\n\r\n" + body;
    }

    private static void assertStripeRefusal(Answer a) {
        assertThat(a.status()).as(a.head()).isBetween(400, 499);
        assertThat(a.head()).containsIgnoringCase("Content-Type: application/json");
        assertThat(a.body()).contains("\"error\"").contains("\"type\"").contains("\"message\"");
    }

    @Test
    void brokenFormEncodingsAreRefusedWithStripeErrors() throws Exception {
        List<String> bodies = List.of("%", "mode=%zz", "a=%E0%A4%A", "%%%%%%=1", "line_items[0][price_data=%G1",
                "mode=payment&%FF%FE=%C3%28", "=&=&=", "&&&&", "line_items[abc][quantity]=1",
                "line_items[0][quantity]=99999999999999999999999999", "payment_method_types[999999999]=card",
                "a" + "[x".repeat(2_000) + "=1");
        for (String body : bodies) {
            Answer a = send(post("/v1/checkout/sessions", auth(), body));
            assertStripeRefusal(a);
        }
        assertThat(sandbox.sessions()).isEmpty();
    }

    @Test
    void unknownPathsAreStripe404sWhateverTheyContain() throws Exception {
        for (String path : List.of("/", "/v1", "/v2/checkout/sessions", "/v1/../../etc/passwd",
                "/v1/checkout/sessions/%00%ff/expire/x", "/v1/checkout/sessions/" + "x".repeat(5_000) + "/y",
                "/v1/customers", "/v1/payouts")) {
            Answer a = send("GET " + path + " HTTP/1.1\r\nHost: x\r\n" + auth() + "\r\n");
            assertStripeRefusal(a);
            assertThat(a.status()).as(path).isIn(400, 404);
        }
    }

    @Test
    void oddMethodsAreRefusedNeverServed() throws Exception {
        for (String method : List.of("BREW", "TRACE", "OPTIONS", "PATCH", "DELETE", "CONNECT")) {
            Answer a = send(method + " /v1/checkout/sessions HTTP/1.1\r\nHost: x\r\n" + auth()
                    + "Content-Length: 0\r\n\r\n");
            assertThat(a.status()).as(method).isBetween(400, 499);
            assertThat(a.status()).isNotEqualTo(500);
        }
    }

    @Test
    void missingOrGarbledAuthorizationIsA401() throws Exception {
        for (String header : List.of("", "Authorization: Basic Zm9vOmJhcg==\r\n", "Authorization: Bearer\r\n",
                "Authorization: Bearer " + "\u00ff".repeat(300) + "\r\n", "Authorization: bearer sk_live_123\r\n",
                "Authorization: Bearer sk_test_" + "A".repeat(5_000) + "\r\n")) {
            Answer a = send("GET /v1/checkout/sessions HTTP/1.1\r\nHost: x\r\n" + header + "\r\n");
            assertStripeRefusal(a);
            assertThat(a.status()).as(header).isEqualTo(401);
            assertThat(a.body()).doesNotContain(sandbox.secretKey());
        }
    }

    @Test
    void garbledHeadersGetAnAnswerOrACloseNeverA500() throws Exception {
        List<String> requests = List.of(
                "POST /v1/checkout/sessions HTTP/1.1\r\nHost: x\r\n" + auth() + "Content-Length: -5\r\n\r\nmode=x",
                "POST /v1/checkout/sessions HTTP/1.1\r\nHost: x\r\n" + auth() + "Content-Length: abc\r\n\r\nmode=x",
                "POST /v1/checkout/sessions HTTP/1.1\r\nHost: x\r\n" + auth() + "Transfer-Encoding: chunked\r\n\r\n"
                        + "zz\r\nmode\r\n0\r\n\r\n",
                "GET /v1/checkout/sessions HTTP/1.1\r\nthis line has no colon\r\n" + auth() + "\r\n",
                "GET /v1/checkout/sessions HTTP/1.1\r\nX-Huge: " + "h".repeat(200_000) + "\r\n" + auth() + "\r\n",
                "GET /v1/checkout/sessions HTTP/9.9\r\n" + auth() + "\r\n",
                "GET\r\n\r\n",
                "\r\n\r\n\r\n");
        for (String request : requests) {
            Answer a = send(request);
            assertThat(a.status()).as(request.substring(0, Math.min(80, request.length()))).isNotEqualTo(500);
            if (a.status() != 0) {
                assertThat(a.status()).isBetween(200, 499);
            }
        }
        assertThat(send("GET /v1/checkout/sessions HTTP/1.1\r\nHost: x\r\n" + auth() + "\r\n").status())
                .isEqualTo(200);
    }

    @Test
    void hugeChunkedBodyWithoutALengthIsRefusedWith413() throws Exception {
        StringBuilder request = new StringBuilder("POST /v1/checkout/sessions HTTP/1.1\r\nHost: x\r\n" + auth()
                + "Transfer-Encoding: chunked\r\n\r\n");
        String chunk = "a".repeat(64 * 1024);
        for (int i = 0; i < 20; i++) {
            request.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
        }
        request.append("0\r\n\r\n");
        Answer a = send(request.toString());
        assertStripeRefusal(a);
        assertThat(a.status()).isEqualTo(413);
    }

    @Test
    void randomBytesNeverGetA500() throws Exception {
        Random random = new Random(20261129);
        for (int i = 0; i < 40; i++) {
            byte[] junk = new byte[1 + random.nextInt(4_000)];
            random.nextBytes(junk);
            if (i % 2 == 0) {
                byte[] prefix = ("POST /v1/checkout/sessions HTTP/1.1\r\nHost: x\r\n" + auth() + "Content-Length: "
                        + junk.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
                byte[] both = new byte[prefix.length + junk.length];
                System.arraycopy(prefix, 0, both, 0, prefix.length);
                System.arraycopy(junk, 0, both, prefix.length, junk.length);
                junk = both;
            }
            Answer a = exchange(junk, Duration.ofSeconds(10));
            assertThat(a.status()).isNotEqualTo(500);
        }
        assertThat(sandbox.sessions()).isEmpty();
    }

    /**
     * Slowloris: connections that send half a request line, half the headers or a body shorter than its
     * Content-Length. Each must be closed by the sandbox within its request time limit, all at once,
     * while a normal request is still served.
     */
    @Test
    void halfSentRequestsAreCutOffInBoundedTimeAndOthersAreStillServed() throws Exception {
        // A connection that sends nothing at all is not in this list: the JDK 17 server keeps it open (it
        // costs a socket, not a thread), see docs/security.md.
        List<byte[]> partial = List.of(
                "GET /v1/checkout/ses".getBytes(StandardCharsets.ISO_8859_1),
                ("GET /v1/checkout/sessions HTTP/1.1\r\nHost: x\r\n" + auth()).getBytes(StandardCharsets.ISO_8859_1),
                ("POST /v1/checkout/sessions HTTP/1.1\r\nHost: x\r\n" + auth() + "Content-Length: 1000\r\n\r\nmode=pay")
                        .getBytes(StandardCharsets.ISO_8859_1),
                ("POST /c/pay/cs_test_x HTTP/1.1\r\nHost: x\r\nContent-Length: 500\r\n\r\nmethod=")
                        .getBytes(StandardCharsets.ISO_8859_1));
        ExecutorService pool = Executors.newFixedThreadPool(partial.size());
        try {
            List<CompletableFuture<Long>> closedAfter = new ArrayList<>();
            for (byte[] start : partial) {
                closedAfter.add(CompletableFuture.supplyAsync(() -> holdOpen(start), pool));
            }
            // Meanwhile the till is still served.
            assertThat(send("GET /v1/checkout/sessions HTTP/1.1\r\nHost: x\r\n" + auth() + "\r\n").status())
                    .isEqualTo(200);
            List<Long> millis = new ArrayList<>();
            for (CompletableFuture<Long> f : closedAfter) {
                millis.add(f.get(HANG_BOUND.toSeconds() + 10, TimeUnit.SECONDS));
            }
            assertThat(millis).allSatisfy(m -> assertThat(m).isLessThanOrEqualTo(HANG_BOUND.toMillis()));
        } finally {
            pool.shutdownNow();
        }
    }

    /** Sends {@code start}, never the rest, and returns how long the sandbox took to end the connection. */
    private long holdOpen(byte[] start) {
        long t0 = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", sandbox.port()), 5_000);
            socket.setSoTimeout((int) HANG_BOUND.plusSeconds(5).toMillis());
            socket.getOutputStream().write(start);
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            byte[] chunk = new byte[4096];
            while (in.read(chunk) > 0) {
                // an answer (e.g. 408 or 400) is fine: the end of the stream is what is awaited
            }
        } catch (SocketTimeoutException e) {
            return Long.MAX_VALUE;
        } catch (IOException reset) {
            // closed by the sandbox
        }
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    }
}
