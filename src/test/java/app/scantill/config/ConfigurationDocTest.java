package app.scantill.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md is written by hand; this keeps its settings table and its short-name table
 * in step with {@link Settings}, the one place settings are declared.
 */
class ConfigurationDocTest {

    private static final Path DOC = Path.of(System.getProperty("basedir", ".")).resolve("docs/configuration.md");

    /** A row of the settings table, cells without backticks. */
    private record Row(String name, String variable, String defaultText, String allowed, String meaning) {
    }

    private static Map<String, Row> rows;
    private static Map<String, String> shortNames;

    @BeforeAll
    static void readDoc() throws IOException {
        List<String> lines = Files.readAllLines(DOC);
        rows = new LinkedHashMap<>();
        for (List<String> cells : table(lines, "## Settings")) {
            assertThat(cells).as("columns of %s", cells).hasSize(5);
            Row row = new Row(cells.get(0), cells.get(1).equals("—") ? "" : cells.get(1), cells.get(2), cells.get(3),
                    cells.get(4));
            assertThat(rows.put(row.name(), row)).as("%s has one row", row.name()).isNull();
        }
        shortNames = new TreeMap<>();
        for (List<String> cells : table(lines, "### Short command-line names")) {
            shortNames.put(cells.get(0), cells.get(1));
        }
    }

    /** The body rows of the first table under {@code heading}, split into cells without backticks. */
    private static List<List<String>> table(List<String> lines, String heading) {
        int at = lines.indexOf(heading);
        assertThat(at).as("heading %s in %s", heading, DOC).isNotNegative();
        List<List<String>> body = new ArrayList<>();
        int i = at + 1;
        while (i < lines.size() && !lines.get(i).startsWith("|")) {
            i++;
        }
        for (i += 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            String line = lines.get(i).strip();
            body.add(Arrays.stream(line.substring(1, line.length() - 1).split("\\|"))
                    .map(c -> c.replace("`", "").strip()).toList());
        }
        assertThat(body).as("rows of the table under %s", heading).isNotEmpty();
        return body;
    }

    @Test
    void everySettingHasARowWithItsVariableDefaultAndAllowedValues() {
        List<String> wrong = new ArrayList<>();
        for (Setting<?> s : Settings.all()) {
            Row row = rows.get(s.name());
            if (row == null) {
                wrong.add(s.name() + ": no row");
                continue;
            }
            compare(wrong, s, "environment variable", s.environmentVariable().orElse(""), row.variable());
            compare(wrong, s, "default", s.defaultText(), row.defaultText());
            compare(wrong, s, "allowed values", s.allowed(), row.allowed());
        }
        assertThat(wrong).as("docs/configuration.md disagrees with Settings").isEmpty();
    }

    private static void compare(List<String> wrong, Setting<?> s, String what, String declared, String documented) {
        if (!declared.equals(documented)) {
            wrong.add(s.name() + ": " + what + " is '" + declared + "' in Settings but '" + documented + "' in the doc");
        }
    }

    @Test
    void everyDocumentedSettingIsDeclared() {
        assertThat(rows.keySet()).as("rows of the settings table")
                .containsExactlyElementsOf(Settings.all().stream().map(Setting::name).toList());
    }

    @Test
    void shortNamesAreTheDeclaredAliases() {
        Map<String, String> declared = new TreeMap<>();
        Settings.all().forEach(s -> s.aliases().forEach(a -> declared.put("--" + a, s.name())));

        assertThat(shortNames).isEqualTo(declared);
    }

    @Test
    void exactlyTheSecretSettingsAreMarkedSecret() {
        assertThat(rows.values().stream().filter(r -> r.meaning().startsWith("**Secret.**")).map(Row::name)
                .collect(Collectors.toList()))
                .containsExactlyElementsOf(Settings.all().stream().filter(Setting::isSecret).map(Setting::name).toList());
    }
}
