package app.scantill.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import app.scantill.checkout.ChargeTransitions.Edge;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * docs/charge-flow.md and the code tell one story: the doc's table of transitions is exactly the one
 * {@link ChargeTransitions} declares, and every arrow of its picture is in that table. A state or a
 * transition added to the code without its line in the doc (or the other way round) fails here.
 */
class ChargeFlowDocTest {

    private static final Path DOC = Path.of("docs", "charge-flow.md");
    private static final String TABLE_HEADER = "| From | Event | To |";
    private static final Pattern ARROW = Pattern.compile("^\\s*(\\S+)\\s*-->\\s*(\\S+)\\s*(?::\\s*(.+?))?\\s*$");
    private static final String PSEUDO_STATE = "[*]";

    @Test
    void tableOfTransitionsInTheDocIsTheTableTheCodeDeclares() throws IOException {
        Set<Edge> documented = documentedTable();

        assertThat(difference(ChargeTransitions.DECLARED, documented))
                .as("declared in ChargeTransitions but missing from the table in %s", DOC).isEmpty();
        assertThat(difference(documented, ChargeTransitions.DECLARED))
                .as("in the table of %s but not declared in ChargeTransitions", DOC).isEmpty();
    }

    @Test
    void everyArrowOfThePictureIsADeclaredTransition() throws IOException {
        List<String[]> arrows = pictureArrows();
        assertThat(arrows).as("the mermaid picture in %s", DOC).isNotEmpty();

        for (String[] arrow : arrows) {
            String from = arrow[0];
            String to = arrow[1];
            if (to.equals(PSEUDO_STATE)) {
                // A final state may take in a late answer (staying where it is), but never leave.
                assertThat(ChargeTransitions.DECLARED).as("%s is drawn as final but has a way out", from)
                        .noneMatch(e -> e.from().equals(from) && !e.to().equals(from));
                continue;
            }
            String source = from.equals(PSEUDO_STATE) ? ChargeTransitions.ANY : from;
            assertThat(ChargeTransitions.DECLARED).as("the picture's arrow %s --> %s : %s", from, to, arrow[2])
                    .contains(new Edge(source, arrow[2], to));
        }
    }

    @Test
    void everyStateAndEveryKindOfEventHasItsLines() throws IOException {
        Set<Edge> documented = documentedTable();
        Set<String> states = documented.stream().flatMap(e -> java.util.stream.Stream.of(e.from(), e.to()))
                .collect(Collectors.toSet());
        Set<String> events = documented.stream().map(e -> e.event().replaceAll("\\(.*\\)$", ""))
                .collect(Collectors.toSet());

        assertThat(states).containsAll(simpleNames(ChargeState.class.getPermittedSubclasses()));
        assertThat(events).containsAll(simpleNames(ChargeEvent.class.getPermittedSubclasses()));
    }

    // ------------------------------------------------------------ reading the doc

    private static List<String> lines() throws IOException {
        return Files.readAllLines(DOC, StandardCharsets.UTF_8);
    }

    /** The rows of the table whose header starts with "| From | Event | To |". */
    private static Set<Edge> documentedTable() throws IOException {
        List<String> lines = lines();
        int header = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).replaceAll("\\s+", " ").startsWith(TABLE_HEADER)) {
                header = i;
                break;
            }
        }
        assertThat(header).as("a table headed %s in %s", TABLE_HEADER, DOC).isNotNegative();
        Set<Edge> edges = new LinkedHashSet<>();
        for (int i = header + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            String[] cells = lines.get(i).split("\\|");
            Edge edge = new Edge(cell(cells[1]), cell(cells[2]), cell(cells[3]));
            assertThat(edges.add(edge)).as("%s listed twice", edge).isTrue();
        }
        return edges;
    }

    /** The arrows of the mermaid block: from, to, event (null for an arrow to the end). */
    private static List<String[]> pictureArrows() throws IOException {
        List<String[]> arrows = new ArrayList<>();
        boolean inPicture = false;
        for (String line : lines()) {
            if (line.startsWith("```mermaid")) {
                inPicture = true;
            } else if (line.startsWith("```")) {
                inPicture = false;
            } else if (inPicture) {
                Matcher arrow = ARROW.matcher(line);
                if (arrow.matches()) {
                    arrows.add(new String[] {arrow.group(1), arrow.group(2), arrow.group(3)});
                }
            }
        }
        return arrows;
    }

    private static String cell(String text) {
        return text.replace("`", "").trim();
    }

    private static Set<Edge> difference(Set<Edge> these, Set<Edge> those) {
        Set<Edge> left = new LinkedHashSet<>(these);
        left.removeAll(those);
        return left;
    }

    private static List<String> simpleNames(Class<?>[] types) {
        return Arrays.stream(types).map(Class::getSimpleName).toList();
    }
}
