package dev.cordon.store.internal;

import dev.cordon.core.Chain;
import dev.cordon.core.ErrorCode;
import dev.cordon.store.StoreException;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * A Bloom filter over {@link Column#ADDRESS_ID_BY_TEXT} keys that lets the Bitcoin writer skip the
 * point read for an address it has never stored: {@link #mightContain} returning {@code false}
 * proves the key absent; {@code true} means "read the store". Single-threaded (the writer's).
 *
 * <h2>Design notes</h2>
 *
 * <p><b>Why a filter.</b> About 60% of outputs pay a brand-new address, and for each the writer's
 * read of {@code ADDRESS_ID_BY_TEXT} misses at about 1.6 µs, some 15% of the writer's time. One
 * probe here costs a hash of the key and one memory access.
 *
 * <p><b>Why blocked.</b> A classic Bloom filter sets k bits anywhere in the array, so a query at
 * a size of hundreds of megabytes costs k cache misses. Here the hash picks one 64-byte block of
 * eight {@code long}s and the key sets one bit in each of the eight words (the "split block"
 * layout of Putze, Sanders and Singler, <i>Cache-, Hash- and Space-Efficient Bloom Filters</i>,
 * 2007, and of Parquet's bloom filter, with 512-bit blocks): one block, one miss. Java cannot
 * align an array to a cache line, so a block may straddle two adjacent lines, which the
 * hardware's adjacent-line prefetcher fetches together.
 * The price of blocking is a higher false-positive rate than an unblocked filter of the same size
 * (blocks fill unevenly), which {@value #BITS_PER_KEY} bits per key pays for: about 0.42% at
 * {@link #capacity()} keys (the tests assert at most 1.5%), about 9% at twice the capacity. There
 * are never false negatives.
 *
 * <p><b>The hash</b> is MurmurHash64A (Austin Appleby, MurmurHash2, public domain) over the whole
 * key read as little-endian 8-byte words: its high half picks the block (by multiply-shift, no
 * modulo), and the MurmurHash3 64-bit finaliser applied to it gives eight 6-bit bit indexes.
 * The hash decides which bits a saved file holds, so changing it, its seed or the block layout
 * requires a new {@link #VERSION}: a file of the old version is then refused, never
 * misread (a misread filter would give false negatives).
 *
 * <p><b>Why a tag.</b> A filter is correct only if it holds every key of the store state it is used
 * with. The caller saves it with a tag naming that state (the encoded checkpoint) and {@link #load}
 * returns it only when the expected tag matches byte for byte; otherwise the caller rebuilds with
 * {@link #build}. Extra keys (a rolled-back block, a failed batch) are harmless: they only add
 * false positives.
 *
 * <p><b>File format</b>, version {@value #VERSION}, little-endian: magic {@code CRDNADDF} (8),
 * version (u32), tag length (u32), tag bytes, capacity in keys (u64), block count (u32), keys added
 * (u64), the bit array (block count × 8 longs), and a CRC32C (u32) of every byte before it. The
 * block count must equal the one {@link #withCapacity} derives from the capacity and the file must
 * be exactly as long as these fields say.
 */
public final class AddressFilter {
    /** Current file format version. */
    public static final int VERSION = 1;
    /** Bits of filter per key of capacity. */
    public static final int BITS_PER_KEY = 12;

    private static final byte[] MAGIC = "CRDNADDF".getBytes(StandardCharsets.US_ASCII);
    /** Magic, version and tag length. */
    private static final int PREAMBLE = 16;
    /** Capacity, block count and count. */
    private static final int PARAMETERS = 20;
    private static final int CRC_BYTES = 4;
    private static final int WORDS_PER_BLOCK = 8;
    private static final int BLOCK_BYTES = WORDS_PER_BLOCK * Long.BYTES;
    private static final int BLOCK_BITS = BLOCK_BYTES * 8;
    /** The most blocks a {@code long[]} holds (a little under 2^31 words). */
    private static final int MAX_BLOCKS = (Integer.MAX_VALUE - 8) / WORDS_PER_BLOCK;
    private static final long MAX_CAPACITY = (long) MAX_BLOCKS * BLOCK_BITS / BITS_PER_KEY;
    /** Bulk I/O buffer: a whole number of blocks. */
    private static final int CHUNK = 1 << 23;

    private static final long M = 0xc6a4a7935bd1e995L;
    private static final int R = 47;
    private static final long SEED = 0x636f72646f6e4146L;
    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final long[] bits;
    private final int blocks;
    private final long capacity;
    private long count;

    private AddressFilter(long capacity, long[] bits, long count) {
        this.capacity = capacity;
        this.bits = bits;
        this.blocks = bits.length / WORDS_PER_BLOCK;
        this.count = count;
    }

    /**
     * An empty filter sized for {@code keys} keys at {@value #BITS_PER_KEY} bits each (1.5 bytes
     * per key: 150 MB for 100 million).
     *
     * @throws StoreException with {@link ErrorCode#USAGE} unless 1 &lt;= keys &lt;= about 5.7 billion
     */
    public static AddressFilter withCapacity(long keys) {
        if (keys < 1 || keys > MAX_CAPACITY) {
            throw new StoreException(ErrorCode.USAGE, "address filter capacity must be 1.." + MAX_CAPACITY + ": " + keys);
        }
        return new AddressFilter(keys, new long[blocksFor(keys) * WORDS_PER_BLOCK], 0);
    }

    /**
     * A filter of {@code capacity} keys holding every {@link Column#ADDRESS_ID_BY_TEXT} key of
     * {@code chain}, scanned in one pass. When the chain has more keys than {@code capacity} the
     * result {@link #isFull() is full} (still without false negatives): build again larger.
     */
    public static AddressFilter build(KeyValueStore kv, Chain chain, long capacity) {
        AddressFilter f = withCapacity(capacity);
        kv.scan(Column.ADDRESS_ID_BY_TEXT, Keys.chain(chain), false, (key, value) -> {
            f.add(key);
            return true;
        });
        return f;
    }

    /**
     * The 64-bit hash the filter uses for a whole key, for callers that look the key up more than
     * once: {@link #mightContainHash} and {@link #addHash} take it instead of the key.
     */
    public static long hashOf(byte[] key) {
        return hash(key, 0, key.length);
    }

    /** As {@link #mightContain(byte[])} for a key's {@link #hashOf}. */
    public boolean mightContainHash(long h) {
        int base = block(h);
        long b = mix(h);
        for (int i = 0; i < WORDS_PER_BLOCK; i++) {
            if ((bits[base + i] & 1L << (b >>> 6 * i)) == 0) {
                return false;
            }
        }
        return true;
    }

    /** As {@link #add(byte[])} for a key's {@link #hashOf}. */
    public void addHash(long h) {
        int base = block(h);
        long b = mix(h);
        for (int i = 0; i < WORDS_PER_BLOCK; i++) {
            bits[base + i] |= 1L << (b >>> 6 * i);
        }
        count++;
    }

    /** Whether the key may have been added; {@code false} is certain. */
    public boolean mightContain(byte[] key) {
        return mightContain(key, 0, key.length);
    }

    /** As {@link #mightContain(byte[])} for the {@code len} bytes of {@code key} at {@code off}. */
    public boolean mightContain(byte[] key, int off, int len) {
        Objects.checkFromIndexSize(off, len, key.length);
        return mightContainHash(hash(key, off, len));
    }

    /** Adds the key; adding a key twice counts it twice (the filter cannot tell). */
    public void add(byte[] key) {
        add(key, 0, key.length);
    }

    /** As {@link #add(byte[])} for the {@code len} bytes of {@code key} at {@code off}. */
    public void add(byte[] key, int off, int len) {
        Objects.checkFromIndexSize(off, len, key.length);
        addHash(hash(key, off, len));
    }

    /** Calls of {@link #add} so far (including those made before a save). */
    public long count() {
        return count;
    }

    /** The key count the filter was sized for. */
    public long capacity() {
        return capacity;
    }

    /**
     * Whether more keys than {@link #capacity()} were added: the false-positive rate is then above
     * its design value, and the caller should build a filter of twice the capacity.
     */
    public boolean isFull() {
        return count > capacity;
    }

    /**
     * Writes the filter to {@code file}, replacing it atomically: a temporary file in the same
     * directory, then a rename. Not synced to disk: after a crash the file may be missing or
     * damaged, which {@link #load} then reports as empty.
     *
     * @param tag names the store state the filter holds every key of (the encoded checkpoint)
     * @throws StoreException with {@link ErrorCode#STORE} when writing fails
     */
    public void save(Path file, byte[] tag) {
        Objects.requireNonNull(tag, "tag");
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                CRC32C crc = new CRC32C();
                ByteBuffer head = ByteBuffer.allocate(PREAMBLE + tag.length + PARAMETERS).order(ByteOrder.LITTLE_ENDIAN);
                head.put(MAGIC).putInt(VERSION).putInt(tag.length).put(tag)
                        .putLong(capacity).putInt(blocks).putLong(count).flip();
                write(ch, head, crc);
                ByteBuffer buf = ByteBuffer.allocateDirect(chunkBytes(bits)).order(ByteOrder.LITTLE_ENDIAN);
                for (int w = 0; w < bits.length; ) {
                    int n = Math.min(bits.length - w, buf.capacity() / Long.BYTES);
                    buf.clear();
                    buf.asLongBuffer().put(bits, w, n);
                    buf.limit(n * Long.BYTES);
                    write(ch, buf, crc);
                    w += n;
                }
                ByteBuffer tail = ByteBuffer.allocate(CRC_BYTES).order(ByteOrder.LITTLE_ENDIAN);
                tail.putInt((int) crc.getValue()).flip();
                write(ch, tail, null);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new StoreException(ErrorCode.STORE, "cannot write address filter " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The filter saved in {@code file} with exactly {@code expectedTag}; empty when the file is
     * missing, unreadable (any {@link IOException}), of another magic or version, truncated or
     * extended, fails its CRC, or was saved with another tag. It never throws for the content of
     * the file: any empty answer means "rebuild with {@link #build}", which is always correct.
     * Reads the header first, so a foreign tag costs no bulk read.
     */
    public static Optional<AddressFilter> load(Path file, byte[] expectedTag) {
        Objects.requireNonNull(expectedTag, "expectedTag");
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return read(ch, ch.size(), expectedTag);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<AddressFilter> read(FileChannel ch, long size, byte[] expectedTag) throws IOException {
        CRC32C crc = new CRC32C();
        ByteBuffer pre = ByteBuffer.allocate(PREAMBLE).order(ByteOrder.LITTLE_ENDIAN);
        if (size < PREAMBLE + PARAMETERS + CRC_BYTES || !read(ch, pre, crc)) {
            return Optional.empty();
        }
        byte[] magic = new byte[MAGIC.length];
        pre.get(magic);
        int version = pre.getInt();
        int tagLength = pre.getInt();
        if (!Arrays.equals(magic, MAGIC) || version != VERSION || tagLength != expectedTag.length
                || tagLength > size - PREAMBLE - PARAMETERS - CRC_BYTES) {
            return Optional.empty();
        }
        ByteBuffer rest = ByteBuffer.allocate(tagLength + PARAMETERS).order(ByteOrder.LITTLE_ENDIAN);
        if (!read(ch, rest, crc)) {
            return Optional.empty();
        }
        byte[] tag = new byte[tagLength];
        rest.get(tag);
        long capacity = rest.getLong();
        int blocks = rest.getInt();
        long count = rest.getLong();
        if (!Arrays.equals(tag, expectedTag) || capacity < 1 || capacity > MAX_CAPACITY
                || blocks != blocksFor(capacity) || count < 0
                || size != (long) PREAMBLE + tagLength + PARAMETERS + (long) blocks * BLOCK_BYTES + CRC_BYTES) {
            return Optional.empty();
        }
        long[] bits = new long[blocks * WORDS_PER_BLOCK];
        ByteBuffer tail = ByteBuffer.allocate(CRC_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        if (!readBits(ch, bits, crc) || !read(ch, tail, null) || tail.getInt() != (int) crc.getValue()) {
            return Optional.empty();
        }
        return Optional.of(new AddressFilter(capacity, bits, count));
    }

    private static boolean readBits(FileChannel ch, long[] bits, CRC32C crc) throws IOException {
        ByteBuffer buf = ByteBuffer.allocateDirect(chunkBytes(bits)).order(ByteOrder.LITTLE_ENDIAN);
        for (int w = 0; w < bits.length; ) {
            int n = Math.min(bits.length - w, buf.capacity() / Long.BYTES);
            buf.clear().limit(n * Long.BYTES);
            if (!read(ch, buf, crc)) {
                return false;
            }
            buf.asLongBuffer().get(bits, w, n);
            w += n;
        }
        return true;
    }

    private static int blocksFor(long keys) {
        return (int) Math.max(1, (keys * BITS_PER_KEY + BLOCK_BITS - 1) / BLOCK_BITS);
    }

    private static int chunkBytes(long[] bits) {
        return (int) Math.min(CHUNK, (long) bits.length * Long.BYTES);
    }

    /** Index of the first word of the block picked by the hash's high half. */
    private int block(long h) {
        return (int) ((h >>> 32) * blocks >>> 32) * WORDS_PER_BLOCK;
    }

    /** MurmurHash3's 64-bit finaliser: eight independent 6-bit bit indexes for the block. */
    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ h >>> 33;
    }

    /** MurmurHash64A of the bytes, words read little-endian. */
    private static long hash(byte[] key, int off, int len) {
        long h = SEED ^ len * M;
        int end = off + (len & ~7);
        int i = off;
        for (; i < end; i += Long.BYTES) {
            long k = (long) LONG_LE.get(key, i) * M;
            k ^= k >>> R;
            h ^= k * M;
            h *= M;
        }
        int rest = len & 7;
        if (rest != 0) {
            long t = 0;
            for (int j = rest - 1; j >= 0; j--) {
                t = t << 8 | key[i + j] & 0xff;
            }
            h ^= t;
            h *= M;
        }
        h ^= h >>> R;
        h *= M;
        return h ^ h >>> R;
    }

    private static void write(FileChannel ch, ByteBuffer buf, CRC32C crc) throws IOException {
        if (crc != null) {
            crc.update(buf.duplicate());
        }
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
    }

    /** Fills the buffer and flips it for reading; false at end of file. */
    private static boolean read(FileChannel ch, ByteBuffer buf, CRC32C crc) throws IOException {
        while (buf.hasRemaining()) {
            if (ch.read(buf) < 0) {
                return false;
            }
        }
        buf.flip();
        if (crc != null) {
            crc.update(buf.duplicate());
        }
        return true;
    }

    private static void deleteQuietly(Path tmp) {
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException suppressed) {
            // the write already failed; that error is the one to report
        }
    }
}
