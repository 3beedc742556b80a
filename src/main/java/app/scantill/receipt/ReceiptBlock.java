package app.scantill.receipt;

import java.util.Objects;

/**
 * One piece of a laid-out receipt, in reading order. The PDF writer and the window's receipt node draw
 * the same blocks, so paper, PDF and preview say the same thing.
 */
public sealed interface ReceiptBlock {

    enum Align { LEFT, CENTER }

    /** The shop's name or the document's title, larger and bold. */
    record Heading(String text) implements ReceiptBlock {
        public Heading {
            Objects.requireNonNull(text, "text");
        }
    }

    /** A line of text (wrapped when too long). */
    record Text(String text, Align align, boolean bold) implements ReceiptBlock {
        public Text {
            Objects.requireNonNull(text, "text");
        }
    }

    /** Words on the left, an amount on the right; the left side wraps, the amount never does. */
    record Row(String left, String right, boolean bold) implements ReceiptBlock {
        public Row {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }
    }

    /** A thin line across the column. */
    record Rule() implements ReceiptBlock {
    }

    /** Some space. */
    record Gap() implements ReceiptBlock {
    }

    /** A QR code of {@code url}, centred. */
    record Qr(String url) implements ReceiptBlock {
        public Qr {
            Objects.requireNonNull(url, "url");
        }
    }
}
