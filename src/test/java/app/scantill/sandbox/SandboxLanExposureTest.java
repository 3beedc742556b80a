package app.scantill.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.stripe.StripeClient;
import com.stripe.model.checkout.Session;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What someone else on the shop's Wi-Fi can do with a sandbox bound to the LAN ({@code sandbox.bind=lan}):
 * guess nothing, call no API without the key, open and pay only pages of sessions that exist and are
 * open, and send nothing large. Tested on loopback: the checks do not depend on the address.
 */
class SandboxLanExposureTest {

    private StripeSandbox sandbox;
    private StripeClient stripe;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void start() throws Exception {
        sandbox = SandboxTestSupport.startInMemory();
        stripe = SandboxTestSupport.client(sandbox);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private Session create() throws Exception {
        return stripe.v1().checkout().sessions().create(SandboxTestSupport.cart(sandbox).build());
    }

    private HttpResponse<String> request(String method, String url, String authorization, String body)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void sessionIdsCarryAboutThreeHundredRandomBitsAndNoSharedStructure() throws Exception {
        Set<String> ids = new HashSet<>();
        Map<Character, Integer> counts = new HashMap<>();
        int chars = 0;
        for (int i = 0; i < 200; i++) {
            String id = create().getId();
            assertThat(id).startsWith("cs_test_").hasSize(8 + 58).matches("cs_test_[0-9A-Za-z]{58}");
            assertThat(ids.add(id)).isTrue();
            for (char c : id.substring(8).toCharArray()) {
                counts.merge(c, 1, Integer::sum);
                chars++;
            }
        }
        double entropyPerChar = 0;
        for (int count : counts.values()) {
            double p = (double) count / chars;
            entropyPerChar -= p * (Math.log(p) / Math.log(2));
        }
        // log2(62) = 5.95 bits per character when uniform; 58 characters give ~345 bits.
        assertThat(entropyPerChar).isGreaterThan(5.8);
        assertThat(entropyPerChar * 58).isGreaterThan(300);
        List<String> sorted = ids.stream().sorted().toList();
        for (int i = 1; i < sorted.size(); i++) {
            assertThat(commonPrefix(sorted.get(i - 1), sorted.get(i))).isLessThan(8 + 4);
        }
    }

    private static int commonPrefix(String a, String b) {
        int n = 0;
        while (n < a.length() && n < b.length() && a.charAt(n) == b.charAt(n)) {
            n++;
        }
        return n;
    }

    @Test
    void everyApiCallNeedsTheSandboxKeyWhateverElseTheCallerKnows() throws Exception {
        Session session = create();
        String id = session.getId();
        String fragment = URI.create(session.getUrl()).getFragment();
        String base = sandbox.apiBase();
        List<String[]> calls = List.of(new String[] {"GET", "/v1/checkout/sessions"},
                new String[] {"POST", "/v1/checkout/sessions"}, new String[] {"GET", "/v1/checkout/sessions/" + id},
                new String[] {"POST", "/v1/checkout/sessions/" + id + "/expire"},
                new String[] {"GET", "/v1/checkout/sessions/" + id + "/line_items"},
                new String[] {"GET", "/v1/payment_intents/pi_x"});
        List<String> wrongAuthorizations = java.util.Arrays.asList(null, "Bearer " + id, "Bearer " + fragment,
                "Bearer sk_test_" + "x".repeat(40), "Basic " + java.util.Base64.getEncoder().encodeToString(
                        (sandbox.secretKey().substring(0, 20) + ":").getBytes()));
        for (String[] call : calls) {
            for (String authorization : wrongAuthorizations) {
                HttpResponse<String> r = request(call[0], base + call[1], authorization,
                        call[0].equals("POST") ? "mode=payment" : null);
                assertThat(r.statusCode()).as(call[0] + " " + call[1] + " with " + authorization).isEqualTo(401);
                assertThat(r.body()).doesNotContain(sandbox.secretKey()).doesNotContain("cs_test_x");
            }
        }
        assertThat(sandbox.session(id).orElseThrow().isOpen()).isTrue();
        assertThat(sandbox.sessions()).hasSize(1);
    }

    @Test
    void payPagesExistOnlyForRealSessionsAndPayOnlyOpenOnes() throws Exception {
        Session open = create();
        String page = sandbox.publicBase() + "/c/pay/";
        String guess = "cs_test_" + "A".repeat(58);
        assertThat(request("GET", page + guess, null, null).statusCode()).isEqualTo(404);
        assertThat(request("POST", page + guess, null, "method=card").statusCode()).isEqualTo(404);
        String neighbour = open.getId().substring(0, open.getId().length() - 1)
                + (open.getId().endsWith("A") ? "B" : "A");
        assertThat(request("POST", page + neighbour, null, "method=card").statusCode()).isEqualTo(404);
        assertThat(request("GET", page + "..%2F..%2Fv1%2Fcheckout%2Fsessions", null, null).statusCode()).isEqualTo(404);
        assertThat(sandbox.session(open.getId()).orElseThrow().isOpen()).isTrue();

        Session expired = create();
        sandbox.expire(expired.getId());
        assertThat(request("POST", page + expired.getId(), null, "method=card").statusCode()).isEqualTo(409);
        assertThat(sandbox.session(expired.getId()).orElseThrow().isPaid()).isFalse();

        assertThat(request("POST", page + open.getId(), null, "method=card").statusCode()).isEqualTo(303);
        assertThat(request("POST", page + open.getId(), null, "method=amazon_pay").statusCode()).isEqualTo(409);
        assertThat(sandbox.session(open.getId()).orElseThrow().paymentMethodType()).isEqualTo("card");
    }

    @Test
    void payFormBodiesAreSizeLimitedAndAnOversizedOnePaysNothing() throws Exception {
        Session open = create();
        String huge = "method=card&x=" + "a".repeat(PayPageHandler.MAX_BODY);
        HttpResponse<String> r = request("POST", sandbox.publicBase() + "/c/pay/" + open.getId(), null, huge);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("Could not read the form");
        assertThat(sandbox.session(open.getId()).orElseThrow().isOpen()).isTrue();
    }

    @Test
    void payPagesNeverShowTheApiKey() throws Exception {
        Session open = create();
        for (String path : List.of("/c/pay/" + open.getId(), "/c/done?session_id=" + open.getId(), "/c/nothing")) {
            assertThat(request("GET", sandbox.publicBase() + path, null, null).body())
                    .doesNotContain(sandbox.secretKey()).doesNotContain(sandbox.secretKey().substring(8));
        }
    }
}
