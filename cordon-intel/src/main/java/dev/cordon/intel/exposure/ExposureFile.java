package dev.cordon.intel.exposure;

import dev.cordon.core.Chain;
import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * Saves an {@link ExposureIndex} and reads it back, so that exposure is maintained across runs
 * instead of recomputed.
 *
 * <p>Format version {@value #VERSION}, big-endian: magic {@code CRDNEXPO}, version (int), chain
 * id (int), hops (int), risk category count (int), labels fingerprint (long), transaction cursor
 * (int), height cursor (long), output count (int), address count (int); then the exposed
 * unspent outputs (count, then per output its global index and its {@code count x hops} longs),
 * {@code received[addresses]} (long), {@code addrSlot[addresses]} (int), the exposed-address
 * count and its vectors (longs), and a CRC32C of everything before it (long). Another version,
 * chain, hop cap or category count, or a bad checksum, is refused with a message, never misread.
 * Saving writes a temporary file and moves it into place.
 */
public final class ExposureFile {
    /** Current format version. */
    public static final int VERSION = 1;

    private static final byte[] MAGIC = "CRDNEXPO".getBytes(StandardCharsets.US_ASCII);

    private ExposureFile() {
    }

    /**
     * Writes the index to {@code file}, replacing it.
     *
     * @throws CordonException with {@link ErrorCode#IO} when writing fails
     */
    public static void save(ExposureIndex x, Path file) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            CRC32C crc = new CRC32C();
            try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16);
                 DataOutputStream out = new DataOutputStream(new CheckedOutputStream(raw, crc))) {
                writeBody(x, out);
                out.flush();
                new DataOutputStream(raw).writeLong(crc.getValue());
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new CordonException(ErrorCode.IO, "cannot write exposure index " + file + ": " + e.getMessage(), e);
        }
    }

    private static void writeBody(ExposureIndex x, DataOutputStream out) throws IOException {
        int width = RiskCategory.COUNT * x.hops();
        out.write(MAGIC);
        out.writeInt(VERSION);
        out.writeInt(x.chain().id());
        out.writeInt(x.hops());
        out.writeInt(RiskCategory.COUNT);
        out.writeLong(x.labels().fingerprint());
        out.writeInt(x.txCursor);
        out.writeLong(x.heightCursor);
        out.writeInt(x.outputs);
        out.writeInt(x.addresses);
        out.writeInt(x.exposedUnspent());
        for (int o = 0; o < x.outputs; o++) {
            int s = x.outSlot[o];
            if (s != 0) {
                out.writeInt(o);
                for (int k = 0; k < width; k++) {
                    out.writeLong(x.outPool[(s - 1) * width + k]);
                }
            }
        }
        for (int a = 0; a < x.addresses; a++) {
            out.writeLong(x.received[a]);
        }
        for (int a = 0; a < x.addresses; a++) {
            out.writeInt(x.addrSlot[a]);
        }
        out.writeInt(x.addrSlots);
        for (int i = 0; i < x.addrSlots * width; i++) {
            out.writeLong(x.addrPool[i]);
        }
    }

    /**
     * Reads an index written by {@link #save}, for use with {@code labels}. The caller compares
     * {@link #fingerprint} with its labels' and rebuilds when they differ.
     *
     * @throws CordonException with {@link ErrorCode#STORE} when the file is not an exposure index
     *                         of this version, chain and hop cap, or is damaged;
     *                         {@link ErrorCode#IO} when it cannot be read
     */
    public static ExposureIndex load(Path file, RiskLabels labels, int hops) {
        CRC32C crc = new CRC32C();
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            DataInputStream in = new DataInputStream(new CheckedInputStream(raw, crc));
            ExposureIndex x = new ExposureIndex(labels, hops);
            readBody(x, in, file);
            long expected = crc.getValue();
            if (new DataInputStream(raw).readLong() != expected) {
                throw refused(file, "checksum mismatch (damaged file)");
            }
            return x;
        } catch (EOFException e) {
            throw refused(file, "truncated");
        } catch (IOException e) {
            throw new CordonException(ErrorCode.IO, "cannot read exposure index " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * What a file's header says, read without loading the index.
     *
     * @param fingerprint the fingerprint of the risk labels the index was built with
     */
    public record Header(int version, int hops, long fingerprint, int txCursor, long heightCursor) {
    }

    /**
     * Reads the header of an exposure file.
     *
     * @throws CordonException with {@link ErrorCode#STORE} when it is not an exposure file,
     *                         {@link ErrorCode#IO} when it cannot be read
     */
    public static Header header(Path file) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (!Arrays.equals(in.readNBytes(MAGIC.length), MAGIC)) {
                throw refused(file, "not an exposure index");
            }
            int version = in.readInt();
            in.readInt();
            int hops = in.readInt();
            in.readInt();
            long fingerprint = in.readLong();
            return new Header(version, hops, fingerprint, in.readInt(), in.readLong());
        } catch (EOFException e) {
            throw refused(file, "truncated");
        } catch (IOException e) {
            throw new CordonException(ErrorCode.IO, "cannot read exposure index " + file + ": " + e.getMessage(), e);
        }
    }

    private static void readBody(ExposureIndex x, DataInputStream in, Path file) throws IOException {
        byte[] magic = in.readNBytes(MAGIC.length);
        if (!Arrays.equals(magic, MAGIC)) {
            throw refused(file, "not an exposure index");
        }
        int version = in.readInt();
        if (version != VERSION) {
            throw refused(file, "format version " + version + ", this build reads " + VERSION);
        }
        Chain chain = Chain.ofId(in.readInt());
        int hops = in.readInt();
        int categories = in.readInt();
        if (chain != x.chain() || hops != x.hops() || categories != RiskCategory.COUNT) {
            throw refused(file, "built for " + chain + " with " + hops + " hops and " + categories
                    + " categories, wanted " + x.chain() + ", " + x.hops() + ", " + RiskCategory.COUNT);
        }
        in.readLong();
        x.txCursor = in.readInt();
        x.heightCursor = in.readLong();
        readOutputs(x, in);
        readAddresses(x, in);
    }

    private static void readOutputs(ExposureIndex x, DataInputStream in) throws IOException {
        int width = RiskCategory.COUNT * x.hops();
        x.outputs = in.readInt();
        x.addresses = in.readInt();
        int exposed = in.readInt();
        x.outSlot = new int[Math.max(1024, x.outputs)];
        x.outPool = new long[Math.max(64, exposed) * width];
        for (int i = 1; i <= exposed; i++) {
            x.outSlot[in.readInt()] = i;
            for (int k = 0; k < width; k++) {
                x.outPool[(i - 1) * width + k] = in.readLong();
            }
        }
        x.outSlots = exposed;
    }

    private static void readAddresses(ExposureIndex x, DataInputStream in) throws IOException {
        int width = RiskCategory.COUNT * x.hops();
        int n = Math.max(1024, x.addresses);
        x.received = new long[n];
        x.addrSlot = new int[n];
        for (int a = 0; a < x.addresses; a++) {
            x.received[a] = in.readLong();
        }
        for (int a = 0; a < x.addresses; a++) {
            x.addrSlot[a] = in.readInt();
        }
        x.addrSlots = in.readInt();
        x.addrPool = new long[Math.max(64, x.addrSlots) * width];
        for (int i = 0; i < x.addrSlots * width; i++) {
            x.addrPool[i] = in.readLong();
        }
    }

    private static CordonException refused(Path file, String why) {
        return new CordonException(ErrorCode.STORE, "exposure index " + file + ": " + why + "; delete the file to rebuild it");
    }
}
