package dev.cordon.workforce.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cordon.core.DecodeException;
import dev.cordon.workforce.ParseReport;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.DateTimeException;
import java.util.Set;

/**
 * Iterates the JSON records of a log file, whatever its framing: JSON lines (one object per line),
 * one top-level array, an API page whose records sit in a wrapper array ({@code value},
 * {@code items}, {@code records}, {@code Records}, {@code data}), a single object, or pretty-printed
 * objects one after another.
 *
 * <p>Design notes: JSON lines read by a {@link StagedReader} are streamed by {@link JsonLinesStream}
 * with the results of parsing each line on its own; other readers get one parser per line. Either way
 * a broken line costs only that line;
 * array and document framings are streamed, and a syntax error there ends the file (reported with
 * its line). A record reader that rejects a record leaves the parser mid-object; this class skips to
 * the record's end so that the next record is read normally.
 */
public final class JsonInput {
    /** Reads one record; the parser stands on its START_OBJECT and must be left after its END_OBJECT. */
    @FunctionalInterface
    public interface RecordReader {
        void read(JsonParser p, long line) throws IOException;
    }

    /**
     * A record reader in two phases, which lets JSON lines be streamed through one parser (see
     * {@link JsonLinesStream}): {@link #fill} reads the record into reusable state without any
     * other effect, {@link #commit} reports and emits it. Any failure of {@code fill} must leave
     * nothing behind that the next {@code fill} would see.
     */
    public interface StagedReader extends RecordReader {
        /** Reads one record; the parser stands on its START_OBJECT and is left on its END_OBJECT. */
        void fill(JsonParser p) throws IOException;

        /** Reports and emits the record last filled, found on {@code line}. */
        void commit(long line);

        @Override
        default void read(JsonParser p, long line) throws IOException {
            fill(p);
            commit(line);
        }
    }

    /**
     * A staged reader that can also read the record of a JSON line straight from its bytes, which
     * {@link JsonLinesStream} tries first for every line.
     */
    public interface LineBytesReader extends StagedReader {
        /**
         * Reads the record of the JSON line starting at {@code from} in {@code bytes[from, to)}
         * without a parser, when it can: the line's first value must be an object that ends before
         * the line does (the next '\n' or {@code to}); what follows it on the line is ignored.
         * Succeeds only when the parser would read the object without error and {@link #fill} would
         * fill the record exactly so; otherwise returns -1 and the line goes through {@code fill}.
         * Like {@code fill}, it has no other effect.
         *
         * @return the index just after the object's closing brace, or -1
         */
        int fillLine(byte[] bytes, int from, int to);
    }

