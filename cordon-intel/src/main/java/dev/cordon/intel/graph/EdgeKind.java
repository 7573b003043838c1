package dev.cordon.intel.graph;

/**
 * The kinds of value edge a graph file may hold. The {@link #id()} is persisted in the file
 * header as a bit of a mask and is never reused.
 */
public enum EdgeKind {
    /** A Bitcoin-style spend: output of one transaction consumed by an input of a later one. */
    UTXO_SPEND(0),
    /**
     * An account-model value flow (native, internal or token transfer), ordered by block,
     * transaction and position. Reserved: no graph builds it yet.
     */
    ACCOUNT_FLOW(1);

    private final int id;

    EdgeKind(int id) {
        this.id = id;
    }

    public int id() {
        return id;
    }

    /** The bit of this kind in a persisted mask. */
    public int bit() {
        return 1 << id;
    }
}
