package dev.cordon.workforce.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reuses the {@code String}s of recurring JSON string values (countries, cities, event types,
 * user agents, AS names) instead of allocating one per record.
 *
 * <p>Design notes: a direct-mapped table of {@value #SIZE} entries keyed by a hash of the parser's
 * character buffer; a hit is a length check and a character comparison, a miss allocates the string
 * and replaces the entry. The hash reads the length and at most {@value #SAMPLES} characters spread
 * over the value (user agents are over 100 characters and differ in few places), and each entry
 * keeps its characters in a {@code char[]} so that the comparison is one vectorised
 * {@link Arrays#equals(char[], int, int, char[], int, int)}; values that share a sampled hash only
 * evict each other. Returned strings are equal to {@link JsonParser#getText()}; reusing the same
 * instance also keeps its hash code computed for later map lookups. Raw UTF-8 values (read
 * without a parser) have a table of their own, keyed by their bytes in the same way. Not
 * thread-safe.
 */
public final class TextCache {
    private static final int SIZE = 1024;
    private static final int SAMPLES = 16;
    private final String[] entries = new String[SIZE];
    private final char[][] chars = new char[SIZE][];
    private final String[] byteEntries = new String[SIZE];
    private final byte[][] byteKeys = new byte[SIZE][];

    /** The value's text, as {@link JsonParser#getText()} gives it. */
    public String text(JsonParser p, JsonToken v) throws IOException {
        if (v != JsonToken.VALUE_STRING) {
            return p.getText();
        }
        char[] c = p.getTextCharacters();
        int off = p.getTextOffset();
        int len = p.getTextLength();
        int h = len;
        for (int i = off, step = step(len); i < off + len; i += step) {
            h = 31 * h + c[i];
        }
        int slot = slot(h, len == 0 ? 0 : c[off + len - 1]);
        char[] k = chars[slot];
        if (k != null && Arrays.equals(k, 0, k.length, c, off, off + len)) {
            return entries[slot];
        }
        String s = new String(c, off, len);
        entries[slot] = s;
        chars[slot] = Arrays.copyOfRange(c, off, off + len);
        return s;
    }

    /**
     * The string of the JSON string value whose raw bytes (no escapes, valid UTF-8) are
     * {@code b[off, off + len)}.
     *
     * @param nonAscii whether any byte is outside ASCII (then the bytes are decoded as UTF-8)
     */
    public String text(byte[] b, int off, int len, boolean nonAscii) {
        int h = len;
        for (int i = off, step = step(len); i < off + len; i += step) {
            h = 31 * h + b[i];
        }
        int slot = slot(h, len == 0 ? 0 : b[off + len - 1]);
        byte[] k = byteKeys[slot];
        if (k != null && Arrays.equals(k, 0, k.length, b, off, off + len)) {
            return byteEntries[slot];
        }
        String s = new String(b, off, len, nonAscii ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        byteEntries[slot] = s;
        byteKeys[slot] = Arrays.copyOfRange(b, off, off + len);
        return s;
    }

    /** Distance between sampled characters: at most {@value #SAMPLES} samples. */
    private static int step(int len) {
        return len <= SAMPLES ? 1 : len / SAMPLES;
    }

    /** Table slot of a sampled hash, with the last character mixed in. */
    private static int slot(int sampled, int last) {
        int h = 31 * sampled + last;
        return (h ^ (h >>> 15)) & (SIZE - 1);
    }
}
