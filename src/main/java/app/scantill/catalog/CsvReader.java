package app.scantill.catalog;

import java.util.ArrayList;
import java.util.List;

/**
 * An RFC 4180 reader: fields separated by commas, records by CRLF (LF or CR alone are accepted too),
 * fields optionally enclosed in double quotes, a quote inside a quoted field written twice, commas
 * and line breaks allowed inside quotes.
 *
 * <p>It never throws on bad input. A record with broken quoting comes back with an {@code error} and
 * reading resumes on the next line, so one stray quote costs one row, not the rest of the file.
 */
final class CsvReader {

    /**
     * One record.
     *
     * @param line the 1-based line where the record starts
     * @param start offset of the record's first character in the text
     * @param end offset just past the record (before its line break)
     * @param error why the record could not be read (a message key of the bundles), or null
     */
    record Row(int line, int start, int end, List<String> fields, String error) {

        boolean isBlank() {
            return error == null && fields.size() == 1 && fields.get(0).isBlank();
        }
    }

    private final String text;
    private final int length;
    private int pos;
    private int line = 1;

    CsvReader(String text) {
        this.text = text;
        this.length = text.length();
    }

    List<Row> readAll() {
        List<Row> rows = new ArrayList<>();
        while (pos < length) {
            rows.add(readRow());
        }
        return rows;
    }

    private Row readRow() {
        int startLine = line;
        int start = pos;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        while (true) {
            field.setLength(0);
            String error = readField(field, start, startLine);
            if (error != null) {
                int end = pos;
                return new Row(startLine, start, end, fields, error);
            }
            fields.add(field.toString());
            if (pos < length && text.charAt(pos) == ',') {
                pos++;
                continue;
            }
            int end = pos;
            consumeLineBreak();
            return new Row(startLine, start, end, List.copyOf(fields), null);
        }
    }

    /** Reads one field into {@code out}; returns an error's message key (and skips past the bad line) or null. */
    private String readField(StringBuilder out, int recordStart, int recordLine) {
        int fieldStart = pos;
        while (pos < length) {
            char c = text.charAt(pos);
            if (c == ',' || c == '\n' || c == '\r') {
                return null;
            }
            if (c == '"') {
                if (!text.substring(fieldStart, pos).isBlank()) {
                    skipRestOfLine();
                    return "catalog.csv.quote_in_unquoted_field";
                }
                pos++;
                return readQuoted(out, recordStart, recordLine);
            }
            out.append(c);
            pos++;
        }
        return null;
    }

    private String readQuoted(StringBuilder out, int recordStart, int recordLine) {
        out.setLength(0);
        while (pos < length) {
            char c = text.charAt(pos);
            if (c == '"') {
                if (pos + 1 < length && text.charAt(pos + 1) == '"') {
                    out.append('"');
                    pos += 2;
                    continue;
                }
                pos++;
                while (pos < length && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
                    pos++;
                }
                if (pos < length && text.charAt(pos) != ',' && text.charAt(pos) != '\n'
                        && text.charAt(pos) != '\r') {
                    skipRestOfLine();
                    return "catalog.csv.text_after_closing_quote";
                }
                return null;
            }
            if (c == '\r' || c == '\n') {
                out.append(c);
                pos++;
                if (c == '\r' && pos < length && text.charAt(pos) == '\n') {
                    out.append('\n');
                    pos++;
                }
                line++;
                continue;
            }
            out.append(c);
            pos++;
        }
        // The quote never closed: treat it as a stray quote on the record's first line and resume after it.
        pos = recordStart;
        line = recordLine;
        skipRestOfLine();
        return "catalog.csv.quote_never_closed";
    }

    private void skipRestOfLine() {
        while (pos < length && text.charAt(pos) != '\n' && text.charAt(pos) != '\r') {
            pos++;
        }
        consumeLineBreak();
    }

    private void consumeLineBreak() {
        if (pos >= length) {
            return;
        }
        char c = text.charAt(pos);
        if (c == '\r') {
            pos++;
            if (pos < length && text.charAt(pos) == '\n') {
                pos++;
            }
            line++;
        } else if (c == '\n') {
            pos++;
            line++;
        }
    }
}
