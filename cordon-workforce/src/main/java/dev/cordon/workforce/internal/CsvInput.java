package dev.cordon.workforce.internal;

import dev.cordon.core.DecodeException;
import dev.cordon.workforce.ParseReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.util.List;
import java.util.function.Function;

/**
 * Reads a headed CSV file row by row. Comment lines ({@code #}) before the header are skipped;
 * malformed rows and rows the row reader rejects are reported with their line and skipped.
 */
public final class CsvInput {
    /** Reads one data row. */
    @FunctionalInterface
    public interface RowReader {
        void read(List<String> row, long line);
    }

    private CsvInput() {
    }

    /**
     * @param binder builds the row reader from the header; throws {@link RecordException} when the
     *               header lacks a required column
     * @throws DecodeException on an I/O failure or a header without required columns
     */
    public static void forEach(InputStream in, String source, ParseReport report, Function<CsvColumns, RowReader> binder) {
        InputStreamReader r = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE));
        CsvReader csv = new CsvReader(r);
        try {
            CsvReader.Row header = csv.next();
            while (header != null && header.ok() && !header.fields().isEmpty()
                    && header.fields().get(0).trim().startsWith("#")) {
                header = csv.next();
            }
            if (header == null) {
                return;
            }
            if (!header.ok()) {
                throw new DecodeException(source, -1, "line " + header.line() + ": malformed CSV header: " + header.problem());
            }
            RowReader reader;
            try {
                reader = binder.apply(new CsvColumns(header.fields()));
            } catch (RecordException e) {
                throw new DecodeException(source, -1, "line " + header.line() + ": " + e.getMessage());
            }
            CsvReader.Row row;
            while ((row = csv.next()) != null) {
                if (!row.ok()) {
                    report.skipped(source, row.line(), row.problem());
                    continue;
                }
                try {
                    reader.read(row.fields(), row.line());
                } catch (RecordException e) {
                    report.skipped(source, row.line(), e.getMessage());
                } catch (IllegalArgumentException | DateTimeException e) {
                    report.skipped(source, row.line(), "bad value: " + Texts.brief(String.valueOf(e.getMessage())));
                }
            }
        } catch (IOException e) {
            throw new DecodeException(source, -1, "cannot read: " + e.getMessage(), e);
        }
    }

    /** Position of a required column. */
    public static int required(CsvColumns c, String what, String... names) {
        int i = c.find(names);
        if (i < 0) {
            throw new RecordException("CSV header has no " + what + " column (expected one of " + String.join(", ", names) + ")");
        }
        return i;
    }
}
