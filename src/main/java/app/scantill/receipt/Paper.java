package app.scantill.receipt;

import java.util.Locale;

/**
 * The receipt layouts: a 58 mm or 80 mm thermal roll, or an A4 page. Rolls print a narrow column on a
 * page as long as the receipt; A4 prints the same column, wider, from the top of a page.
 *
 * @param widthMm the paper's width
 * @param columnMm the width the text may take (roll printers cannot print to the edge)
 * @param fontPoints the size of ordinary text
 */
public enum Paper {
    ROLL_58("58mm", 58, 48, 7.5),
    ROLL_80("80mm", 80, 72, 9),
    A4("a4", 210, 120, 10.5);

    /** A4's height, for the page size of the PDF. */
    public static final double A4_HEIGHT_MM = 297;

    private final String settingName;
    private final double widthMm;
    private final double columnMm;
    private final double fontPoints;

    Paper(String settingName, double widthMm, double columnMm, double fontPoints) {
        this.settingName = settingName;
        this.widthMm = widthMm;
        this.columnMm = columnMm;
        this.fontPoints = fontPoints;
    }

    /** The paper a {@code receipt.paper} setting names; 80 mm for anything else. */
    public static Paper fromSetting(String name) {
        for (Paper p : values()) {
            if (p.settingName.equals(name == null ? "" : name.toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        return ROLL_80;
    }

    public String settingName() {
        return settingName;
    }

    public double widthMm() {
        return widthMm;
    }

    public double columnMm() {
        return columnMm;
    }

    public double fontPoints() {
        return fontPoints;
    }

    public boolean isRoll() {
        return this != A4;
    }

    /** Millimetres in PDF points (1/72 inch). */
    public static double points(double mm) {
        return mm * 72 / 25.4;
    }
}
