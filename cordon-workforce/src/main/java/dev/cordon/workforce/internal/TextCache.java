package dev.cordon.workforce.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
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
 * instance also keeps its hash code computed for later map lookups. Not thread-safe.
 */
public final class TextCache {
    private static final int SIZE = 1024;
    private static final int SAMPLES = 16;
    private final String[] entries = new String[SIZE];
    private final char[][] chars = new char[SIZE][];

    /** The value's text, as {@link JsonParser#getText()} gives it. */
    public String text(JsonParser p, JsonToken v) throws IOException {
        if (v != JsonToken.VALUE_STRING) {
            return p.getText();
        }
        char[] c = p.getTextCharacters();
        int off = p.getTextOffset();
        int len = p.getTextLength();
        int h = len;
        int step = len <= SAMPLES ? 1 : len / SAMPLES;
        for (int i = off; i < off + len; i += step) {
            h = 31 * h + c[i];
        }
        if (len > 0) {
            h = 31 * h + c[off + len - 1];
        }
        int slot = (h ^ (h >>> 15)) & (SIZE - 1);
        char[] k = chars[slot];
        if (k != null && Arrays.equals(k, 0, k.length, c, off, off + len)) {
            return entries[slot];
        }
        String s = new String(c, off, len);
        entries[slot] = s;
        chars[slot] = Arrays.copyOfRange(c, off, off + len);
        return s;
    }
}
