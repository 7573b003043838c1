package dev.cordon.store.internal;

import java.util.Optional;

/**
 * Ordered byte-key storage split into {@link Column}s: the one seam between the chain store
 * and its backend. Keys compare as unsigned bytes. Single writer; reads may run concurrently
 * with a commit and then see each key either before or after it.
 */
public interface KeyValueStore extends AutoCloseable {

    /** The value stored under {@code key}, or empty. */
    Optional<byte[]> get(Column column, byte[] key);

    /**
     * Visits, in key order (or reverse order), every entry whose key starts with
     * {@code prefix}, until the visitor returns {@code false}.
     */
    void scan(Column column, byte[] prefix, boolean reverse, EntryVisitor visitor);

    /**
     * Visits, in key order, the entries whose key starts with {@code prefix} and is not less
     * than {@code from}, until the visitor returns {@code false}.
     */
    void scanFrom(Column column, byte[] prefix, byte[] from, EntryVisitor visitor);

    /** A new, empty batch of writes; nothing is visible until {@link #commit}. */
    Batch newBatch();

    /** Applies every write of the batch atomically: after a crash, all or none are present. */
    void commit(Batch batch);

    /**
     * Applies every write of the batch atomically and at once for readers, but may keep it only
     * in memory until {@link #sync}: after a crash the store holds the deferred batches up to
     * some point, in order and never part of one, possibly fewer than were committed. For bulk
     * writers that can redo lost work from their checkpoint.
     */
    default void commitDeferred(Batch batch) {
        commit(batch);
    }

    /** Makes every batch committed so far durable: after it returns, a crash loses none. */
    default void sync() {
    }

    /**
     * Starts making the batches committed so far durable, without waiting; {@link #sync} still
     * makes everything durable and waits. A writer about to finish calls it so that the store
     * writes out what it has while the last batches are built.
     */
    default void startSync() {
    }

    @Override
    void close();

    /** Receives one entry; returns whether to continue. The arrays must not be kept. */
    @FunctionalInterface
    interface EntryVisitor {
        boolean visit(byte[] key, byte[] value);
    }

    /** Writes collected for one atomic {@link #commit}. */
    interface Batch extends AutoCloseable {
        void put(Column column, byte[] key, byte[] value);

        /**
         * Puts the key {@code entry[0, keyLength)} with the value that follows it, {@code
         * valueLength} bytes; the array may be reused once this returns.
         */
        default void put(Column column, byte[] entry, int keyLength, int valueLength) {
            put(column, java.util.Arrays.copyOf(entry, keyLength),
                    java.util.Arrays.copyOfRange(entry, keyLength, keyLength + valueLength));
        }

        void delete(Column column, byte[] key);

        /** Marks the current end of the batch for {@link #rollbackToSavePoint}. */
        void setSavePoint();

        /** Drops every write made since the last {@link #setSavePoint}, and that save point. */
        void rollbackToSavePoint();

        @Override
        void close();
    }
}
