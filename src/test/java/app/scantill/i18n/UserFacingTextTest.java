package app.scantill.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import app.scantill.checkout.CheckoutGateway;
import app.scantill.checkout.RecoverySummary;
import app.scantill.config.Setting;
import app.scantill.config.Settings;
import app.scantill.money.MoneyFormat;
import app.scantill.sale.PaymentMethod;
import app.scantill.sale.SaleState;
import app.scantill.ui.cashier.CashierShortcut;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every word a person reads comes from the bundles: a scan of the code that puts text on screen finds
 * no string literal handed to a label, button, title or dialog, and every message key the code names
 * is in the English bundle (BundleCompletenessTest then holds every language to it).
 */
class UserFacingTextTest {

    private static final Path MAIN = Path.of("src/main/java/app/scantill");

    /** The packages whose words reach a person: the screens, and what the flow, cart and catalog say. */
    private static final List<String> SCANNED = List.of("ui", "app", "till", "checkout", "cart", "catalog");

    /**
     * Where text goes on screen: JavaFX's labelled controls, windows, dialogs, tool tips, prompts and
     * string bindings, and MessageFormat (a pattern belongs in a bundle).
     */
    private static final Pattern SINK = Pattern.compile("(?:new\\s+(?:Label|Button|ToggleButton|CheckBox|RadioButton"
            + "|Hyperlink|Text|Tooltip|TitledPane|ButtonType|MenuItem|Menu|Tab|MessageFormat|ExtensionFilter)"
            + "|\\.(?:setText|setPromptText|setTitle|setHeaderText|setContentText|setAccessibleText"
            + "|setAccessibleHelp|concat|then|otherwise|button))\\s*\\(");

    private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** A key of the bundles as the code writes it: an area, a dot, then lower-case words. */
    private static final Pattern KEY = Pattern.compile("\"((?:app|mode|sale|payment|cashier|cash|drawer|help|cart|charge|stripe"
            + "|recovery|till|setup|catalog|history|list|config|store|refund|receipt|report|customer|kiosk|screen|discount)\\.[a-z0-9_]+(?:\\.[a-z0-9_]+)*)\"");

    /** Literals that look like keys but name files and packages, not words (setting names are skipped too). */
    private static final Pattern NOT_A_KEY = Pattern.compile(".*\\.(css|csv|json|properties|db)|app\\.scantill\\..*");

    private static final java.util.Set<String> SETTINGS = Settings.all().stream().map(Setting::name)
            .collect(java.util.stream.Collectors.toSet());

