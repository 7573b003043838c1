package dev.cordon.intel.graph;

import dev.cordon.core.Chain;
import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * Saves a {@link UtxoGraph} to a file and reads it back with bulk reads (a few seconds per
 * gigabyte), so that a trace need not rebuild the graph from the store.
 *
 * <p>Format version {@value #VERSION}, little-endian: a 64-byte header (magic
 * {@code CRDNGRPH}, version, chain id, edge-kind mask, transaction, output, input, address and
 * block counts, zero padding), then the arrays in this order, each exactly as long as its
 * count: {@code txOutStart[T+1] txInStart[T+1] txHeight[T]} (int), {@code outValue[O]} (long),
 * {@code outAddress[O] outSpender[O] outPrevOfAddress[O] inSpent[I] addrLastOut[A]} (int),
 * {@code blockTime[H]} (long), and a CRC32C of all array bytes as a long. A file of another
 * version or chain is refused with a message, never misread. Saving writes a temporary file
 * and moves it into place.
 */
public final class GraphFile {
    /** Current format version. */
    public static final int VERSION = 1;
    /** Header size in bytes. */
    public static final int HEADER_SIZE = 64;

    private static final byte[] MAGIC = "CRDNGRPH".getBytes(StandardCharsets.US_ASCII);
    private static final int CHUNK = 1 << 20;

    private GraphFile() {
    }

