package dev.cordon.intel.account;

import dev.cordon.core.BlockHash;
import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import dev.cordon.intel.exposure.RiskLabels;
import dev.cordon.store.EthereumStore;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * Saves an {@link AccountExposure} with what it was computed from, and reads it back only when it
 * still fits: format version {@value #VERSION}, big-endian: magic {@code CRDNEXPA}, version, hop
 * cap, the risk labels' fingerprint, the height and hash of the last block applied, then the
 * cursor, balances, received totals and the two vector maps (each entry a key and length-prefixed
 * magnitudes), and a CRC32C of everything before it. {@link #load} returns empty, so the caller
 * rebuilds, when the file is missing, of another version, hop cap or labels, damaged, or when the
 * store no longer holds its last block with the same hash (a reorganisation).
 */
public final class AccountExposureFile {
    /** Current format version. */
    public static final int VERSION = 1;
    private static final byte[] MAGIC = "CRDNEXPA".getBytes(StandardCharsets.US_ASCII);

    private AccountExposureFile() {
    }

    /**
     * Writes the index, computed over {@code graph}, to {@code file}, replacing it.
     *
     * @throws CordonException with {@link ErrorCode#IO} when writing fails
     */
    public static void save(AccountExposure e, RiskLabels risk, AccountGraph graph, Path file) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            CRC32C crc = new CRC32C();
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                    new CheckedOutputStream(Files.newOutputStream(tmp), crc), 1 << 16))) {
                out.write(MAGIC);
                out.writeInt(VERSION);
                out.writeInt(e.hops());
                out.writeLong(risk.fingerprint());
                long h = e.cursor() == 0 ? -1 : graph.height(e.cursor() - 1);
                out.writeLong(h);
                out.write(h < 0 ? new byte[32] : graph.lastHash().filter(x -> graph.lastHeight() == h)
                        .map(BlockHash::bytes).orElse(new byte[32]));
                e.writeTo(out);
                out.flush();
                out.writeLong(crc.getValue());
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException x) {
            throw new CordonException(ErrorCode.IO, "cannot write exposure index " + file + ": " + x.getMessage(), x);
        }
    }

    /** The hop cap a saved index was computed with, or empty when the file is missing or not an index. */
    public static java.util.OptionalInt hopsOf(Path file) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 64))) {
            byte[] magic = new byte[MAGIC.length];
            in.readFully(magic);
            if (!Arrays.equals(magic, MAGIC) || in.readInt() != VERSION) {
                return java.util.OptionalInt.empty();
            }
            int hops = in.readInt();
            return hops >= 1 && hops <= 8 ? java.util.OptionalInt.of(hops) : java.util.OptionalInt.empty();
        } catch (IOException e) {
            return java.util.OptionalInt.empty();
        }
    }

    /**
     * The saved index when it fits the hop cap, the risk labels and the store; empty otherwise
     * (including a damaged or foreign file: the caller rebuilds it).
     */
    public static Optional<AccountExposure> load(Path file, RiskLabels risk, int hops, EthereumStore store) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        CRC32C crc = new CRC32C();
        try (DataInputStream in = new DataInputStream(new CheckedInputStream(
                new BufferedInputStream(Files.newInputStream(file), 1 << 16), crc))) {
            byte[] magic = new byte[MAGIC.length];
            in.readFully(magic);
            if (!Arrays.equals(magic, MAGIC) || in.readInt() != VERSION || in.readInt() != hops
                    || in.readLong() != risk.fingerprint()) {
                return Optional.empty();
            }
            long height = in.readLong();
            byte[] hash = new byte[32];
            in.readFully(hash);
            AccountExposure e = AccountExposure.readFrom(in, risk, hops);
            long computed = crc.getValue();
            if (in.readLong() != computed || in.read() != -1) {
                return Optional.empty();
            }
            boolean fits = height < 0 || store.block(height).map(b -> Arrays.equals(b.hash().bytes(), hash)).orElse(false);
            return fits ? Optional.of(e) : Optional.empty();
        } catch (EOFException x) {
            return Optional.empty();
        } catch (IOException x) {
            return Optional.empty();
        }
    }
}
