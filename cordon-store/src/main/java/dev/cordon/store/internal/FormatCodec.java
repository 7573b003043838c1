package dev.cordon.store.internal;

import dev.cordon.core.ErrorCode;
import dev.cordon.store.StoreException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The META "format" record: the magic {@code cordon-store} then the format version (u32). The
 * format version names the whole on-disk layout: the set of columns, every key layout and
 * every codec version. Any change to them bumps {@link #CURRENT}; a store of another version is
 * refused before anything else is read, never misread.
 */
public final class FormatCodec {
    /** The format this build reads and writes. */
    public static final int CURRENT = 2;

    private static final byte[] MAGIC = "cordon-store".getBytes(StandardCharsets.US_ASCII);

    private FormatCodec() {
    }

    public static byte[] encode(int version) {
        byte[] v = Arrays.copyOf(MAGIC, MAGIC.length + 4);
        Bytes.putInt(v, MAGIC.length, version);
        return v;
    }

    /**
     * Checks the format record of the store at {@code location}, writing it into a new, empty
     * store.
     *
     * @throws StoreException with {@link ErrorCode#STORE} when the store has another format or
     *                        is not a cordon store
     */
    public static void checkOrInit(KeyValueStore kv, String location) {
        Optional<byte[]> found = kv.get(Column.META, Keys.FORMAT);
        if (found.isEmpty()) {
            if (!isEmpty(kv)) {
                throw new StoreException(ErrorCode.STORE, "store at " + location
                        + " has data but no format record; it is not a cordon store or it is damaged");
            }
            try (KeyValueStore.Batch b = kv.newBatch()) {
                b.put(Column.META, Keys.FORMAT, encode(CURRENT));
                kv.commit(b);
            }
            return;
        }
        byte[] v = found.get();
        if (v.length != MAGIC.length + 4 || !Arrays.equals(v, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new StoreException(ErrorCode.STORE, "store at " + location + " is not a cordon store (bad magic)");
        }
        int version = Bytes.getInt(v, MAGIC.length);
        if (version != CURRENT) {
            String advice = version > CURRENT
                    ? "it was written by a newer cordon; use that version or newer"
                    : "re-ingest into a new store, or use the cordon version that wrote it";
            throw new StoreException(ErrorCode.STORE, "store at " + location + " has format " + version
                    + "; this build reads format " + CURRENT + " only: " + advice);
        }
    }

    private static boolean isEmpty(KeyValueStore kv) {
        boolean[] any = new boolean[1];
        for (Column c : Column.values()) {
            kv.scan(c, new byte[0], false, (k, v) -> {
                any[0] = true;
                return false;
            });
            if (any[0]) {
                return false;
            }
        }
        return true;
    }
}
