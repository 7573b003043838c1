package dev.cordon.core.utxo;

import dev.cordon.core.TxId;
import java.util.List;
import java.util.Objects;

/**
 * A transaction of a UTXO chain.
 *
 * @param inputs   the outputs it spends, in input order; empty for a coinbase
 * @param size     serialized size in bytes including witness
 * @param vsize    virtual size (weight / 4, rounded up)
 */
public record UtxoTx(TxId txid, TxId wtxid, boolean coinbase, List<OutPoint> inputs, List<TxOut> outputs,
                     int size, int vsize) {
    public UtxoTx {
        Objects.requireNonNull(txid, "txid");
        Objects.requireNonNull(wtxid, "wtxid");
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        if (coinbase && !inputs.isEmpty()) {
            throw new IllegalArgumentException("a coinbase lists no spent outputs");
        }
    }
}
