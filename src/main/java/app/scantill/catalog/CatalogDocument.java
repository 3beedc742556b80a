package app.scantill.catalog;

import app.scantill.money.MoneyFormat;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A catalog file as its owner wrote it, for edits that touch only their own rows: an owner keeps the file
 * in version control and expects a price change to be a one-line diff. Every row keeps its exact text
 * unless an edit replaces it; the header, the order of the rows, blank lines and rows the loader skips
 * stay as they are, and so do the byte order mark and the line break the file uses (its first one).
 *
 * <p>One exception, said in docs/catalog-editor.md: when a product gets a tax rate and the file has no
 * {@code tax_rate} column, the column is added, which appends an empty field ({@code ,}) to every row once.
 */
public final class CatalogDocument {

    private static final String UTF8_BOM = "\uFEFF";

    /** A row as written, with the SKU it starts with (lower case; null for blank or unreadable rows). */
    private record Row(String text, String skuKey, Product product) {

        boolean isData() {
            return skuKey != null;
        }
    }

    private final String bom;
    private final String lineBreak;
    private final boolean finalLineBreak;
    /** Blank lines before the header, as they were. */
    private final List<String> leading;
    private String header;
    private boolean taxColumn;
    private final List<Row> rows;

    private CatalogDocument(String bom, String lineBreak, boolean finalLineBreak, List<String> leading,
            String header, boolean taxColumn, List<Row> rows) {
        this.bom = bom;
        this.lineBreak = lineBreak;
        this.finalLineBreak = finalLineBreak;
        this.leading = new ArrayList<>(leading);
        this.header = header;
        this.taxColumn = taxColumn;
        this.rows = new ArrayList<>(rows);
    }

    /** A new file: the six-column header, LF line breaks, no rows. */
    public static CatalogDocument empty() {
        return new CatalogDocument("", "\n", true, List.of(), String.join(",", CatalogLoader.HEADER), false,
                List.of());
    }

    /** A file holding exactly {@code products}, written the way the editor writes rows (an export, say). */
    public static CatalogDocument of(List<Product> products) {
        CatalogDocument document = empty();
        products.forEach(document::put);
        return document;
    }

    /**
     * Reads a catalog file's bytes for editing; empty when its text cannot be kept as it is (not UTF-8, or a
     * header the loader does not accept): then only the owner can fix it.
     */
    public static Optional<CatalogDocument> read(byte[] bytes) {
        CatalogLoader.Decoded decoded = CatalogLoader.decodeUtf8(bytes);
        if (decoded.hasBadBytes()) {
            return Optional.empty();
        }
        String text = decoded.text;
        String bom = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? UTF8_BOM : "";
        List<CsvReader.Row> csv = new CsvReader(text).readAll();
        List<String> leading = new ArrayList<>();
        int index = 0;
        while (index < csv.size() && csv.get(index).isBlank()) {
            leading.add(raw(text, csv.get(index)));
            index++;
        }
        if (index == csv.size()) {
            return Optional.of(empty());
        }
        CsvReader.Row headerRow = csv.get(index);
        List<String> names = headerRow.error() != null ? List.of() : headerRow.fields().stream()
                .map(f -> f.strip().toLowerCase(Locale.ROOT)).toList();
        boolean taxColumn = names.equals(CatalogLoader.HEADER_WITH_TAX_RATE);
        if (!taxColumn && !names.equals(CatalogLoader.HEADER)) {
            return Optional.empty();
        }
        List<Row> rows = new ArrayList<>();
        for (int i = index + 1; i < csv.size(); i++) {
            rows.add(row(text, csv.get(i), names.size()));
        }
        return Optional.of(new CatalogDocument(bom, lineBreakOf(text), text.endsWith("\n") || text.endsWith("\r"),
                leading, raw(text, headerRow), taxColumn, rows));
    }

    private static Row row(String text, CsvReader.Row csv, int columns) {
        String raw = raw(text, csv);
        if (csv.error() != null || csv.isBlank()) {
            return new Row(raw, null, null);
        }
        List<String> f = csv.fields();
        String skuKey = Catalog.skuKey(f.get(0).strip());
        if (skuKey.isEmpty()) {
            return new Row(raw, null, null);
        }
        Product product = f.size() != columns ? null : ProductRules.check(new ProductDraft(f.get(0), f.get(1),
                f.get(2), f.get(3), f.get(4), f.get(5), columns > 6 ? f.get(6) : ""), ProductRules.Taken.NOTHING)
                .product().orElse(null);
        return new Row(raw, skuKey, product);
    }

