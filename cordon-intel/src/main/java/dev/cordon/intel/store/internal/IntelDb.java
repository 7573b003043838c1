package dev.cordon.intel.store.internal;

import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.Options;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * The intel store's RocksDB: opens every {@link IntelColumn}, checks the format record before
 * anything else is read, and offers point reads, prefix scans and atomic batches. Thread-safe
 * as RocksDB is; one process opens it at a time (RocksDB's LOCK file).
 *
 * <p>Format history: 1 = the columns and codecs documented on {@link IntelColumn}.
 */
public final class IntelDb implements AutoCloseable {
    /** The on-disk format this build reads and writes. */
    public static final int FORMAT = 1;
    private static final byte[] MAGIC = "cordon-intel".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FORMAT_KEY = "format".getBytes(StandardCharsets.US_ASCII);

    static {
        RocksDB.loadLibrary();
    }

    private final Path dir;
    private final RocksDB db;
    private final DBOptions options;
    private final ColumnFamilyOptions cfOptions;
    private final List<ColumnFamilyHandle> handles;
    private final Map<IntelColumn, ColumnFamilyHandle> byColumn = new EnumMap<>(IntelColumn.class);

    private IntelDb(Path dir, RocksDB db, DBOptions options, ColumnFamilyOptions cfOptions, List<ColumnFamilyHandle> handles,
                    List<IntelColumn> order) {
        this.dir = dir;
        this.db = db;
        this.options = options;
        this.cfOptions = cfOptions;
        this.handles = handles;
        for (int i = 0; i < order.size(); i++) {
            byColumn.put(order.get(i), handles.get(i));
        }
    }

    /**
     * Opens or creates the store in {@code dir}.
     *
     * @throws CordonException with {@link ErrorCode#STORE} when the folder holds a store of
     *                         another format, something that is not an intel store, or is locked
     */
    public static IntelDb open(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new CordonException(ErrorCode.IO, "cannot create intel store folder " + dir + ": " + e.getMessage(), e);
        }
        checkKnownFamilies(dir);
        List<IntelColumn> order = List.of(IntelColumn.values());
        ColumnFamilyOptions cfo = new ColumnFamilyOptions();
        List<ColumnFamilyDescriptor> descs = new ArrayList<>();
        for (IntelColumn c : order) {
            descs.add(new ColumnFamilyDescriptor(c.familyName(), cfo));
        }
        DBOptions dbo = new DBOptions().setCreateIfMissing(true).setCreateMissingColumnFamilies(true)
                .setMaxBackgroundJobs(2);
        List<ColumnFamilyHandle> handles = new ArrayList<>();
        try {
            RocksDB db = RocksDB.open(dbo, dir.toString(), descs, handles);
            IntelDb idb = new IntelDb(dir, db, dbo, cfo, handles, order);
            idb.checkOrInitFormat();
            return idb;
        } catch (RocksDBException e) {
            dbo.close();
            cfo.close();
            throw new CordonException(ErrorCode.STORE, "cannot open intel store at " + dir + ": " + e.getMessage(), e);
        } catch (CordonException e) {
            handles.forEach(ColumnFamilyHandle::close);
            dbo.close();
            cfo.close();
            throw e;
        }
    }

    private static void checkKnownFamilies(Path dir) {
        if (!Files.exists(dir.resolve("CURRENT"))) {
            return;
        }
        try (Options o = new Options()) {
            for (byte[] name : RocksDB.listColumnFamilies(o, dir.toString())) {
                IntelColumn.ofFamilyName(name);
            }
        } catch (RocksDBException e) {
            throw new CordonException(ErrorCode.STORE, "cannot read intel store at " + dir + ": " + e.getMessage(), e);
        }
    }

    private void checkOrInitFormat() {
        Optional<byte[]> found = get(IntelColumn.META, FORMAT_KEY);
        if (found.isEmpty()) {
            if (!isEmpty()) {
                throw new CordonException(ErrorCode.STORE, "intel store at " + dir
                        + " has data but no format record; it is not a cordon intel store or it is damaged");
            }
            try (Batch b = newBatch()) {
                b.put(IntelColumn.META, FORMAT_KEY, formatRecord(FORMAT));
                commit(b);
            }
            return;
        }
        int version = parseFormat(found.get(), dir.toString());
        if (version != FORMAT) {
            String advice = version > FORMAT ? "it was written by a newer cordon; use that version or newer"
                    : "re-import the intelligence into a new folder, or use the cordon version that wrote it";
            throw new CordonException(ErrorCode.STORE, "intel store at " + dir + " has format " + version
                    + "; this build reads format " + FORMAT + " only: " + advice);
        }
    }

    /** The META format record of {@code version}. */
    static byte[] formatRecord(int version) {
        byte[] v = Arrays.copyOf(MAGIC, MAGIC.length + 4);
        v[MAGIC.length] = (byte) (version >>> 24);
        v[MAGIC.length + 1] = (byte) (version >>> 16);
        v[MAGIC.length + 2] = (byte) (version >>> 8);
        v[MAGIC.length + 3] = (byte) version;
        return v;
    }

    private static int parseFormat(byte[] v, String where) {
        if (v.length != MAGIC.length + 4 || !Arrays.equals(v, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new CordonException(ErrorCode.STORE, "intel store at " + where + " has a damaged format record (bad magic)");
        }
        return new ByteReader(Arrays.copyOfRange(v, MAGIC.length, v.length), "format record").i32();
    }

    private boolean isEmpty() {
        for (IntelColumn c : IntelColumn.values()) {
            boolean[] any = new boolean[1];
            scan(c, new byte[0], (k, v) -> {
                any[0] = true;
                return false;
            });
            if (any[0]) {
                return false;
            }
        }
        return true;
    }

    public Path dir() {
        return dir;
    }

    public Optional<byte[]> get(IntelColumn c, byte[] key) {
        try {
            return Optional.ofNullable(db.get(byColumn.get(c), key));
        } catch (RocksDBException e) {
            throw fail("read", e);
        }
    }

    /** Visits keys starting with {@code prefix} in key order until {@code visitor} returns false. */
    public void scan(IntelColumn c, byte[] prefix, BiPredicate<byte[], byte[]> visitor) {
        try (ReadOptions ro = new ReadOptions(); RocksIterator it = db.newIterator(byColumn.get(c), ro)) {
            for (it.seek(prefix); it.isValid(); it.next()) {
                byte[] k = it.key();
                if (!startsWith(k, prefix) || !visitor.test(k, it.value())) {
                    return;
                }
            }
        }
    }

    public Batch newBatch() {
        return new Batch();
    }

    /** Writes the batch atomically (all of it or nothing), synced to disk. */
    public void commit(Batch b) {
        try (WriteOptions wo = new WriteOptions().setSync(true)) {
            db.write(wo, b.wb);
        } catch (RocksDBException e) {
            throw fail("write", e);
        }
    }

    private CordonException fail(String what, RocksDBException e) {
        return new CordonException(ErrorCode.STORE, "intel store at " + dir + ": " + what + " failed: " + e.getMessage(), e);
    }

    static boolean startsWith(byte[] k, byte[] prefix) {
        return k.length >= prefix.length && Arrays.equals(k, 0, prefix.length, prefix, 0, prefix.length);
    }

    @Override
    public void close() {
        handles.forEach(ColumnFamilyHandle::close);
        db.close();
        options.close();
        cfOptions.close();
    }

    /** Puts and deletes that {@link #commit} applies atomically. */
    public final class Batch implements AutoCloseable {
        private final WriteBatch wb = new WriteBatch();

        public void put(IntelColumn c, byte[] key, byte[] value) {
            try {
                wb.put(byColumn.get(c), key, value);
            } catch (RocksDBException e) {
                throw fail("batch put", e);
            }
        }

        public void delete(IntelColumn c, byte[] key) {
            try {
                wb.delete(byColumn.get(c), key);
            } catch (RocksDBException e) {
                throw fail("batch delete", e);
            }
        }

        public int count() {
            return wb.count();
        }

        @Override
        public void close() {
            wb.close();
        }
    }
}
