package app.scantill.app;

import app.scantill.sandbox.RecordedRequest;
import app.scantill.sandbox.SandboxOptions;
import app.scantill.sandbox.StripeSandbox;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The benchmark's Stripe: the sandbox in a process of its own, as Stripe is remote, with an optional
 * round trip before every API answer ({@code --delay-ms=300}). Prints {@code SANDBOX <api base> <key>}
 * once listening; runs until its standard input closes, then prints one line per Checkout Session it
 * was asked about, {@code POLLS <session> <reads> <status reads> <shortest gap between status reads, ms>},
 * and {@code SANDBOX_DONE}.
 *
 * <pre>java -cp ... app.scantill.app.SandboxProcess --delay-ms=300 --file=target/bench/sandbox.json</pre>
 */
public final class SandboxProcess {

    private static final String SESSIONS = "/v1/checkout/sessions/";

    private SandboxProcess() {
    }

    public static void main(String[] args) throws IOException {
        long delay = 0;
        SandboxOptions options = SandboxOptions.inMemory();
        for (String arg : args) {
            if (arg.startsWith("--delay-ms=")) {
                delay = Long.parseLong(arg.substring("--delay-ms=".length()));
            } else if (arg.startsWith("--file=")) {
                options = options.withFile(Path.of(arg.substring("--file=".length())).toAbsolutePath());
            } else {
                throw new IllegalArgumentException("unknown argument " + arg + " (--delay-ms=N, --file=PATH)");
            }
        }
        try (StripeSandbox sandbox = StripeSandbox.start(options.withApiDelay(Duration.ofMillis(delay)))) {
            System.out.println("SANDBOX " + sandbox.apiBase() + " " + sandbox.secretKey());
            System.out.flush();
            InputStream in = System.in;
            while (in.read() >= 0) {
                // the benchmark closes our standard input when it is done
            }
            sessionReads(sandbox.requests()).forEach(System.out::println);
            System.out.println("SANDBOX_DONE");
            System.out.flush();
        }
    }

    /** Per session: every GET of it, the status reads among them (no expand[]), their shortest gap. */
    static List<String> sessionReads(List<RecordedRequest> requests) {
        Map<String, List<RecordedRequest>> bySession = new TreeMap<>(requests.stream()
                .filter(r -> r.method().equals("GET") && r.path().startsWith(SESSIONS)
                        && r.path().indexOf('/', SESSIONS.length()) < 0)
                .collect(Collectors.groupingBy(r -> r.path().substring(SESSIONS.length()))));
        return bySession.entrySet().stream().map(e -> {
            List<Instant> status = e.getValue().stream()
                    .filter(r -> r.params().stream().noneMatch(p -> p.getKey().startsWith("expand")))
                    .map(RecordedRequest::receivedAt).sorted().toList();
            long gap = Long.MAX_VALUE;
            for (int k = 1; k < status.size(); k++) {
                gap = Math.min(gap, Duration.between(status.get(k - 1), status.get(k)).toMillis());
            }
            return "POLLS " + e.getKey() + " " + e.getValue().size() + " " + status.size() + " "
                    + (gap == Long.MAX_VALUE ? -1 : gap);
        }).toList();
    }
}
