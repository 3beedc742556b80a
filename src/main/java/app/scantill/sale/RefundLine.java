package app.scantill.sale;

/**
 * A sale line given back, whole or in part.
 *
 * @param saleLine the line's number in the sale, counted from 1 (the journal's {@code line_no})
 * @param quantity how many units go back, at least 1
 */
public record RefundLine(int saleLine, int quantity) {

    public RefundLine {
        if (saleLine < 1) {
            throw new IllegalArgumentException("sale lines count from 1");
        }
        if (quantity < 1) {
            throw new IllegalArgumentException("a refunded line gives back at least one unit");
        }
    }
}
