package dev.cordon.store.internal;

import dev.cordon.core.ErrorCode;
import dev.cordon.store.StoreException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.CompressionType;
import org.rocksdb.DBOptions;
import org.rocksdb.FlushOptions;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.VectorMemTableConfig;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * {@link KeyValueStore} on RocksDB: one column family per {@link Column}, named by its id.
 *
 * <p>{@link #commit} writes through the write-ahead log without fsync: a killed process loses at
 * most the batches not yet written to the log, never part of one (a power loss may lose more of
 * the newest batches, still never part of one). {@link #commitDeferred}, used by bulk ingest,
 * skips the log: its batches reach disk when the memtables are flushed, which happens when they
 * fill, on {@link #sync}, on close, and at the first deferred write {@value #DEFERRED_SYNC_SECONDS}
 * seconds or more after the oldest unflushed one. Flushes are atomic across column families, so a crash falls back to the
 * state after some whole batch, and a writer that checkpoints in its batches (the chain store
 * does) redoes the rest. Every column family but the {@link #APPEND_ONLY} ones has a Bloom filter on whole
 * keys, in the SST files and in the memtables, and shares one LRU block cache, so that point
 * reads of absent keys (new addresses, unspent outputs' SPENDS entries) rarely touch disk.
 *
 * <p>Tuned for bulk ingest, measured on generated 2021-shaped blocks: 8 MiB memtables for the
 * Bitcoin columns (with the log off, data reaches disk only by flushes, and small memtables flush
 * in the background while ingest runs instead of all at its end; their skip lists and Bloom
 * filters also stay in the CPU caches: on 682k transactions the commit thread took 2.5-2.6 s
 * against 2.8-3.1 s with 32 MiB and the close 1.2-1.8 s against 1.5-2.5 s, and 128 MiB was slower
 * still) and 32 MiB for the others (with 8 MiB the Ethereum writer applied blocks 10-20% slower),
 * level-0 triggers raised so that compaction falling behind slows
 * writes late rather than early, no compression on levels 0 and 1 (they are rewritten soon;
 * LZ4 below). Batches are sorted per column before they reach RocksDB (see {@link SortedWriteBatch}).
 * Skipping the log for bulk groups saved about 8% of the CPU in that measurement; the price
 * is that a kill loses up to a memtable's worth (or {@value #DEFERRED_SYNC_SECONDS} seconds) of
 * ingest instead of the last group, which the next run ingests again.
 */
public final class RocksKeyValueStore implements KeyValueStore {
    static {
        RocksDB.loadLibrary();
    }

    private static final int COLUMN_SLOTS = 256;
    /**
     * Columns written in bulk and never point-read, only scanned by queries: their memtable is a
     * vector (an insert is an append; it is sorted once, when flushed) instead of a skip list,
     * and they have no Bloom filters. The price is paid by a scan of a memtable still being
     * filled, which sorts a copy: rare, because bulk ingest flushes its memtables when it ends.
     */
    private static final List<Column> APPEND_ONLY = List.of(Column.ADDRESS_HISTORY);
    /** Memtable size of the Bitcoin columns; the others have 32 MiB (see the class comment). */
    private static final long UTXO_WRITE_BUFFER_BYTES = 8L << 20;
    /** Longest time deferred batches stay in memory only while more arrive. */
    static final int DEFERRED_SYNC_SECONDS = 60;
    /**
     * System property overriding {@link #DEFERRED_SYNC_SECONDS}, in milliseconds: the kill test
     * sets it low so that a killed ingest leaves many flushed states to fall back to.
     */
    public static final String DEFERRED_SYNC_PROPERTY = "cordon.store.deferredSyncMillis";

    private final Path dir;
    private final RocksDB db;
    private final DBOptions dbOptions;
    private final ColumnFamilyOptions cfOptions;
    /** For {@link #APPEND_ONLY} columns. */
    private final ColumnFamilyOptions appendOptions;
    /** For the Bitcoin columns but the {@link #APPEND_ONLY} ones: smaller memtables. */
    private final ColumnFamilyOptions utxoOptions;
    private final LRUCache blockCache;
    private final BloomFilter bloom;
    private final WriteOptions writeOptions;
    private final WriteOptions deferredWriteOptions;
    /** When the first deferred batch since the last flush was written, in nanos; 0 if none since. */
    private long deferredSince;
    private final long deferredSyncNanos = Long.getLong(DEFERRED_SYNC_PROPERTY, DEFERRED_SYNC_SECONDS * 1000L) * 1_000_000L;
    private final List<ColumnFamilyHandle> allHandles;
    private final Map<Column, ColumnFamilyHandle> handles = new EnumMap<>(Column.class);
    private volatile boolean closed;
    /**
     * Closed batches kept for reuse: a bulk group's arenas grow to tens of megabytes, and
     * allocating them anew for every group cost a tenth of the writer's time in copying and
     * kept the collector busy. Two are enough: one group is built while one is written.
     */
    private final ArrayBlockingQueue<RocksBatch> spareBatches =
            new ArrayBlockingQueue<>(2);

    private RocksKeyValueStore(Path dir, long blockCacheBytes) {
        this.dir = dir;
        this.blockCache = new LRUCache(blockCacheBytes);
        this.bloom = new BloomFilter(10, false);
        this.cfOptions = hintedOptions()
                .setWriteBufferSize(32L << 20)
                .setMaxWriteBufferNumber(4)
                .setLevel0FileNumCompactionTrigger(16)
                .setLevel0SlowdownWritesTrigger(48)
                .setLevel0StopWritesTrigger(64)
                .setTargetFileSizeBase(64L << 20)
                .setMaxBytesForLevelBase(1024L << 20)
                .setMemtablePrefixBloomSizeRatio(0.05)
                .setMemtableWholeKeyFiltering(true)
                .setCompressionPerLevel(List.of(CompressionType.NO_COMPRESSION, CompressionType.NO_COMPRESSION,
                        CompressionType.LZ4_COMPRESSION, CompressionType.LZ4_COMPRESSION, CompressionType.LZ4_COMPRESSION,
                        CompressionType.LZ4_COMPRESSION, CompressionType.LZ4_COMPRESSION))
                .setTableFormatConfig(new BlockBasedTableConfig()
                        .setBlockCache(blockCache)
                        .setFilterPolicy(bloom)
                        .setBlockSize(16 << 10));
        this.dbOptions = new DBOptions()
                .setCreateIfMissing(true)
                .setCreateMissingColumnFamilies(true)
                .setMaxBackgroundJobs(2)
                .setAllowConcurrentMemtableWrite(false)
                .setAtomicFlush(true)
                .setKeepLogFileNum(4);
        this.writeOptions = new WriteOptions().setSync(false).setDisableWAL(false);
        this.deferredWriteOptions = new WriteOptions().setSync(false).setDisableWAL(true);
        this.utxoOptions = new ColumnFamilyOptions(cfOptions).setWriteBufferSize(UTXO_WRITE_BUFFER_BYTES);
        this.appendOptions = new ColumnFamilyOptions(utxoOptions)
                .setMemTableConfig(new VectorMemTableConfig())
                .setMemtablePrefixBloomSizeRatio(0)
                .setMemtableWholeKeyFiltering(false)
                .setTableFormatConfig(new BlockBasedTableConfig()
                        .setBlockCache(blockCache)
                        .setBlockSize(16 << 10));
        List<ColumnFamilyDescriptor> descriptors = descriptors(dir, cfOptions, utxoOptions, appendOptions);
        this.allHandles = new ArrayList<>();
        try {
            this.db = RocksDB.open(dbOptions, dir.toString(), descriptors, allHandles);
        } catch (RocksDBException e) {
            freeOptions();
            throw openFailure(dir, e);
        }
        for (int i = 0; i < descriptors.size(); i++) {
            Column c = column(new String(descriptors.get(i).getName(), StandardCharsets.UTF_8));
            if (c != null) {
                handles.put(c, allHandles.get(i));
            }
        }
    }

    /**
     * Opens or creates the RocksDB database in {@code dir}.
     *
     * @param blockCacheBytes size of the shared block cache
     * @throws StoreException with {@link ErrorCode#STORE} when the directory is held by another
     *                        process or cannot be opened
     */
    public static RocksKeyValueStore open(Path dir, long blockCacheBytes) {
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new StoreException(ErrorCode.STORE, "cannot create store directory " + dir + ": " + e.getMessage(), e);
        }
        return new RocksKeyValueStore(dir, blockCacheBytes);
    }

    /**
     * Column family options whose skip-list memtables insert with a hint: the position of the
     * last key inserted with the same first byte (the chain; see {@link Keys}), where the search
     * for the next key starts. Batches arrive sorted per column, so the next key is usually just
     * after it, and most inserts skip the descent from the top of the list. RocksJava has no
     * setter for this option, so it is set by name.
     */
    private static ColumnFamilyOptions hintedOptions() {
        Properties p = new Properties();
        p.setProperty("memtable_insert_with_hint_prefix_extractor", "rocksdb.FixedPrefix.1");
        ColumnFamilyOptions o = ColumnFamilyOptions.getColumnFamilyOptionsFromProps(p);
        if (o == null) {
            throw new IllegalStateException("RocksDB rejected memtable_insert_with_hint_prefix_extractor");
        }
        return o;
    }

    /** Column families to open: every known column plus any present on disk (a newer build's). */
    private static List<ColumnFamilyDescriptor> descriptors(Path dir, ColumnFamilyOptions cfOptions,
                                                            ColumnFamilyOptions utxoOptions,
                                                            ColumnFamilyOptions appendOptions) {
        List<ColumnFamilyDescriptor> out = new ArrayList<>();
        out.add(new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, cfOptions));
        List<String> names = new ArrayList<>();
        for (Column c : Column.values()) {
            names.add(c.familyName());
        }
        if (Files.exists(dir.resolve("CURRENT"))) {
            try (Options o = new Options()) {
                for (byte[] n : RocksDB.listColumnFamilies(o, dir.toString())) {
                    String name = new String(n, StandardCharsets.UTF_8);
                    if (!names.contains(name) && !name.equals("default")) {
                        names.add(name);
                    }
                }
            } catch (RocksDBException e) {
                throw openFailure(dir, e);
            }
        }
        for (String n : names) {
            Column c = column(n);
            out.add(new ColumnFamilyDescriptor(n.getBytes(StandardCharsets.UTF_8), APPEND_ONLY.contains(c) ? appendOptions
                    : isUtxo(c) ? utxoOptions : cfOptions));
        }
        return out;
    }

    /** The column with this family name, or null for a family this build does not know. */
    private static Column column(String familyName) {
        for (Column c : Column.values()) {
            if (c.familyName().equals(familyName)) {
                return c;
            }
        }
        return null;
    }

    /** Whether the column holds Bitcoin-style (UTXO) data; null, a column of a newer build, is not. */
    private static boolean isUtxo(Column c) {
        return c != null && c != Column.META && c.id() < Column.FIRST_ACCOUNT_ID;
    }

    private static StoreException openFailure(Path dir, RocksDBException e) {
        String msg = String.valueOf(e.getMessage());
        if (msg.contains("lock") || msg.contains("LOCK")) {
            return new StoreException(ErrorCode.STORE, "store " + dir + " is in use by another process", e);
        }
        return new StoreException(ErrorCode.STORE, "cannot open store " + dir + ": " + msg, e);
    }

    @Override
    public Optional<byte[]> get(Column column, byte[] key) {
        try {
            return Optional.ofNullable(db.get(handle(column), key));
        } catch (RocksDBException e) {
            throw failure("read", e);
        }
    }

    @Override
    public void scan(Column column, byte[] prefix, boolean reverse, EntryVisitor visitor) {
        byte[] end = Bytes.prefixEnd(prefix);
        try (ReadOptions ro = new ReadOptions(); RocksIterator it = db.newIterator(handle(column), ro)) {
            if (!reverse) {
                it.seek(prefix);
            } else if (end == null) {
                it.seekToLast();
            } else {
                it.seekForPrev(end);
                if (it.isValid() && Arrays.equals(it.key(), end)) {
                    it.prev();
                }
            }
            while (it.isValid()) {
                byte[] key = it.key();
                if (!Bytes.startsWith(key, prefix) || !visitor.visit(key, it.value())) {
                    return;
                }
                if (reverse) {
                    it.prev();
                } else {
                    it.next();
                }
            }
            it.status();
        } catch (RocksDBException e) {
            throw failure("scan", e);
        }
    }

    @Override
    public void scanFrom(Column column, byte[] prefix, byte[] from, EntryVisitor visitor) {
        byte[] start = Arrays.compareUnsigned(from, prefix) > 0 ? from : prefix;
        try (ReadOptions ro = new ReadOptions(); RocksIterator it = db.newIterator(handle(column), ro)) {
            for (it.seek(start); it.isValid(); it.next()) {
                byte[] key = it.key();
                if (!Bytes.startsWith(key, prefix) || !visitor.visit(key, it.value())) {
                    return;
                }
            }
            it.status();
        } catch (RocksDBException e) {
            throw failure("scan", e);
        }
    }

    @Override
    public Batch newBatch() {
        RocksBatch b = spareBatches.poll();
        if (b == null) {
            return new RocksBatch();
        }
        b.released = false;
        return b;
    }

    @Override
    public void commit(Batch batch) {
        write(batch, writeOptions);
    }

    @Override
    public void commitDeferred(Batch batch) {
        write(batch, deferredWriteOptions);
        long now = System.nanoTime();
        synchronized (this) {
            if (deferredSince == 0) {
                deferredSince = now;
            }
            if (now - deferredSince >= deferredSyncNanos) {
                sync();
            }
        }
    }

    private void write(Batch batch, WriteOptions options) {
        try (WriteBatch wb = new WriteBatch(((RocksBatch) batch).serialize())) {
            db.write(options, wb);
        } catch (RocksDBException e) {
            throw failure("write", e);
        }
    }

    @Override
    public synchronized void sync() {
        if (flushDeferred(true)) {
            deferredSince = 0;
        }
    }

    @Override
    public synchronized void startSync() {
        flushDeferred(false);
    }

    /** Flushes every column family if deferred batches may be in memory only; returns whether it did. */
    private boolean flushDeferred(boolean wait) {
        if (deferredSince == 0 || closed) {
            return false;
        }
        try (FlushOptions fo = new FlushOptions().setWaitForFlush(wait)) {
            db.flush(fo, allHandles);
        } catch (RocksDBException e) {
            throw failure("flush", e);
        }
        return true;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        try {
            sync();
        } finally {
            closeNow();
        }
    }

    private void closeNow() {
        closed = true;
        for (ColumnFamilyHandle h : allHandles) {
            h.close();
        }
        db.close();
        writeOptions.close();
        deferredWriteOptions.close();
        freeOptions();
    }

    private void freeOptions() {
        dbOptions.close();
        cfOptions.close();
        utxoOptions.close();
        appendOptions.close();
        bloom.close();
        blockCache.close();
    }

    private ColumnFamilyHandle handle(Column column) {
        if (closed) {
            throw new StoreException(ErrorCode.STORE, "store " + dir + " is closed");
        }
        return handles.get(column);
    }

    private StoreException failure(String what, RocksDBException e) {
        return new StoreException(ErrorCode.STORE, "store " + dir + ": " + what + " failed: " + e.getMessage(), e);
    }

    /** Collects writes for one commit; see {@link SortedWriteBatch}. */
    private final class RocksBatch implements Batch {
        private final SortedWriteBatch writes = new SortedWriteBatch(COLUMN_SLOTS);
        /** Set by {@link #close()}, so that closing twice does not hand the batch out twice. */
        private boolean released;

        @Override
        public void put(Column column, byte[] key, byte[] value) {
            handle(column);
            writes.put(column, key, value);
        }

        @Override
        public void put(Column column, byte[] entry, int keyLength, int valueLength) {
            handle(column);
            writes.put(column, entry, keyLength, valueLength);
        }

        @Override
        public void delete(Column column, byte[] key) {
            handle(column);
            writes.delete(column, key);
        }

        @Override
        public void setSavePoint() {
            writes.setSavePoint();
        }

        @Override
        public void rollbackToSavePoint() {
            writes.rollbackToSavePoint();
        }

        byte[] serialize() {
            return writes.serialize(c -> handle(c).getID());
        }

        @Override
        public void close() {
            if (!released) {
                released = true;
                writes.clear();
                spareBatches.offer(this);
            }
        }
    }
}
