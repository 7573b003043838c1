package dev.cordon.ethereum.flow.internal;

import dev.cordon.core.DecodeException;

/**
 * Where the decoder is (block, transaction), kept as primitives and formatted only when an
 * error is thrown, so that the hot path builds no strings.
 */
public final class Ctx {
    private long block = -1;
    private int txIndex = -1;
    private String txHash;

    public void block(long height) {
        this.block = height;
        this.txIndex = -1;
        this.txHash = null;
    }

    public void tx(int index, String hash) {
        this.txIndex = index;
        this.txHash = hash;
    }

    public void noTx() {
        this.txIndex = -1;
        this.txHash = null;
    }

    public long block() {
        return block;
    }

    /** "block 1000000 tx 0xea10… (index 0)" or "block 1000000". */
    public String where() {
        StringBuilder sb = new StringBuilder("block ");
        sb.append(block < 0 ? "?" : Long.toString(block));
        if (txIndex >= 0) {
            sb.append(" tx ").append(txHash == null ? "?" : txHash).append(" (index ").append(txIndex).append(')');
        }
        return sb.toString();
    }

    public DecodeException fail(String problem) {
        return new DecodeException(where(), -1, problem);
    }

    public DecodeException fail(String problem, Throwable cause) {
        return new DecodeException(where(), -1, problem, cause);
    }
}
