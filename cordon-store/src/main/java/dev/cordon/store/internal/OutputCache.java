package dev.cordon.store.internal;

/**
 * The writer's unspent outputs in memory, young ones first: two generations of
 * {@link OutputMap}. New outputs go to the young generation; when it holds {@code generation}
 * entries, {@link #age} drops the old generation and the young one becomes old. Most inputs
 * spend outputs a few blocks old, which are then still here; older ones are read from disk.
 * Spent outputs are removed at once, so what remains is the young unspent set. Memory: at most
 * about 2 x 2 x {@code generation} slots of 40 bytes.
 */
final class OutputCache {
    private final int generation;
    private OutputMap young;
    private OutputMap old;

    /** Result of the last successful {@link #take}. */
    long foundTxNum;
    int foundAddr;
    long foundValue;

    /** @param generation entries per generation, at least 1 (0 caches nothing beyond a commit) */
    OutputCache(int generation) {
        this.generation = Math.max(1, generation);
        this.young = new OutputMap(Math.min(this.generation, 1 << 16));
        this.old = new OutputMap(16);
    }

    /** Removes the entry if present, its fields then in {@code found*}; whether it was. */
    boolean take(byte[] txid, int vout) {
        OutputMap m = young.remove(txid, vout) ? young : old.remove(txid, vout) ? old : null;
        if (m == null) {
            return false;
        }
        foundTxNum = m.foundTxNum;
        foundAddr = m.foundAddr;
        foundValue = m.foundValue;
        return true;
    }

    void put(byte[] txid, int vout, long txNum, int addr, long value) {
        young.put(txid, vout, txNum, addr, value);
    }

    void remove(byte[] txid, int vout) {
        if (!young.remove(txid, vout)) {
            old.remove(txid, vout);
        }
    }

    /**
     * Drops the old generation if the young one is full. Called only when everything cached is
     * on disk, because dropped outputs are then looked up there.
     */
    void age() {
        if (young.size() >= generation) {
            old = young;
            young = new OutputMap(Math.min(generation, 1 << 16));
        }
    }

    void clear() {
        young = new OutputMap(16);
        old = new OutputMap(16);
    }
}
