package app.scantill.ui.cashier;

import static org.assertj.core.api.Assertions.assertThat;

import app.scantill.i18n.English;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** docs/cashier.md's shortcut table names the keys the F1 overlay shows, in the overlay's order. */
class CashierShortcutDocTest {

    @Test
    void theDocsListEveryShortcutOfTheOverlayInItsOrder() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("docs/cashier.md"));
        int header = lines.indexOf("| Keys | Action |");
        assertThat(header).as("the shortcut table of docs/cashier.md").isNotNegative();
        List<String> documented = new ArrayList<>();
        for (int i = header + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            documented.add(lines.get(i).split("\\|")[1].strip());
        }

        List<String> overlay = Stream.of(CashierShortcut.values()).map(s -> English.text(s.keys())).toList();

        assertThat(documented).hasSameSizeAs(overlay);
        for (int i = 0; i < overlay.size(); i++) {
            assertThat(documented.get(i)).as("row %d of the table", i + 1).startsWith(overlay.get(i));
        }
    }
}
