package app.scantill.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Every shipped language says everything English says, with the same placeholders, in patterns that parse. */
class BundleCompletenessTest {

    static final java.util.List<Locale> LANGUAGES = Translator.LANGUAGES;

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[^}]*}");
    /** A lone apostrophe quotes the rest of a MessageFormat pattern: placeholders after it are never filled. */
    private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");

    @ParameterizedTest
    @FieldSource("LANGUAGES")
    void bundleHasExactlyTheEnglishKeys(Locale language) throws IOException {
        Properties english = load("");
        Properties bundle = load(suffix(language));
        assertThat(new TreeSet<>(bundle.stringPropertyNames()))
                .as("keys of messages%s.properties", suffix(language))
                .isEqualTo(new TreeSet<>(english.stringPropertyNames()));
    }

    @ParameterizedTest
    @FieldSource("LANGUAGES")
    void everyPatternParsesAndUsesTheEnglishPlaceholders(Locale language) throws IOException {
        Properties english = load("");
        Properties bundle = load(suffix(language));
        for (String key : bundle.stringPropertyNames()) {
            String pattern = bundle.getProperty(key);
            assertThat(pattern).as("%s in %s", key, language).isNotBlank();
            assertThat(LONE_APOSTROPHE.matcher(pattern).find())
                    .as("%s in %s has a lone apostrophe (write '' for one): %s", key, language, pattern).isFalse();
            new MessageFormat(pattern, language); // throws on a broken pattern
            assertThat(placeholders(pattern)).as("placeholders of %s in %s", key, language)
                    .isEqualTo(placeholders(english.getProperty(key, "")));
        }
    }

    @ParameterizedTest
    @FieldSource("LANGUAGES")
    void translatorReadsTheLanguagesOwnBundle(Locale language) throws IOException {
        Translator translator = Translator.forLocale(language, java.time.ZoneOffset.UTC);
        assertThat(translator.text("language.name")).isEqualTo(load(suffix(language)).getProperty("language.name"));
    }

    private static Set<Integer> placeholders(String pattern) {
        Set<Integer> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(pattern);
        while (m.find()) {
            found.add(Integer.parseInt(m.group(1)));
        }
        return found;
    }

    private static String suffix(Locale language) {
        return language.equals(Locale.ENGLISH) ? "" : "_" + language.getLanguage();
    }

    static Properties load(String suffix) throws IOException {
        String name = "/app/scantill/i18n/messages" + suffix + ".properties";
        try (InputStream in = BundleCompletenessTest.class.getResourceAsStream(name)) {
            assertThat(in).as("bundle %s", name).isNotNull();
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        }
    }
}
