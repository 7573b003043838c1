package dev.cordon.workforce.internal;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV: comma separated, fields optionally in double quotes, {@code ""} for a quote inside
 * quotes, quoted fields may span lines. Lines starting with {@code #} before the header are
 * comments. A field longer than {@link #MAX_FIELD} characters or a row with more than
 * {@link #MAX_COLUMNS} columns ends that row as malformed; reading resumes at the next line.
 */
public final class CsvReader {
    public static final int MAX_FIELD = 1 << 16;
    public static final int MAX_COLUMNS = 512;

    /** One row and the line it started on; {@code problem} is non-empty for a malformed row. */
    public record Row(List<String> fields, long line, String problem) {
        public boolean ok() {
            return problem.isEmpty();
        }
    }

    private final Reader in;
    private final char[] buf = new char[1 << 15];
    private int pos;
    private int len;
    private long line = 1;
    private int pushback = -1;

    public CsvReader(Reader in) {
        this.in = in;
    }

    /** The next row, or null at the end of input. */
    public Row next() throws IOException {
        int c = read();
        while (c == '\n' || c == '\r') {
            c = read();
        }
        if (c < 0) {
            return null;
        }
        unread(c);
        long start = line;
        List<String> fields = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        while (true) {
            String problem = readField(f);
            if (!problem.isEmpty()) {
                skipLine();
                return new Row(fields, start, problem);
            }
            fields.add(f.toString());
            f.setLength(0);
            if (fields.size() > MAX_COLUMNS) {
                skipLine();
                return new Row(fields, start, "more than " + MAX_COLUMNS + " columns");
            }
            c = read();
            if (c == ',') {
                continue;
            }
            if (c == '\r') {
                c = read();
                if (c != '\n') {
                    unread(c);
                }
            }
            return new Row(fields, start, "");
        }
    }

    private String readField(StringBuilder f) throws IOException {
        int c = read();
        if (c == '"') {
            while (true) {
                c = read();
                if (c < 0) {
                    return "unterminated quoted field";
                }
                if (c == '"') {
                    int d = read();
                    if (d == '"') {
                        f.append('"');
                        continue;
                    }
                    unread(d);
                    return trailing();
                }
                f.append((char) c);
                if (f.length() > MAX_FIELD) {
                    return "field longer than " + MAX_FIELD + " characters";
                }
            }
        }
        while (c >= 0 && c != ',' && c != '\n' && c != '\r') {
            f.append((char) c);
            if (f.length() > MAX_FIELD) {
                return "field longer than " + MAX_FIELD + " characters";
            }
            c = read();
        }
        unread(c);
        return "";
    }

    /** After a closing quote only a separator or line end may follow. */
    private String trailing() throws IOException {
        int c = read();
        unread(c);
        return c < 0 || c == ',' || c == '\n' || c == '\r' ? "" : "text after closing quote";
    }

    private void skipLine() throws IOException {
        int c;
        while ((c = read()) >= 0 && c != '\n') {
            // drop the rest of the physical line
        }
    }

    private int read() throws IOException {
        if (pushback != -1) {
            int c = pushback;
            pushback = -1;
            return c;
        }
        if (pos == len) {
            len = in.read(buf, 0, buf.length);
            pos = 0;
            if (len <= 0) {
                len = 0;
                return -1;
            }
        }
        char c = buf[pos++];
        if (c == '\n') {
            line++;
        }
        return c;
    }

    private void unread(int c) {
        if (c >= 0) {
            pushback = c;
        }
    }
}
