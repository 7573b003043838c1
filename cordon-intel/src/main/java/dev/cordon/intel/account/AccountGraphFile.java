package dev.cordon.intel.account;

import dev.cordon.core.BlockHash;
import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * Saves an {@link AccountGraph} to a file and reads it back, so that a trace need not rebuild
 * the graph from the chain store.
 *
 * <p>Format version {@value #VERSION}, big-endian: magic {@code CRDNACCT}, version, flow count,
 * account count, block-time count, huge-amount count (int each), first sequence number, first
 * height, last height (long each), the last block's hash (32 bytes, zeros when empty), then
 * {@code from to asset height txIndex} (int per flow), {@code kind} (a byte per flow),
 * {@code amountLow amountHigh} (long per flow), {@code nextOfSender nextOfReceiver} (int per
 * flow), {@code firstOf lastOf} (int per account), {@code blockTime} (long per block), each huge
 * amount as a length and its magnitude bytes, and a CRC32C of everything before it as a long. A
 * file of another version, a bad checksum or a short file is refused with a message ("delete it
 * to rebuild"), never misread. Saving writes a temporary file and moves it into place.
 */
public final class AccountGraphFile {
    /** Current format version. */
    public static final int VERSION = 1;
    private static final byte[] MAGIC = "CRDNACCT".getBytes(StandardCharsets.US_ASCII);
    private static final int BUFFER = 1 << 16;

    private AccountGraphFile() {
    }

    /**
     * Writes the graph to {@code file}, replacing it.
     *
     * @throws CordonException with {@link ErrorCode#IO} when writing fails
     */
    public static void save(AccountGraph g, Path file) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            CRC32C crc = new CRC32C();
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                    new CheckedOutputStream(Files.newOutputStream(tmp), crc), BUFFER))) {
                g.writeTo(out, MAGIC, VERSION);
                out.flush();
                out.writeLong(crc.getValue());
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new CordonException(ErrorCode.IO, "cannot write account graph " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a graph written by {@link #save}.
     *
     * @throws CordonException with {@link ErrorCode#STORE} when the file is not an account graph,
     *                         is of another version or is damaged; {@link ErrorCode#IO} when it
     *                         cannot be read
     */
    public static AccountGraph load(Path file) {
        CRC32C crc = new CRC32C();
        try (DataInputStream in = new DataInputStream(new CheckedInputStream(
                new BufferedInputStream(Files.newInputStream(file), BUFFER), crc))) {
            byte[] magic = new byte[MAGIC.length];
            in.readFully(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new CordonException(ErrorCode.STORE, file + " is not a cordon account graph file");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new CordonException(ErrorCode.STORE, file + " is an account graph of format version " + version
                        + "; this build reads version " + VERSION + " (delete the file to rebuild it)");
            }
            AccountGraph g = AccountGraph.readFrom(in, file, Files.size(file));
            long computed = crc.getValue();
            if (in.readLong() != computed || in.read() != -1) {
                throw damaged(file);
            }
            return g;
        } catch (EOFException e) {
            throw new CordonException(ErrorCode.STORE, file + " is truncated; delete it to rebuild", e);
        } catch (IOException e) {
            throw new CordonException(ErrorCode.IO, "cannot read account graph " + file + ": " + e.getMessage(), e);
        }
    }

    static CordonException damaged(Path file) {
        return new CordonException(ErrorCode.STORE, file + " is damaged (checksum or length mismatch); delete it to rebuild");
    }

    static BlockHash hashOrNull(byte[] b) {
        for (byte x : b) {
            if (x != 0) {
                return new BlockHash(b);
            }
        }
        return null;
    }

    static BigInteger huge(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 1 || n > 64) {
            throw new IOException("bad amount length " + n);
        }
        byte[] b = new byte[n];
        in.readFully(b);
        return new BigInteger(1, b);
    }
}
