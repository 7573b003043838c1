package dev.cordon.ethereum.etl.internal;

import dev.cordon.core.DecodeException;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A streaming reader of RFC 4180 CSV as Python's {@code csv} module writes it (ethereum-etl's
 * exports): a header row, comma separated, fields quoted with {@code "} when they hold a comma,
 * quote or line break, quotes doubled inside. Errors name the file and line.
 */
public final class CsvReader implements Closeable {
    private final BufferedReader in;
    private final String file;
    private final Map<String, Integer> columns = new HashMap<>();
    private int lineNo;
    private int recordLine;
    private String[] row;

    public CsvReader(BufferedReader in, String file) throws IOException {
        this.in = in;
        this.file = file;
        List<String> header = readRecord();
        if (header == null) {
            throw new DecodeException(file + " line 1", -1, "empty file, expected a header row");
        }
        for (int i = 0; i < header.size(); i++) {
            columns.put(header.get(i).trim(), i);
        }
    }

    /** The column's index; the column must exist. */
    public int column(String name) {
        Integer i = columns.get(name);
        if (i == null) {
            throw new DecodeException(file + " line 1", -1, "no column '" + name + "' in the header " + columns.keySet());
        }
        return i;
    }

    /** The column's index, or -1 when the header lacks it (columns added by newer ethereum-etl). */
    public int optColumn(String name) {
        return columns.getOrDefault(name, -1);
    }

    /** Advances to the next record; false at the end of the file. */
    public boolean next() throws IOException {
        List<String> r = readRecord();
        if (r == null) {
            row = null;
            return false;
        }
        if (r.size() != columns.size()) {
            throw fail("has " + r.size() + " fields, the header has " + columns.size());
        }
        row = r.toArray(new String[0]);
        return true;
    }

    /** A field of the current record, never null (empty when the CSV field is empty). */
    public String get(int column) {
        return column < 0 ? "" : row[column];
    }

    /** The fields of the current record (a fresh array per record). */
    public String[] fields() {
        return row;
    }

    /** Line number where the current record starts (1 is the header). */
    public int line() {
        return recordLine;
    }

    public String file() {
        return file;
    }

    public DecodeException fail(String problem) {
        return new DecodeException(file + " line " + recordLine, -1, problem);
    }

    private List<String> readRecord() throws IOException {
        String line = in.readLine();
        if (line == null) {
            return null;
        }
        recordLine = ++lineNo;
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int i = 0;
        while (true) {
            if (i == line.length()) {
                if (!quoted) {
                    break;
                }
                String more = in.readLine();
                if (more == null) {
                    throw new DecodeException(file + " line " + recordLine, -1, "unterminated quoted field");
                }
                lineNo++;
                field.append('\n');
                line = more;
                i = 0;
                continue;
            }
            char c = line.charAt(i++);
            if (quoted) {
                if (c == '"' && i < line.length() && line.charAt(i) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(field.toString());
                field.setLength(0);
            } else if (c != '\r' || i != line.length()) {
                field.append(c);
            }
        }
        out.add(field.toString());
        return out;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
