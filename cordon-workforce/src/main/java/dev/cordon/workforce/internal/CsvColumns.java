package dev.cordon.workforce.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Maps a CSV header to column positions. Header names match case-insensitively, ignoring spaces,
 * underscores, dashes and brackets, so {@code "Login Timestamp"}, {@code login_timestamp} and
 * {@code LoginTimestamp} are one name. Each wanted column may have several accepted names.
 */
public final class CsvColumns {
    private final Map<String, Integer> index = new HashMap<>();

    public CsvColumns(List<String> header) {
        for (int i = 0; i < header.size(); i++) {
            index.putIfAbsent(key(header.get(i)), i);
        }
    }

    /** Position of the first present name, or -1. */
    public int find(String... names) {
        for (String n : names) {
            Integer i = index.get(key(n));
            if (i != null) {
                return i;
            }
        }
        return -1;
    }

    /** The trimmed cell, or empty when the column is absent or the row is short. */
    public static String cell(List<String> row, int col) {
        return col < 0 || col >= row.size() ? "" : row.get(col).trim();
    }

    static String key(String s) {
        StringBuilder sb = new StringBuilder();
        String t = s.strip();
        if (!t.isEmpty() && t.charAt(0) == '\uFEFF') {
            t = t.substring(1);
        }
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                sb.append(c);
            }
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }
}