    /** Longest JSON line accepted (4 MiB). */
    public static final int MAX_LINE = 4 << 20;
    private static final Set<String> WRAPPERS = Set.of("value", "items", "records", "Records", "data");
    private static final ObjectMapper MAPPER = new ObjectMapper(
            JsonFactory.builder().enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER).build());

    private JsonInput() {
    }

    /** The shared factory; parsers made from it can read trees. */
    public static JsonFactory factory() {
        return MAPPER.getFactory();
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * Reads every record of {@code in}.
     *
     * @throws DecodeException on an I/O failure
     */
    public static void forEach(InputStream raw, String source, ParseReport report, RecordReader reader) {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        try {
            in.mark(MAX_LINE + 1);
            int first = firstSignificant(in);
            if (first < 0) {
                return;
            }
            boolean lines = first != '[' && (first != '{' || firstLineIsWholeObject(in));
            in.reset();
            if (lines) {
                readLines(in, source, report, reader);
            } else {
                readDocument(in, source, report, reader);
            }
        } catch (IOException e) {
            throw new DecodeException(source, -1, "cannot read: " + e.getMessage(), e);
        }
    }

    private static int firstSignificant(InputStream in) throws IOException {
        int b;
        int pos = 0;
        while ((b = in.read()) >= 0) {
            pos++;
            if (pos <= 3 && (b == 0xEF || b == 0xBB || b == 0xBF)) {
                continue;
            }
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return b;
            }
        }
        return -1;
    }

    private static boolean firstLineIsWholeObject(BufferedInputStream in) throws IOException {
        in.reset();
        LineReader lr = new LineReader(in, MAX_LINE);
        int n;
        while ((n = lr.next()) == 0) {
            // skip blank lines
        }
        if (n < 0) {
            return true;
        }
        byte[] b = lr.buffer();
        int end = n;
        while (end > 0 && (b[end - 1] == ' ' || b[end - 1] == '\t')) {
            end--;
        }
        String head = new String(b, 0, Math.min(end, 64), java.nio.charset.StandardCharsets.UTF_8).strip();
        return end > 0 && b[end - 1] == '}' && !head.equals("{") && !isPage(b, end);
    }

    /** True when a one-line object is an API page: a top-level wrapper field holding an array. */
    private static boolean isPage(byte[] b, int len) {
        try (JsonParser p = factory().createParser(b, 0, len)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                if (p.nextToken() == JsonToken.START_ARRAY && WRAPPERS.contains(name)) {
                    return true;
                }
                p.skipChildren();
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    private static void readLines(InputStream in, String source, ParseReport report, RecordReader reader)
            throws IOException {
        if (reader instanceof StagedReader staged) {
            new JsonLinesStream(in, source, report, staged, factory()).run();
            return;
        }
        LineReader lr = new LineReader(in, MAX_LINE);
        JsonFactory f = factory();
        int n;
        while ((n = lr.next()) != LineReader.EOF) {
            long line = lr.lineNumber();
            if (n == LineReader.TOO_LONG) {
                report.skipped(source, line, "line longer than " + MAX_LINE + " bytes");
                continue;
            }
            if (isBlank(lr.buffer(), n)) {
                continue;
            }
            readLine(f, lr.buffer(), 0, n, line, source, report, reader);
        }
    }

    /** Reads the one JSON line in {@code b[off, off + len)}, which is not blank. */
    static void readLine(JsonFactory f, byte[] b, int off, int len, long line, String source, ParseReport report,
                         RecordReader reader) throws IOException {
        try (JsonParser p = f.createParser(b, off, len)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                report.skipped(source, line, "not a JSON object");
                return;
            }
            readOne(p, line, source, report, reader);
        } catch (JsonProcessingException e) {
            report.skipped(source, line, "malformed JSON: " + Texts.brief(e.getOriginalMessage()));
        }
    }

    private static boolean isBlank(byte[] b, int n) {
        for (int i = 0; i < n; i++) {
            if (b[i] != ' ' && b[i] != '\t' && b[i] != '\r') {
                return false;
            }
        }
        return true;
    }

    private static void readDocument(InputStream in, String source, ParseReport report, RecordReader reader)
            throws IOException {
        long line = 1;
        try (JsonParser p = factory().createParser(in)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                line = p.currentTokenLocation().getLineNr();
                if (t == JsonToken.START_ARRAY) {
                    readArray(p, source, report, reader);
                } else if (t == JsonToken.START_OBJECT) {
                    readRootObject(p, source, report, reader);
                } else {
                    report.skipped(source, line, "not a JSON object or array");
                    p.skipChildren();
                }
            }
        } catch (JsonProcessingException e) {
            long at = e.getLocation() != null ? e.getLocation().getLineNr() : line;
            report.skipped(source, at, "malformed JSON, rest of file unreadable: " + Texts.brief(e.getOriginalMessage()));
        }
    }

    private static void readArray(JsonParser p, String source, ParseReport report, RecordReader reader)
            throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
            long line = p.currentTokenLocation().getLineNr();
            if (t == JsonToken.START_OBJECT) {
                readOne(p, line, source, report, reader);
            } else {
                report.skipped(source, line, "array element is not an object");
                p.skipChildren();
            }
        }
    }

    /** A root object is an API page (stream its wrapper array) or one record (read it whole). */
    private static void readRootObject(JsonParser p, String source, ParseReport report, RecordReader reader)
            throws IOException {
        long line = p.currentTokenLocation().getLineNr();
        ObjectNode collected = MAPPER.createObjectNode();
        boolean wrapper = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            if (v == JsonToken.START_ARRAY && WRAPPERS.contains(name)) {
                wrapper = true;
                readArray(p, source, report, reader);
            } else {
                collected.set(name, p.readValueAsTree());
            }
        }
        if (!wrapper) {
            try (JsonParser tp = collected.traverse(MAPPER)) {
                tp.nextToken();
                readOne(tp, line, source, report, reader);
            }
        }
    }

    private static void readOne(JsonParser p, long line, String source, ParseReport report, RecordReader reader)
            throws IOException {
        JsonStreamContext parent = p.getParsingContext().getParent();
        try {
            reader.read(p, line);
            return;
        } catch (RecordException e) {
            report.skipped(source, line, e.getMessage());
        } catch (InputCoercionException e) {
            report.skipped(source, line, "number out of range: " + Texts.brief(e.getOriginalMessage()));
        } catch (IllegalArgumentException | DateTimeException e) {
            report.skipped(source, line, "bad value: " + Texts.brief(String.valueOf(e.getMessage())));
        }
        while (p.getParsingContext() != parent && p.nextToken() != null) {
            // skip the rest of the rejected record
        }
    }
}
