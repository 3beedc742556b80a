package app.scantill.qr;

import java.util.Arrays;

/**
 * A square QR symbol as dark and light modules, quiet zone included. Immutable, free of zxing and
 * JavaFX types, so any renderer can draw it at whatever whole-number scale it needs.
 */
public final class QrMatrix {

    private final int size;
    private final int quietZone;
    private final boolean[] dark;

    QrMatrix(int size, int quietZone, boolean[] dark) {
        if (dark.length != size * size) {
            throw new IllegalArgumentException("module count does not match size");
        }
        this.size = size;
        this.quietZone = quietZone;
        this.dark = dark.clone();
    }

    /** Modules per side, quiet zone included. */
    public int size() {
        return size;
    }

    /** Light modules on each side around the symbol. */
    public int quietZone() {
        return quietZone;
    }

    /** Modules per side of the symbol itself (21 for version 1, 77 for version 15). */
    public int symbolSize() {
        return size - 2 * quietZone;
    }

    /** QR version 1..40, derived from the symbol size (version v has 17 + 4v modules per side). */
    public int version() {
        return (symbolSize() - 17) / 4;
    }

    public boolean isDark(int x, int y) {
        if (x < 0 || y < 0 || x >= size || y >= size) {
            throw new IndexOutOfBoundsException("module (" + x + "," + y + ") outside " + size + "x" + size);
        }
        return dark[y * size + x];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QrMatrix other && size == other.size && quietZone == other.quietZone
                && Arrays.equals(dark, other.dark);
    }

    @Override
    public int hashCode() {
        return 31 * size + Arrays.hashCode(dark);
    }

    @Override
    public String toString() {
        return "QrMatrix[version " + version() + ", " + size + "x" + size + " modules]";
    }
}
