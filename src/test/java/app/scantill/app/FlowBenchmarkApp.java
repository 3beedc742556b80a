package app.scantill.app;

import app.scantill.checkout.ChargeStatus;
import app.scantill.config.AppConfig;
import app.scantill.ui.support.FirstFrame;
import app.scantill.ui.till.TillView;
import app.scantill.ui.till.TillViewModel;
import com.stripe.StripeClient;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.checkout.SessionCreateParams;
import java.io.IOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;

/**
 * The benchmark's flows, in a JVM of their own started with the packaged app's flags and class-data
 * archive (TillBenchmark starts it): ScanTill wired as {@link ScanTillApp} wires it, against a Stripe
 * in another process ({@link SandboxProcess}, given as {@code --stripe.api_base} and its key in
 * {@code STRIPE_SECRET_KEY}). Times each
 * step to the painted frame that shows it ({@link RenderedFrame}): search-as-you-type, Charge to the
 * QR code, paid (the phone's pay page answered) to Paid. Prints {@code FIGURE <name> <value> <unit>}
 * lines, then {@code FLOW_DONE}, and quits; {@code FLOW_FAILED <why>} when a step did not happen.
 *
 * <p>System properties: {@code bench.sales} (measured sales, default 30, after 4 for warm-up),
 * {@code bench.search} ({@code false} to skip search and the journal and catalog figures),
 * {@code bench.suffix} (appended to every figure's name).
 */
public final class FlowBenchmarkApp extends Application {

    private static final int WARM_UP_SALES = 4;
    private static final int RAW_CREATES_PER_SALE = 3;

    private AppServices services;
    private String apiBase;
    private String key;

    @Override
    public void init() {
        List<String> args = getParameters().getRaw();
        apiBase = value(args, "--stripe.api_base=");
        key = System.getenv("STRIPE_SECRET_KEY");
        services = new AppServices(AppConfig.load(args.toArray(String[]::new)), Clock.systemUTC());
    }

    private static String value(List<String> args, String prefix) {
        return args.stream().filter(a -> a.startsWith(prefix)).map(a -> a.substring(prefix.length())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("missing " + prefix));
    }

    @Override
    public void start(Stage stage) {
        TillViewModel model = services.tillViewModel();
        new TillView(model).showIn(stage);
        FirstFrame.afterFirstPulse(stage.getScene(), services::windowShown);
        Thread driver = new Thread(() -> run(model, stage.getScene()), "benchmark-flows");
        driver.setDaemon(true);
        driver.start();
    }

    private void run(TillViewModel model, Scene scene) {
        try {
            waitFor(() -> onFx(() -> model.attachedProperty().get() && !model.recoveringProperty().get()
                    && !model.cashier().catalogLoadingProperty().get()));
            RenderedFrame frames = onFx(() -> RenderedFrame.of(scene));
            String suffix = System.getProperty("bench.suffix", "");
            FlowFigures figures = new FlowFigures(suffix);
            if (!"false".equals(System.getProperty("bench.search"))) {
                SearchFlow.measure(model.cashier(), frames, figures);
            }
            measureSales(model, frames, figures, Integer.getInteger("bench.sales", 30));
            if (!"false".equals(System.getProperty("bench.search"))) {
                CoreFigures.measure(services.catalogPath(), services.config().dataDir().resolve("bench"), figures);
            }
            System.out.println("FLOW_DONE " + System.currentTimeMillis());
        } catch (Exception | AssertionError e) {
            System.out.println("FLOW_FAILED " + e);
            e.printStackTrace();
        }
        System.out.flush();
        Platform.exit();
    }