    /** The row's own text, without the line break that ends it (an unreadable row's reader took it along). */
    private static String raw(String text, CsvReader.Row row) {
        String raw = text.substring(row.start(), Math.max(row.start(), row.end()));
        int end = raw.length();
        while (end > 0 && (raw.charAt(end - 1) == '\n' || raw.charAt(end - 1) == '\r')) {
            end--;
        }
        return raw.substring(0, end);
    }

    private static String lineBreakOf(String text) {
        int lf = text.indexOf('\n');
        int cr = text.indexOf('\r');
        if (cr >= 0 && (lf < 0 || cr < lf)) {
            return lf == cr + 1 ? "\r\n" : "\r";
        }
        return "\n";
    }

    /**
     * Writes {@code product} in place of the row of {@code replacedSku} (its SKU before the edit; null for a
     * new product), or at the end when there is no such row. A row that already says exactly this is left alone.
     */
    public void put(String replacedSku, Product product) {
        Objects.requireNonNull(product, "product");
        if (product.taxRate().isPresent()) {
            addTaxColumn();
        }
        String key = Catalog.skuKey(replacedSku == null ? product.sku() : replacedSku);
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            if (key.equals(row.skuKey())) {
                if (!product.equals(row.product())) {
                    rows.set(i, formatted(product));
                }
                return;
            }
        }
        rows.add(formatted(product));
    }

    /** Adds or updates {@code product} by its own SKU. */
    public void put(Product product) {
        put(null, product);
    }

    /** Removes every row of this SKU (a later duplicate row would otherwise take the retired product's place). */
    public boolean retire(String sku) {
        String key = Catalog.skuKey(sku);
        return rows.removeIf(row -> key.equals(row.skuKey()));
    }

    /**
     * The file holds exactly {@code products}, in their order: rows that already say so keep their text,
     * everything else (other products, unreadable rows, blank lines) goes.
     */
    public void replaceAll(List<Product> products) {
        List<Row> kept = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Product product : products) {
            if (!seen.add(Catalog.skuKey(product.sku()))) {
                throw new IllegalArgumentException("duplicate SKU " + product.sku());
            }
            if (product.taxRate().isPresent()) {
                addTaxColumn();
            }
        }
        for (Product product : products) {
            kept.add(rows.stream().filter(r -> product.equals(r.product())).findFirst()
                    .orElseGet(() -> formatted(product)));
        }
        rows.clear();
        rows.addAll(kept);
    }

    private void addTaxColumn() {
        if (taxColumn) {
            return;
        }
        taxColumn = true;
        header = header + ",tax_rate";
        rows.replaceAll(row -> row.isData() ? new Row(row.text() + ",", row.skuKey(), row.product()) : row);
    }

    private Row formatted(Product product) {
        List<String> fields = new ArrayList<>(List.of(product.sku(), product.barcode(), product.name(),
                MoneyFormat.plain(product.price()), product.price().currency().getCurrencyCode(),
                product.category().orElse("")));
        if (taxColumn) {
            fields.add(product.taxRate().map(rate -> rate.percentText()).orElse(""));
        }
        String text = fields.stream().map(CatalogDocument::csvField).collect(Collectors.joining(","));
        return new Row(text, Catalog.skuKey(product.sku()), product);
    }

    /** A field as RFC 4180 writes it: quoted when it holds a comma, a quote, a line break or edge spaces. */
    static String csvField(String value) {
        boolean quote = value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")
                || !value.equals(value.strip());
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    /** Whether the file has the {@code tax_rate} column. */
    public boolean hasTaxColumn() {
        return taxColumn;
    }

    /** The file's bytes: UTF-8, with the byte order mark and line break it came with. */
    public byte[] bytes() {
        StringBuilder text = new StringBuilder(bom);
        for (String line : leading) {
            text.append(line).append(lineBreak);
        }
        text.append(header);
        for (Row row : rows) {
            text.append(lineBreak).append(row.text());
        }
        if (finalLineBreak) {
            text.append(lineBreak);
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
