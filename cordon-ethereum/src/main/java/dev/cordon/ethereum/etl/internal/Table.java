package dev.cordon.ethereum.etl.internal;

import dev.cordon.core.DecodeException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One ethereum-etl CSV file read block by block: the rows of each block are taken in one go,
 * in file order. Rows must be grouped by ascending {@code block_number}, as ethereum-etl writes
 * them; anything else is an error naming the line.
 */
public final class Table implements AutoCloseable {
    /** One record and the line it started on. */
    public record Row(int line, String[] f) {
    }

    private final CsvReader csv;
    private final int blockCol;
    private Row pending;
    private long pendingBlock = Long.MAX_VALUE;
    private long lastBlock = -1;

    private Table(CsvReader csv, String blockColumn) throws IOException {
        this.csv = csv;
        this.blockCol = csv.column(blockColumn);
        advance();
    }

    /** Opens {@code dir/name}, or returns {@code null} when the file does not exist. */
    public static Table open(Path dir, String name, String blockColumn) throws IOException {
        Path p = dir.resolve(name);
        if (!Files.isRegularFile(p)) {
            return null;
        }
        return new Table(new CsvReader(Files.newBufferedReader(p, StandardCharsets.UTF_8), name), blockColumn);
    }

    public CsvReader csv() {
        return csv;
    }

    /** The block number of the next unread row, or {@link Long#MAX_VALUE} at the end. */
    public long nextBlock() {
        return pendingBlock;
    }

    /** The rows of {@code block}; rows of an earlier block still unread are an error. */
    public List<Row> take(long block) {
        if (pendingBlock < block) {
            throw new DecodeException(csv.file() + " line " + pending.line(), -1, "row of block " + pendingBlock
                    + " has no block in blocks.csv (or the file is not ordered by block)");
        }
        List<Row> out = new ArrayList<>();
        try {
            while (pendingBlock == block) {
                out.add(pending);
                advance();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    public String file() {
        return csv.file();
    }

    private void advance() throws IOException {
        if (!csv.next()) {
            pending = null;
            pendingBlock = Long.MAX_VALUE;
            return;
        }
        pending = new Row(csv.line(), csv.fields());
        BigInteger b = decimal(pending, blockCol, "block_number");
        if (b.bitLength() > 62) {
            throw csv.fail("block_number " + b + " is out of range");
        }
        pendingBlock = b.longValue();
        if (pendingBlock < lastBlock) {
            throw csv.fail("block " + pendingBlock + " after block " + lastBlock + ": rows must be ordered by block");
        }
        lastBlock = pendingBlock;
    }

    /** A non-negative decimal field. */
    public BigInteger decimal(Row r, int col, String name) {
        String s = r.f()[col];
        if (s.isEmpty() || s.length() > 80) {
            throw fail(r, "'" + name + "' is not a decimal number: '" + s + "'");
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                throw fail(r, "'" + name + "' is not a decimal number: '" + s + "'");
            }
        }
        BigInteger v = new BigInteger(s);
        if (v.bitLength() > 256) {
            throw fail(r, "'" + name + "' is longer than 256 bits");
        }
        return v;
    }

    /** A decimal field, or {@code null} when the column is absent or the field empty. */
    public BigInteger optDecimal(Row r, int col, String name) {
        return col < 0 || r.f()[col].isEmpty() ? null : decimal(r, col, name);
    }

    public DecodeException fail(Row r, String problem) {
        return new DecodeException(csv.file() + " line " + r.line(), -1, problem);
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }
}