    private void measureSales(TillViewModel model, RenderedFrame frames, FlowFigures figures, int sales)
            throws Exception {
        StripeClient raw = StripeClient.builder().setApiKey(key).setApiBase(apiBase).setMaxNetworkRetries(0).build();
        Random customer = new Random(42);
        List<Double> rawTimes = new ArrayList<>();
        List<Double> toQr = new ArrayList<>();
        List<Double> paidToUi = new ArrayList<>();
        List<Double> toLayout = new ArrayList<>();
        List<Double> toSession = new ArrayList<>();
        List<String> sessions = new ArrayList<>();
        // When the charge flow publishes the journaled session (before the screen shows it): splits the overhead.
        AtomicLong sessionKnownAt = new AtomicLong();
        services.payments().get().charges().orElseThrow().addListener(status -> {
            if (status.phase() == ChargeStatus.Phase.AWAITING_PAYMENT) {
                sessionKnownAt.compareAndSet(0, System.nanoTime());
            }
        });
        for (int i = 0; i < WARM_UP_SALES + sales; i++) {
            boolean measured = i >= WARM_UP_SALES;
            for (int k = 0; k < RAW_CREATES_PER_SALE; k++) {
                double took = createRaw(raw, i * RAW_CREATES_PER_SALE + k);
                if (measured) {
                    rawTimes.add(took);
                }
            }
            long[] t0 = new long[1];
            sessionKnownAt.set(0);
            CompletableFuture<Long> qr = onFx(() -> {
                model.cashier().scan("SKU-00001");
                model.cashier().scan("SKU-00002");
                CompletableFuture<Long> watch = frames.whenPainted(root -> showsQr(root));
                t0[0] = System.nanoTime();
                model.cashier().charge();
                return watch;
            });
            long qrAt = qr.get(60, TimeUnit.SECONDS);
            long qrLaidOutAt = frames.laidOutAt();
            String sessionId = model.chargeStatus().orElseThrow().sessionId();

            // The customer takes a while to scan and pay: anywhere from a moment to a few poll intervals.
            Thread.sleep(300 + customer.nextInt(2_700));
            CompletableFuture<Long> paid = onFx(() -> frames.whenPainted(root -> showing(root.lookup("#paid-title"))));
            payOnPhone(sessionId);
            long paidAt = System.nanoTime();
            long paidShownAt = paid.get(60, TimeUnit.SECONDS);
            onFx(() -> {
                model.chargeModelProperty().get().newSale();
                return true;
            });
            waitFor(() -> onFx(() -> !model.chargeShownProperty().get() && model.cashier().cartLines().isEmpty()));
            if (measured) {
                toQr.add(ms(qrAt - t0[0]));
                toLayout.add(ms(qrLaidOutAt - t0[0]));
                toSession.add(ms(sessionKnownAt.get() - t0[0]));
                paidToUi.add(ms(paidShownAt - paidAt));
                sessions.add(sessionId);
            }
        }
        double rawP50 = FlowFigures.percentile(rawTimes, 50);
        double qrP50 = FlowFigures.percentile(toQr, 50);
        figures.add("create_raw_ms_p50", rawP50, "ms");
        figures.add("create_raw_ms_p95", FlowFigures.percentile(rawTimes, 95), "ms");
        figures.add("charge_to_qr_ms_p50", qrP50, "ms");
        figures.add("charge_to_qr_ms_p95", FlowFigures.percentile(toQr, 95), "ms");
        figures.add("charge_to_qr_overhead_ms_p50", qrP50 - rawP50, "ms");
        figures.add("charge_to_qr_vs_create_ratio", qrP50 / rawP50, "ratio");
        figures.add("charge_to_session_ms_p50", FlowFigures.percentile(toSession, 50), "ms");
        figures.add("charge_to_qr_laid_out_ms_p50", FlowFigures.percentile(toLayout, 50), "ms");
        figures.add("paid_to_ui_ms_p50", FlowFigures.percentile(paidToUi, 50), "ms");
        figures.add("paid_to_ui_ms_p95", FlowFigures.percentile(paidToUi, 95), "ms");
        System.out.println("SESSIONS " + String.join(" ", sessions));
    }

    private double createRaw(StripeClient client, int n) throws Exception {
        SessionCreateParams params = SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.PAYMENT)
                .setSuccessUrl(apiBase + "/c/done?session_id={CHECKOUT_SESSION_ID}")
                .addPaymentMethodType(SessionCreateParams.PaymentMethodType.CARD)
                .addPaymentMethodType(SessionCreateParams.PaymentMethodType.AMAZON_PAY)
                .setClientReferenceId("S-RAW-" + n)
                .putMetadata("register_id", "bench")
                .addLineItem(line("Espresso", 300, 2))
                .addLineItem(line("Croissant", 325, 1))
                .build();
        RequestOptions options = RequestOptions.builder().setIdempotencyKey("raw-" + System.nanoTime()).build();
        long t0 = System.nanoTime();
        Session session = client.v1().checkout().sessions().create(params, options);
        long t1 = System.nanoTime();
        if (session.getUrl() == null) {
            throw new IllegalStateException("the sandbox returned a session without a URL");
        }
        return ms(t1 - t0);
    }

    private static SessionCreateParams.LineItem line(String name, long unitAmount, long quantity) {
        return SessionCreateParams.LineItem.builder().setQuantity(quantity)
                .setPriceData(SessionCreateParams.LineItem.PriceData.builder().setCurrency("usd")
                        .setUnitAmount(unitAmount)
                        .setProductData(SessionCreateParams.LineItem.PriceData.ProductData.builder()
                                .setName(name).build()).build()).build();
    }

    /** What the customer's phone does: submits the pay page's card form. Returns once the session is paid. */
    private void payOnPhone(String sessionId) throws IOException {
        HttpURLConnection post = (HttpURLConnection) new URL(apiBase + "/c/pay/" + sessionId).openConnection();
        post.setInstanceFollowRedirects(false);
        post.setRequestMethod("POST");
        post.setDoOutput(true);
        post.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
        try (OutputStream body = post.getOutputStream()) {
            body.write("method=card".getBytes(StandardCharsets.US_ASCII));
        }
        int status = post.getResponseCode();
        post.disconnect();
        if (status != 303) {
            throw new IllegalStateException("the pay page answered " + status + " for " + sessionId);
        }
    }

    private static boolean showsQr(Parent root) {
        Node qr = root.lookup("#qr-image");
        return showing(qr) && ((ImageView) qr).getImage() != null;
    }

    static boolean showing(Node node) {
        if (node == null || node.getScene() == null) {
            return false;
        }
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    static <T> T onFx(Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Exception | AssertionError e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(30, TimeUnit.SECONDS);
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the benchmark did not progress within 90 s");
            }
            Thread.sleep(20);
        }
    }

    static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    @Override
    public void stop() {
        services.close();
    }

    /** Launcher, as {@link Main} is for ScanTill. */
    public static final class Launcher {

        private Launcher() {
        }

        public static void main(String[] args) {
            Application.launch(FlowBenchmarkApp.class, args);
        }
    }
}