    /**
     * Writes the graph to {@code file}, replacing it.
     *
     * @throws CordonException with {@link ErrorCode#IO} when writing fails
     */
    public static void save(UtxoGraph g, Path file) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ch.write(header(g));
                Sink sink = new Sink(ch);
                sink.ints(g.txOutStart, g.txCount() + 1);
                sink.ints(g.txInStart, g.txCount() + 1);
                sink.ints(g.txHeight, g.txCount());
                sink.longs(g.outValue, g.outputCount());
                sink.ints(g.outAddress, g.outputCount());
                sink.ints(g.outSpender, g.outputCount());
                sink.ints(g.outPrevOfAddress, g.outputCount());
                sink.ints(g.inSpent, g.inputCount());
                sink.ints(g.addrLastOut, g.addressCount());
                sink.longs(g.blockTime, g.blockCount());
                sink.finish();
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new CordonException(ErrorCode.IO, "cannot write graph " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a graph written by {@link #save}.
     *
     * @throws CordonException with {@link ErrorCode#STORE} when the file is not a graph, is of
     *                         another version or is damaged; {@link ErrorCode#IO} when it
     *                         cannot be read
     */
    public static UtxoGraph load(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer h = ByteBuffer.allocate(HEADER_SIZE).order(ByteOrder.LITTLE_ENDIAN);
            readFully(ch, h, file);
            int[] counts = checkHeader(h, file);
            UtxoGraph g = new UtxoGraph(Chain.ofId(h.getInt(12)));
            int t = counts[0];
            int o = counts[1];
            Source src = new Source(ch, file);
            g.txOutStart = src.ints(t + 1);
            g.txInStart = src.ints(t + 1);
            g.txHeight = src.ints(t);
            g.outValue = src.longs(o);
            g.outAddress = src.ints(o);
            g.outSpender = src.ints(o);
            g.outPrevOfAddress = src.ints(o);
            g.inSpent = src.ints(counts[2]);
            g.addrLastOut = src.ints(counts[3]);
            g.blockTime = src.longs(counts[4]);
            src.verify();
            g.restore(t, o, counts[2], counts[3], counts[4]);
            return g;
        } catch (IOException e) {
            throw new CordonException(ErrorCode.IO, "cannot read graph " + file + ": " + e.getMessage(), e);
        }
    }

    private static ByteBuffer header(UtxoGraph g) {
        ByteBuffer h = ByteBuffer.allocate(HEADER_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        h.put(MAGIC).putInt(VERSION).putInt(g.chain().id()).putInt(EdgeKind.UTXO_SPEND.bit())
                .putInt(g.txCount()).putInt(g.outputCount()).putInt(g.inputCount())
                .putInt(g.addressCount()).putInt(g.blockCount());
        h.position(HEADER_SIZE).flip();
        return h;
    }

    private static int[] checkHeader(ByteBuffer h, Path file) {
        for (int i = 0; i < MAGIC.length; i++) {
            if (h.get(i) != MAGIC[i]) {
                throw new CordonException(ErrorCode.STORE, file + " is not a cordon graph file");
            }
        }
        int version = h.getInt(8);
        if (version != VERSION) {
            throw new CordonException(ErrorCode.STORE, file + " is a graph of format version " + version
                    + "; this build reads version " + VERSION + " (delete the file to rebuild it)");
        }
        if (h.getInt(16) != EdgeKind.UTXO_SPEND.bit()) {
            throw new CordonException(ErrorCode.STORE, file + " holds edge kinds 0x" + Integer.toHexString(h.getInt(16))
                    + " this build does not read");
        }
        int[] counts = new int[5];
        for (int i = 0; i < 5; i++) {
            counts[i] = h.getInt(20 + 4 * i);
            if (counts[i] < 0 || counts[i] > Integer.MAX_VALUE - 8) {
                throw new CordonException(ErrorCode.STORE, file + " has a damaged header");
            }
        }
        return counts;
    }

    private static void readFully(FileChannel ch, ByteBuffer b, Path file) throws IOException {
        while (b.hasRemaining()) {
            if (ch.read(b) < 0) {
                throw new CordonException(ErrorCode.STORE, file + " is truncated");
            }
        }
        b.flip();
    }

    /** Buffered little-endian writer that checksums what it writes. */
    private static final class Sink {
        private final FileChannel ch;
        private final ByteBuffer buf = ByteBuffer.allocateDirect(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
        private final CRC32C crc = new CRC32C();

        Sink(FileChannel ch) {
            this.ch = ch;
        }

        void ints(int[] a, int n) throws IOException {
            for (int i = 0; i < n; ) {
                int k = Math.min(n - i, buf.remaining() / 4);
                buf.asIntBuffer().put(a, i, k);
                buf.position(buf.position() + 4 * k);
                i += k;
                if (!buf.hasRemaining() || k == 0) {
                    flush();
                }
            }
        }

        void longs(long[] a, int n) throws IOException {
            for (int i = 0; i < n; ) {
                int k = Math.min(n - i, buf.remaining() / 8);
                buf.asLongBuffer().put(a, i, k);
                buf.position(buf.position() + 8 * k);
                i += k;
                if (!buf.hasRemaining() || k == 0) {
                    flush();
                }
            }
        }

        void finish() throws IOException {
            flush();
            ByteBuffer t = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(crc.getValue());
            t.flip();
            while (t.hasRemaining()) {
                ch.write(t);
            }
        }

        private void flush() throws IOException {
            buf.flip();
            crc.update(buf.duplicate());
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            buf.clear();
        }
    }

    /** Buffered little-endian reader that checksums what it reads. */
    private static final class Source {
        private final FileChannel ch;
        private final Path file;
        private final ByteBuffer buf = ByteBuffer.allocateDirect(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
        private final CRC32C crc = new CRC32C();

        Source(FileChannel ch, Path file) {
            this.ch = ch;
            this.file = file;
            buf.limit(0);
        }

        int[] ints(int n) throws IOException {
            int[] a = new int[n];
            for (int i = 0; i < n; ) {
                fill(4);
                int k = Math.min(n - i, buf.remaining() / 4);
                buf.asIntBuffer().get(a, i, k);
                consume(4 * k);
                i += k;
            }
            return a;
        }

        long[] longs(int n) throws IOException {
            long[] a = new long[n];
            for (int i = 0; i < n; ) {
                fill(8);
                int k = Math.min(n - i, buf.remaining() / 8);
                buf.asLongBuffer().get(a, i, k);
                consume(8 * k);
                i += k;
            }
            return a;
        }

        void verify() throws IOException {
            long computed = crc.getValue();
            fill(8);
            if (buf.getLong() != computed || buf.hasRemaining() || ch.position() != ch.size()) {
                throw new CordonException(ErrorCode.STORE, file + " is damaged (checksum or length mismatch); delete it to rebuild");
            }
        }

        private void consume(int bytes) {
            ByteBuffer read = buf.duplicate();
            read.limit(buf.position() + bytes);
            crc.update(read);
            buf.position(buf.position() + bytes);
        }

        /** Makes at least {@code min} bytes available. */
        private void fill(int min) throws IOException {
            if (buf.remaining() >= min) {
                return;
            }
            buf.compact();
            while (buf.position() < min) {
                if (ch.read(buf) < 0) {
                    throw new CordonException(ErrorCode.STORE, file + " is truncated");
                }
            }
            buf.flip();
        }
    }
}
