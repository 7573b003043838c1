package dev.cordon.workforce.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.base.ParserBase;
import dev.cordon.workforce.ParseReport;
import java.io.IOException;
import java.io.InputStream;
import java.time.DateTimeException;
import java.util.Arrays;

/**
 * JSON lines read by one streaming parser per buffer of complete lines, with the same results as
 * parsing every line on its own ({@link JsonInput#readLine}): same records, same skipped lines
 * with the same line numbers and reasons.
 *
 * <p>Design notes: creating a Jackson parser per line costs more than parsing a short record
 * (buffer recycling, BOM sniffing, a fresh symbol-table child), so the parser runs over a whole
 * buffer of lines and the record reader works in two phases ({@link JsonInput.StagedReader}):
 * {@code fill} reads the record without side effects, {@code commit} reports and emits it once
 * the record is known to stand alone on its line (its closing brace on the line of its opening
 * brace; anything after it on that line is ignored, as line-by-line parsing ignores it). Anything
 * else (a syntax error, a value that is not an object, a record the reader rejects) sends the
 * first uncommitted line through the line-by-line path, which reports it exactly as before, and
 * the streaming parser restarts at the next line. Malformed input therefore costs one parser per
 * bad line; well-formed input costs one parser per buffer (1 MiB). Line numbers are counted from
 * the bytes (only '\n' ends a line), not taken from Jackson, which also counts a lone '\r'. A
 * reader that can read a line from its bytes ({@link JsonInput.LineBytesReader}) is offered every
 * line first; a line it declines is streamed through the parser on its own.
 */
final class JsonLinesStream {
    private static final int INITIAL = 1 << 20;

    private final InputStream in;
    private final String source;
    private final ParseReport report;
    private final JsonInput.StagedReader reader;
    private final JsonInput.LineBytesReader bytesReader;
    private final JsonFactory factory;
    private byte[] buf = new byte[INITIAL];
    private int len;
    private long linesDone;

    JsonLinesStream(InputStream in, String source, ParseReport report, JsonInput.StagedReader reader, JsonFactory factory) {
        this.in = in;
        this.source = source;
        this.report = report;
        this.reader = reader;
        this.bytesReader = reader instanceof JsonInput.LineBytesReader r ? r : null;
        this.factory = factory;
    }

    void run() throws IOException {
        boolean eof = false;
        while (true) {
            if (!eof && len < buf.length) {
                int n = in.read(buf, len, buf.length - len);
                if (n < 0) {
                    eof = true;
                } else {
                    len += n;
                }
            }
            int nl = lastNewline();
            if (nl >= 0) {
                region(nl + 1);
            } else if (eof) {
                if (len > 0) {
                    region(len);
                }
                return;
            } else if (len == buf.length) {
                if (buf.length > JsonInput.MAX_LINE) {
                    eof = skipLongLine();
                } else {
                    buf = Arrays.copyOf(buf, Math.min(buf.length * 2, JsonInput.MAX_LINE + 1));
                }
            }
        }
    }

