package dev.cordon.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** Plain-text tables for human output. */
public final class Terminal {
    private Terminal() {
    }

    /** Prints rows as left-aligned columns; the first row is the header. */
    public static void table(PrintStream out, List<List<String>> rows) {
        if (rows.isEmpty()) {
            return;
        }
        int cols = rows.get(0).size();
        int[] width = new int[cols];
        for (List<String> r : rows) {
            for (int c = 0; c < cols && c < r.size(); c++) {
                width[c] = Math.max(width[c], r.get(c).length());
            }
        }
        for (List<String> r : rows) {
            StringBuilder sb = new StringBuilder();
            for (int c = 0; c < cols && c < r.size(); c++) {
                String cell = r.get(c);
                sb.append(cell);
                if (c < cols - 1) {
                    sb.append(" ".repeat(width[c] - cell.length() + 2));
                }
            }
            out.println(sb.toString().stripTrailing());
        }
    }

    /** A header row followed by data rows, for {@link #table}. */
    public static List<List<String>> rows(String... header) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(header));
        return rows;
    }

    /** Prints {@code key: value} lines with aligned values. */
    public static void fields(PrintStream out, List<String[]> kv) {
        int w = 0;
        for (String[] p : kv) {
            w = Math.max(w, p[0].length());
        }
        for (String[] p : kv) {
            out.println(p[0] + ":" + " ".repeat(w - p[0].length() + 1) + p[1]);
        }
    }
}
