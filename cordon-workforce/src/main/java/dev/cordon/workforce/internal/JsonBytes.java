package dev.cordon.workforce.internal;

/**
 * Byte-level checks of JSON string content for {@link JsonLineScanner}: escapes (RFC 8259 section
 * 7) and UTF-8 sequences (RFC 3629). Each gives up with {@link JsonLineScanner.Unsupported} on
 * anything Jackson might reject or read differently: unknown escapes, {@code \\u} escapes of lone
 * surrogates, overlong or surrogate UTF-8, sequences cut off by the end of the range.
 */
final class JsonBytes {
    private JsonBytes() {
    }

    /** Validates the escape whose letter is at {@code b[i]} (before {@code end}); returns the index after it. */
    static int escape(byte[] b, int i, int end) {
        if (i >= end) {
            throw JsonLineScanner.UNSUPPORTED;
        }
        switch (b[i]) {
            case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> {
                return i + 1;
            }
            case 'u' -> {
                int cp = hex4(b, i + 1, end);
                if (cp >= 0xD800 && cp <= 0xDFFF) {
                    throw JsonLineScanner.UNSUPPORTED;
                }
                return i + 5;
            }
            default -> throw JsonLineScanner.UNSUPPORTED;
        }
    }

    /** The value of four hex digits at {@code b[from]}. */
    private static int hex4(byte[] b, int from, int end) {
        if (from + 4 > end) {
            throw JsonLineScanner.UNSUPPORTED;
        }
        int v = 0;
        for (int i = from; i < from + 4; i++) {
            int d = Character.digit(b[i], 16);
            if (d < 0) {
                throw JsonLineScanner.UNSUPPORTED;
            }
            v = v << 4 | d;
        }
        return v;
    }

    /** Validates one UTF-8 sequence starting at {@code b[i]}, ending before {@code end}; returns the index after it. */
    static int utf8(byte[] b, int i, int end) {
        int c = b[i] & 0xFF;
        int n;
        int lo = 0x80;
        int hi = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
            n = 1;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 2;
            lo = c == 0xE0 ? 0xA0 : 0x80;
            hi = c == 0xED ? 0x9F : 0xBF;
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 3;
            lo = c == 0xF0 ? 0x90 : 0x80;
            hi = c == 0xF4 ? 0x8F : 0xBF;
        } else {
            throw JsonLineScanner.UNSUPPORTED;
        }
        if (i + n >= end) {
            throw JsonLineScanner.UNSUPPORTED;
        }
        int second = b[i + 1] & 0xFF;
        if (second < lo || second > hi) {
            throw JsonLineScanner.UNSUPPORTED;
        }
        for (int k = 2; k <= n; k++) {
            if ((b[i + k] & 0xC0) != 0x80) {
                throw JsonLineScanner.UNSUPPORTED;
            }
        }
        return i + n + 1;
    }

    /** The ASCII string content {@code b[from, to)}, already validated, with its escapes decoded. */
    static String unescape(byte[] b, int from, int to) {
        StringBuilder sb = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            char c = (char) b[i];
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            char e = (char) b[++i];
            switch (e) {
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    sb.append((char) hex4(b, i + 1, to));
                    i += 4;
                }
                default -> sb.append(e);
            }
        }
        return sb.toString();
    }
}