    private int lastNewline() {
        for (int i = len - 1; i >= 0; i--) {
            if (buf[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Consumes a line over the limit up to its end; returns true at the end of input. */
    private boolean skipLongLine() throws IOException {
        len = 0;
        linesDone++;
        report.skipped(source, linesDone, "line longer than " + JsonInput.MAX_LINE + " bytes");
        while (true) {
            int n = in.read(buf, 0, buf.length);
            if (n < 0) {
                return true;
            }
            for (int i = 0; i < n; i++) {
                if (buf[i] == '\n') {
                    System.arraycopy(buf, i + 1, buf, 0, n - i - 1);
                    len = n - i - 1;
                    return false;
                }
            }
        }
    }

    /** Processes the complete lines in {@code buf[0, end)} and keeps the rest for the next read. */
    private void region(int end) throws IOException {
        int pos = 0;
        long line = linesDone + 1;
        while (pos < end) {
            int stopAt = end;
            if (bytesReader != null) {
                int next = fromBytes(pos, end, line);
                if (next >= 0) {
                    line++;
                    pos = next;
                    continue;
                }
                stopAt = Math.min(end, lineEnd(pos, end) + 1);
            }
            long stop = stream(pos, stopAt, line);
            int at = (int) (stop >>> 32);
            line += (int) stop >> 1;
            pos = at;
            if ((stop & 1) != 0) {
                int next = lineEnd(pos, stopAt);
                if (!isBlank(pos, next)) {
                    JsonInput.readLine(factory, buf, pos, trimCr(pos, next) - pos, line, source, report, reader);
                }
                line++;
                pos = Math.min(stopAt, next + 1);
            }
        }
        linesDone = line - 1;
        System.arraycopy(buf, end, buf, 0, len - end);
        len -= end;
    }

    /**
     * The line at {@code pos} when it is blank or {@link JsonInput.LineBytesReader#fillLine} reads it
     * (then committed as {@code line}).
     *
     * @return the start of the next line (or {@code end}), or -1 when the line needs the parser
     */
    private int fromBytes(int pos, int end, long line) {
        int i = pos;
        while (i < end && (buf[i] == ' ' || buf[i] == '\t' || buf[i] == '\r')) {
            i++;
        }
        if (i < end && buf[i] != '\n') {
            i = bytesReader.fillLine(buf, pos, end);
            if (i < 0) {
                return -1;
            }
            commit(line);
        }
        return Math.min(end, lineEnd(i, end) + 1);
    }

    /**
     * Streams records from {@code pos} (a line start numbered {@code line}).
     *
     * @return packed: where it stopped (a line start, or {@code end}) in the upper 32 bits, the
     *         number of lines passed in bits 1..31, and bit 0 set when the line at the stop must go
     *         through the line-by-line path
     */
    private long stream(int pos, int end, long line) throws IOException {
        int resume = pos;
        int passed = 0;
        try (JsonParser p = factory.createParser(buf, pos, end - pos)) {
            ParserBase pb = p instanceof ParserBase b ? b : null;
            if (pb == null) {
                return pack(pos, 0, true);
            }
            while (true) {
                JsonToken t = p.nextToken();
                if (t == null) {
                    return pack(end, passed + newlines(resume, end), false);
                }
                int open = at(pb, pos, end, '{');
                if (t != JsonToken.START_OBJECT || open < resume) {
                    return pack(resume, passed, true);
                }
                int before = newlines(resume, open);
                int row = pb.getTokenLineNr();
                reader.fill(p);
                int close = at(pb, pos, end, '}');
                if (p.currentToken() != JsonToken.END_OBJECT || pb.getTokenLineNr() != row || close < open) {
                    return pack(resume, passed, true);
                }
                passed += before;
                commit(line + passed);
                int eol = lineEnd(close + 1, end);
                boolean tail = !isBlank(close + 1, eol);
                resume = Math.min(end, eol + 1);
                passed++;
                if (tail) {
                    return pack(resume, passed, false);
                }
            }
        } catch (IOException | RecordException | IllegalArgumentException | DateTimeException e) {
            return pack(resume, passed, true);
        }
    }

    /**
     * Index in {@code buf} of the current token, a structural character {@code c}, or -1. Jackson's
     * token offset for a byte source counts one past the character; the exact offset is accepted too,
     * and the character is checked either way, so a different convention only costs speed.
     */
    private int at(ParserBase pb, int pos, int end, char c) {
        long off = pb.getTokenCharacterOffset();
        for (long i = pos + off - 1; i <= pos + off; i++) {
            if (i >= pos && i < end && buf[(int) i] == c) {
                return (int) i;
            }
        }
        return -1;
    }

    private void commit(long line) {
        try {
            reader.commit(line);
        } catch (RecordException e) {
            report.skipped(source, line, e.getMessage());
        } catch (IllegalArgumentException | DateTimeException e) {
            report.skipped(source, line, "bad value: " + Texts.brief(String.valueOf(e.getMessage())));
        }
    }

    private static long pack(int at, int lines, boolean fallback) {
        return ((long) at << 32) | ((long) lines << 1) | (fallback ? 1 : 0);
    }

    private int newlines(int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (buf[i] == '\n') {
                n++;
            }
        }
        return n;
    }

    /** Index of the '\n' ending the line at {@code from}, or {@code end}. */
    private int lineEnd(int from, int end) {
        int i = from;
        while (i < end && buf[i] != '\n') {
            i++;
        }
        return i;
    }

    private int trimCr(int from, int to) {
        return to > from && buf[to - 1] == '\r' ? to - 1 : to;
    }

    private boolean isBlank(int from, int to) {
        for (int i = from; i < to; i++) {
            byte c = buf[i];
            if (c != ' ' && c != '\t' && c != '\r') {
                return false;
            }
        }
        return true;
    }
}