    @Test
    void noTextReachesTheScreenExceptThroughTheBundles() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path file : sources()) {
            String code = Files.readString(file);
            for (String literal : literalsInSinks(code)) {
                found.add(MAIN.relativize(file) + ": \"" + literal + "\"");
            }
        }
        assertThat(found).as("user-facing text written in the code instead of a bundle").isEmpty();
    }

    @Test
    void theScanFindsANewLabelWithWordsAndLetsKeysSymbolsAndIdsThrough() {
        assertThat(literalsInSinks("Label charge = new Label(\"Charge\");")).containsExactly("Charge");
        assertThat(literalsInSinks("title.setText(\"Paid \" + amount);")).containsExactly("Paid ");
        assertThat(literalsInSinks("stage.setTitle(\n    \"ScanTill — History\");")).hasSize(1);
        assertThat(literalsInSinks("x.textProperty().bind(Bindings.concat(\"Sale \", id));")).hasSize(1);
        assertThat(literalsInSinks("new ButtonType(\"Keep waiting\", ButtonBar.ButtonData.CANCEL_CLOSE)")).hasSize(1);

        assertThat(literalsInSinks("new Label(words.text(\"charge.title.paid\"))")).isEmpty();
        assertThat(literalsInSinks("Button b = button(\"charge.button.cancel\", \"cancel-button\", run);")).isEmpty();
        assertThat(literalsInSinks("scanField.button(\"\\u2212\", \"quantity-button\", minus)")).isEmpty();
        assertThat(literalsInSinks("new Label(\"\")")).isEmpty();
        assertThat(literalsInSinks("label.setId(\"paid-title\"); LOG.log(Level.INFO, \"Paid sale\");")).isEmpty();
    }

    @Test
    void everyMessageKeyTheCodeNamesIsInTheEnglishBundle() throws IOException {
        Properties english = BundleCompletenessTest.load("");
        List<String> missing = new ArrayList<>();
        for (Path file : sources(MAIN)) {
            Matcher m = KEY.matcher(Files.readString(file));
            while (m.find()) {
                String key = m.group(1);
                if (!NOT_A_KEY.matcher(key).matches() && !SETTINGS.contains(key) && !english.containsKey(key)
                        && !isPrefix(english, key)) {
                    missing.add(MAIN.relativize(file) + ": " + key);
                }
            }
        }
        assertThat(missing).as("keys the code names but messages.properties lacks").isEmpty();
    }

    @Test
    void everyKeyMadeFromAValueIsInTheEnglishBundle() throws IOException {
        Translator english = Translator.forLocale(Locale.ENGLISH, java.time.ZoneOffset.UTC);
        List<String> keys = new ArrayList<>();
        Stream.of(SaleState.values()).forEach(s -> keys.add(s.label().key()));
        Stream.of(PaymentMethod.values()).forEach(m -> keys.add(m.label().key()));
        Stream.of(CashierShortcut.values()).forEach(s -> keys.addAll(List.of(s.keys().key(), s.action().key())));
        Stream.of(RecoverySummary.Outcome.values())
                .forEach(o -> keys.add("recovery.count." + o.name().toLowerCase(Locale.ROOT)));
        Stream.of(MoneyFormat.PriceException.Reason.values())
                .forEach(r -> keys.add("catalog.row.price." + r.name().toLowerCase(Locale.ROOT)));
        Stream.of(CheckoutGateway.Mode.values()).forEach(m -> keys.add("mode." + m.name().toLowerCase(Locale.ROOT)));
        keys.addAll(List.of("mode.starting", "mode.off"));

        assertThat(keys).allSatisfy(key -> assertThat(english.knows(key)).as(key).isTrue());
    }

    /** The string literals handed to a place where text reaches the screen, other than keys, ids and symbols. */
    static List<String> literalsInSinks(String code) {
        List<String> found = new ArrayList<>();
        Matcher sink = SINK.matcher(code);
        while (sink.find()) {
            String args = arguments(code, sink.end());
            Matcher s = STRING.matcher(args);
            boolean first = true;
            while (s.find()) {
                String literal = s.group(1);
                // After the first argument: ids and style classes (button(key, id, action)).
                boolean isId = !first && literal.matches("[a-z][a-z0-9-]*");
                first = false;
                if (!isWords(literal) || isId || KEY.matcher("\"" + literal + "\"").matches()) {
                    continue;
                }
                found.add(literal);
            }
        }
        return found;
    }

    /** Words for a person: at least one letter. Symbols such as "+" and "−" read the same in every language. */
    private static boolean isWords(String literal) {
        return literal.replaceAll("\\\\u[0-9a-fA-F]{4}", "").codePoints().anyMatch(Character::isLetter);
    }

    /** The text of the call's arguments: from after "(" to the matching ")". */
    private static String arguments(String code, int from) {
        int depth = 1;
        boolean inString = false;
        for (int i = from; i < code.length(); i++) {
            char c = code.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return code.substring(from, i);
            }
        }
        return code.substring(from);
    }

    private static boolean isPrefix(Properties bundle, String key) {
        // Keys completed from a value ("payment.method." + wire name) are checked by the test above.
        return key.endsWith(".") || bundle.stringPropertyNames().stream().anyMatch(k -> k.startsWith(key + "."));
    }

    private static List<Path> sources() {
        return SCANNED.stream().flatMap(p -> sources(MAIN.resolve(p)).stream()).toList();
    }

    private static List<Path> sources(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".java")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
