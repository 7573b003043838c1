package dev.cordon.workforce.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * Reuses the {@code String}s of recurring JSON string values (countries, cities, event types,
 * user agents, AS names) instead of allocating one per record.
 *
 * <p>Design notes: a direct-mapped table of {@value #SIZE} entries keyed by a hash of the parser's
 * character buffer; a hit is a length check and a character comparison, a miss allocates the string
 * and replaces the entry. Returned strings are equal to {@link JsonParser#getText()}; reusing the
 * same instance also keeps its hash code computed for later map lookups. Not thread-safe.
 */
public final class TextCache {
    private static final int SIZE = 1024;
    private final String[] entries = new String[SIZE];

    /** The value's text, as {@link JsonParser#getText()} gives it. */
    public String text(JsonParser p, JsonToken v) throws IOException {
        if (v != JsonToken.VALUE_STRING) {
            return p.getText();
        }
        char[] c = p.getTextCharacters();
        int off = p.getTextOffset();
        int len = p.getTextLength();
        int h = len;
        for (int i = off; i < off + len; i++) {
            h = 31 * h + c[i];
        }
        int slot = (h ^ (h >>> 15)) & (SIZE - 1);
        String s = entries[slot];
        if (s != null && matches(s, c, off, len)) {
            return s;
        }
        s = new String(c, off, len);
        entries[slot] = s;
        return s;
    }

    private static boolean matches(String s, char[] c, int off, int len) {
        if (s.length() != len) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (s.charAt(i) != c[off + i]) {
                return false;
            }
        }
        return true;
    }
}
