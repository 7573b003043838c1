package dev.cordon.intel.internal;

import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 records from a character stream: comma-separated, double-quoted fields that may hold
 * commas, doubled quotes and line breaks; CRLF or LF line ends. Each record remembers the line
 * it started on, so that errors name it. A trailing DOS end-of-file mark (0x1A), which
 * Treasury's files carry, is ignored. Not thread-safe.
 */
public final class CsvReader implements AutoCloseable {
    private final Reader in;
    private final String source;
    private int line = 1;
    private int peeked = -2;

    public CsvReader(Reader in, String source) {
        this.in = in;
        this.source = source;
    }

    /** One record and the line it started on. */
    public record Row(int line, List<String> fields) {
        public String get(int i) {
            return i < fields.size() ? fields.get(i) : "";
        }
    }

    /**
     * @return the next record, or null at the end of input
     * @throws CordonException with {@link ErrorCode#DATA} for a quote left open at the end of input
     */
    public Row next() {
        int c = read();
        while (c == '\r' || c == '\n') {
            c = read();
        }
        if (c == -1 || (c == 0x1a && peek() == -1)) {
            return null;
        }
        int start = line;
        List<String> fields = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        while (true) {
            if (c == -1) {
                if (quoted) {
                    throw new CordonException(ErrorCode.DATA, source + " line " + start + ": a quoted field is never closed");
                }
                fields.add(finish(f, wasQuoted));
                return new Row(start, fields);
            }
            if (quoted) {
                if (c == '"') {
                    if (peek() == '"') {
                        read();
                        f.append('"');
                    } else {
                        quoted = false;
                    }
                } else {
                    f.append((char) c);
                }
            } else if (c == '"' && f.toString().isBlank()) {
                quoted = true;
                wasQuoted = true;
                f.setLength(0);
            } else if (c == ',') {
                fields.add(finish(f, wasQuoted));
                f.setLength(0);
                wasQuoted = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && peek() == '\n') {
                    read();
                }
                fields.add(finish(f, wasQuoted));
                return new Row(start, fields);
            } else {
                f.append((char) c);
            }
            c = read();
        }
    }

    private static String finish(StringBuilder f, boolean wasQuoted) {
        return wasQuoted ? f.toString() : f.toString().strip();
    }

    private int peek() {
        if (peeked == -2) {
            peeked = raw();
        }
        return peeked;
    }

    private int read() {
        int c;
        if (peeked != -2) {
            c = peeked;
            peeked = -2;
        } else {
            c = raw();
        }
        if (c == '\n') {
            line++;
        }
        return c;
    }

    private int raw() {
        try {
            return in.read();
        } catch (IOException e) {
            throw new CordonException(ErrorCode.IO, "cannot read " + source + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new CordonException(ErrorCode.IO, "cannot close " + source + ": " + e.getMessage(), e);
        }
    }
}
