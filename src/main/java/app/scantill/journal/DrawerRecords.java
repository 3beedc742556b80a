package app.scantill.journal;

import app.scantill.sale.DrawerEntry;
import java.time.Instant;
import java.util.List;

/** The cash drawer's entries a till journaled (docs/cash.md). */
public interface DrawerRecords {

    /** The drawer entries made in {@code [from, to)}, oldest first. */
    List<DrawerEntry> drawerBetween(Instant from, Instant to);
}
