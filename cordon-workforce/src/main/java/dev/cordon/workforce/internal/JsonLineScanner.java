package dev.cordon.workforce.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A strict, allocation-free reader of one JSON object on one line of a JSON lines buffer, for
 * record readers that pick a few fields from large records without a parser.
 *
 * <p>Contract: the scanner only ever accepts input that Jackson's default parser reads without
 * error, and gives up ({@link Unsupported}) on anything it does not handle itself: bytes outside
 * the range, syntax errors, escapes in a name, escapes in a value taken as raw bytes, invalid or
 * surrogate UTF-8, numbers over {@value #MAX_NUMBER} characters, names over {@value #MAX_NAME}
 * bytes, nesting over {@value #MAX_DEPTH}, a line feed before the object ends. A caller catches
 * {@link Unsupported} and reads the line with Jackson instead, so giving up costs speed, never a
 * different result. Grammar: RFC 8259, except that whitespace is space, tab and CR only: a line
 * feed ends the line, so the scanner never reads past the line it started on.
 *
 * <p>Design notes: one pass over the bytes, a position and a range; a string is kept as the range
 * of its raw bytes plus whether it holds escapes or non-ASCII bytes, so that recurring values can
 * be looked up by bytes without building a {@code String}. A plain string (printable ASCII, no
 * backslash) ends where an eight-bytes-at-a-time search finds its quote; others are checked byte by
 * byte ({@link JsonBytes}). Skipped values are validated as strictly as read ones. Not thread-safe.
 */
public final class JsonLineScanner {
    /** Thrown when the scanner cannot vouch for the line; carries no stack trace. */
    public static final class Unsupported extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private Unsupported() {
            super("unsupported", null, false, false);
        }
    }

    static final Unsupported UNSUPPORTED = new Unsupported();
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101_0101_0101_0101L;
    private static final long HIGHS = 0x8080_8080_8080_8080L;
    private static final long LOWS = 0x7F7F_7F7F_7F7F_7F7FL;
    private static final long QUOTES = ONES * '"';
    private static final long BACKSLASHES = ONES * '\\';
    private static final long CONTROL_LIMIT = ONES * (0x80 - 0x20);
    private static final int MAX_DEPTH = 64;
    private static final int MAX_NUMBER = 64;
    private static final int MAX_NAME = 1024;
    private static final int PLAIN_DIGITS = 15;
    private static final double[] POW10 = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
        1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

    private byte[] b;
    private int pos;
    private int end;
    private int depth;
    private int strStart;
    private int strEnd;
    private boolean strEscaped;
    private boolean strNonAscii;

    /** Starts reading {@code b[from, to)}. */
    public void start(byte[] bytes, int from, int to) {
        b = bytes;
        pos = from;
        end = to;
        depth = 0;
    }

    /** Index of the next unread byte. */
    public int position() {
        return pos;
    }

    /** The next significant byte without consuming it, or -1 at the end of the range. */
    public int peek() {
        if (pos < end && b[pos] > ' ') {
            return b[pos];
        }
        while (pos < end) {
            byte c = b[pos];
            if (c != ' ' && c != '\t' && c != '\r') {
                return c;
            }
            pos++;
        }
        return -1;
    }

    /** Consumes the {@code START_OBJECT} of an object that is to be read with {@link #nextName}. */
    public void enterObject() {
        if (peek() != '{') {
            throw UNSUPPORTED;
        }
        pos++;
        if (++depth > MAX_DEPTH) {
            throw UNSUPPORTED;
        }
    }

    /**
     * Moves to the next member of the object entered last and consumes its name and colon; the
     * name is then {@link #nameIs}. {@code first} is true for the first call after
     * {@link #enterObject}.
     *
     * @return false after consuming the closing brace
     */
    public boolean nextName(boolean first) {
        int c = peek();
        if (c == '}') {
            pos++;
            depth--;
            return false;
        }
        if (!first) {
            if (c != ',') {
                throw UNSUPPORTED;
            }
            pos++;
            c = peek();
        }
        if (c != '"') {
            throw UNSUPPORTED;
        }
        string();
        if (strEscaped || strEnd - strStart > MAX_NAME) {
            throw UNSUPPORTED;
        }
        if (peek() != ':') {
            throw UNSUPPORTED;
        }
        pos++;
        return true;
    }

    /** True when the current member's name is exactly {@code name} (ASCII, as bytes). */
    public boolean nameIs(byte[] name) {
        int n = strEnd - strStart;
        if (n != name.length) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (b[strStart + i] != name[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Reads a string value; its content is then {@link #text()}, {@link #text(TextCache)} or
     * {@link #unescaped()}.
     *
     * @return false when the value is {@code null} instead
     */
    public boolean stringOrNull() {
        int c = peek();
        if (c == '"') {
            string();
            return true;
        }
        literal("null");
        return false;
    }

    /** True when the last string read holds a backslash escape. */
    public boolean escaped() {
        return strEscaped;
    }

    /** The last string read, which holds no escapes; gives up when it does. */
    public String text() {
        if (strEscaped) {
            throw UNSUPPORTED;
        }
        return new String(b, strStart, strEnd - strStart,
                strNonAscii ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    }

    /** The last string read, through {@code cache} (see {@link TextCache#text(byte[], int, int, boolean)}). */
    public String text(TextCache cache) {
        if (strEscaped) {
            throw UNSUPPORTED;
        }
        return cache.text(b, strStart, strEnd - strStart, strNonAscii);
    }

    /** The last string read with its escapes decoded; gives up on non-ASCII bytes. */
    public String unescaped() {
        if (strNonAscii) {
            throw UNSUPPORTED;
        }
        return JsonBytes.unescape(b, strStart, strEnd);
    }

    /** Reads {@code true}, {@code false} or {@code null}; returns true only for {@code true}. */
    public boolean isTrue() {
        int c = peek();
        if (c == 't') {
            literal("true");
            return true;
        }
        literal(c == 'f' ? "false" : "null");
        return false;
    }

    /** Reads a JSON integer of at most 18 digits; gives up on fractions and exponents. */
    public long integer() {
        int from = pos;
        number();
        long v = 0;
        boolean neg = b[from] == '-';
        int i = neg ? from + 1 : from;
        if (pos - i > 18) {
            throw UNSUPPORTED;
        }
        for (; i < pos; i++) {
            byte c = b[i];
            if (c < '0' || c > '9') {
                throw UNSUPPORTED;
            }
            v = v * 10 + (c - '0');
        }
        return neg ? -v : v;
    }

    /**
     * Reads a number as Jackson's {@code getDoubleValue()} gives it: the nearest double, and an
     * integer through {@code long} (so {@code -0} is {@code 0.0}). Decimals of up to 15 digits take
     * one correctly rounded division (both operands exact); others go through
     * {@link Double#parseDouble}.
     */
    public double decimal() {
        int from = pos;
        number();
        boolean neg = b[from] == '-';
        long m = 0;
        int digits = 0;
        int scale = -1;
        for (int i = neg ? from + 1 : from; i < pos; i++) {
            byte c = b[i];
            if (c == '.') {
                scale = 0;
            } else if (c >= '0' && c <= '9') {
                m = m * 10 + (c - '0');
                digits++;
                scale += scale >= 0 ? 1 : 0;
            } else {
                return Double.parseDouble(new String(b, from, pos - from, StandardCharsets.ISO_8859_1));
            }
        }
        if (digits > PLAIN_DIGITS) {
            return Double.parseDouble(new String(b, from, pos - from, StandardCharsets.ISO_8859_1));
        }
        if (scale < 0) {
            return neg ? -m : m;
        }
        double v = m / POW10[scale];
        return neg ? -v : v;
    }

    /** Skips any value, validating it. */
    public void skipValue() {
        int c = peek();
        switch (c) {
            case '"' -> string();
            case '{' -> skipObject();
            case '[' -> skipArray();
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            default -> number();
        }
    }

    private void skipObject() {
        enterObject();
        for (boolean first = true; nextName(first); first = false) {
            skipValue();
        }
    }

    private void skipArray() {
        pos++;
        if (++depth > MAX_DEPTH) {
            throw UNSUPPORTED;
        }
        if (peek() == ']') {
            pos++;
            depth--;
            return;
        }
        while (true) {
            skipValue();
            int c = peek();
            pos++;
            if (c == ']') {
                depth--;
                return;
            }
            if (c != ',') {
                throw UNSUPPORTED;
            }
        }
    }

    private void literal(String word) {
        int n = word.length();
        if (end - pos < n) {
            throw UNSUPPORTED;
        }
        for (int i = 0; i < n; i++) {
            if (b[pos + i] != word.charAt(i)) {
                throw UNSUPPORTED;
            }
        }
        pos += n;
        requireDelimiter();
    }

    /** RFC 8259 number; the byte after it must end a value. */
    private void number() {
        int from = pos;
        if (pos < end && b[pos] == '-') {
            pos++;
        }
        if (pos < end && b[pos] == '0') {
            pos++;
        } else if (digits() == 0) {
            throw UNSUPPORTED;
        }
        if (pos < end && b[pos] == '.') {
            pos++;
            if (digits() == 0) {
                throw UNSUPPORTED;
            }
        }
        if (pos < end && (b[pos] == 'e' || b[pos] == 'E')) {
            pos++;
            if (pos < end && (b[pos] == '+' || b[pos] == '-')) {
                pos++;
            }
            if (digits() == 0) {
                throw UNSUPPORTED;
            }
        }
        if (pos - from > MAX_NUMBER) {
            throw UNSUPPORTED;
        }
        requireDelimiter();
    }

    private int digits() {
        int from = pos;
        while (pos < end && b[pos] >= '0' && b[pos] <= '9') {
            pos++;
        }
        return pos - from;
    }

    /** After a scalar: whitespace, a comma or a closing bracket (not consumed). */
    private void requireDelimiter() {
        int c = peek();
        if (c != ',' && c != '}' && c != ']') {
            throw UNSUPPORTED;
        }
    }

    /** Reads a string from its opening quote; validates escapes and UTF-8. */
    private void string() {
        int i = pos + 1;
        strStart = i;
        strEscaped = false;
        strNonAscii = false;
        int q = plainQuote(i);
        if (q >= 0) {
            strEnd = q;
            pos = q + 1;
            return;
        }
        while (true) {
            if (i >= end) {
                throw UNSUPPORTED;
            }
            int c = b[i];
            if (c == '"') {
                break;
            }
            if (c == '\\') {
                strEscaped = true;
                i = JsonBytes.escape(b, i + 1, end);
            } else if (c < 0) {
                strNonAscii = true;
                i = JsonBytes.utf8(b, i, end);
            } else if (c < 0x20) {
                throw UNSUPPORTED;
            } else {
                i++;
            }
        }
        strEnd = i;
        pos = i + 1;
    }

    /**
     * The closing quote of a string whose characters start at {@code from}, when every byte before
     * it is plain (printable ASCII other than backslash), else -1. Eight bytes at a time; each mask
     * below has the high bit of exactly the bytes it names (no carries cross bytes), so the lowest
     * set bit tells whether the quote or a byte needing the careful path comes first.
     */
    private int plainQuote(int from) {
        int i = from;
        while (i + 8 <= end) {
            long w = (long) LONGS.get(b, i);
            long q = w ^ QUOTES;
            long bs = w ^ BACKSLASHES;
            long quote = ~(((q & LOWS) + LOWS) | q | LOWS);
            long special = ~(((bs & LOWS) + LOWS) | bs | LOWS) | ~((w & LOWS) + CONTROL_LIMIT) & HIGHS | w & HIGHS;
            long any = quote | special;
            if (any != 0) {
                long first = any & -any;
                return (quote & first) != 0 ? i + (Long.numberOfTrailingZeros(first) >>> 3) : -1;
            }
            i += 8;
        }
        for (; i < end; i++) {
            byte c = b[i];
            if (c == '"') {
                return i;
            }
            if (c < 0x20 || c == '\\') {
                return -1;
            }
        }
        return -1;
    }
}
