package app.scantill.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Garbage in never gives a 500 or a hung connection; every API refusal is in Stripe's envelope. */
class SandboxRobustnessTest {

    private StripeSandbox sandbox;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void start() throws Exception {
        sandbox = SandboxTestSupport.startInMemory();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private HttpResponse<String> send(String method, String path, String body, boolean authorized) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sandbox.apiBase() + path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (authorized) {
            b.header("Authorization", "Bearer " + sandbox.secretKey());
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertEnvelope(HttpResponse<String> r, int status, String type) {
        assertThat(r.statusCode()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(r.headers().firstValue("Request-Id")).hasValueSatisfying(v -> assertThat(v).startsWith("req_"));
        assertThat(r.body()).contains("\"error\"").contains("\"type\": \"" + type + "\"").contains("\"message\"");
    }

    @Test
    void missingKeyIsA401InStripesEnvelope() throws Exception {
        HttpResponse<String> r = send("GET", "/v1/checkout/sessions", null, false);
        assertEnvelope(r, 401, "invalid_request_error");
        assertThat(r.body()).contains("You did not provide an API key.");
    }

    @Test
    void unknownPathIsA404InStripesEnvelope() throws Exception {
        HttpResponse<String> r = send("GET", "/v1/charges", null, true);
        assertEnvelope(r, 404, "invalid_request_error");
        assertThat(r.body()).contains("Unrecognized request URL (GET: /v1/charges)");
    }

    @Test
    void wrongMethodOnAKnownPathIsA404InStripesEnvelope() throws Exception {
        assertEnvelope(send("DELETE", "/v1/checkout/sessions", null, true), 404, "invalid_request_error");
        assertEnvelope(send("PUT", "/v1/payment_intents/pi_1", "a=1", true), 404, "invalid_request_error");
    }

    @Test
    void brokenFormEncodingIsA400() throws Exception {
        assertEnvelope(send("POST", "/v1/checkout/sessions", "mode=%E0%A4%A&line_items[0]=%%", true), 400,
                "invalid_request_error");
    }

    @Test
    void bodyOverOneMebibyteIsRefusedWith413() throws Exception {
        String huge = "metadata[x]=" + "a".repeat(ApiHandler.MAX_BODY + 10);
        assertEnvelope(send("POST", "/v1/checkout/sessions", huge, true), 413, "invalid_request_error");
        assertThat(sandbox.sessions()).isEmpty();
    }

    @Test
    void binaryGarbageBodyIsRefusedNotCrashed() throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create(sandbox.apiBase() + "/v1/checkout/sessions"))
                .header("Authorization", "Bearer " + sandbox.secretKey())
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {0, (byte) 0xff, '&', '=', '[', 0x7f}))
                .build();
        HttpResponse<String> response = http.send(r, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void malformedHttpGetsAnAnswerOrACloseNeverAHang() throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", sandbox.port()), 5_000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write("THIS IS NOT HTTP\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = readAll(socket.getInputStream());
            assertThat(answer).doesNotContain(" 500 ");
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the sandbox left a malformed request hanging", e);
        }
        assertThat(send("GET", "/v1/checkout/sessions", null, true).statusCode()).isEqualTo(200);
    }

    @Test
    void overlongIdempotencyKeyIsRefused() throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create(sandbox.apiBase() + "/v1/checkout/sessions"))
                .header("Authorization", "Bearer " + sandbox.secretKey())
                .header("Idempotency-Key", "k".repeat(256))
                .POST(HttpRequest.BodyPublishers.ofString("mode=payment")).build();
        assertEnvelope(http.send(r, HttpResponse.BodyHandlers.ofString()), 400, "invalid_request_error");
    }

    @Test
    void unknownPagePathIsAFriendly404() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(sandbox.publicBase() + "/c/nothing"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("Page not found");
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        byte[] chunk = new byte[4096];
        int n;
        while ((n = in.read(chunk)) > 0) {
            buf.write(chunk, 0, n);
        }
        return buf.toString(StandardCharsets.ISO_8859_1);
    }
}
