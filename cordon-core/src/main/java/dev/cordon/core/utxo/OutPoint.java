package dev.cordon.core.utxo;

import dev.cordon.core.TxId;
import java.util.Objects;

/** A reference to output {@code index} of transaction {@code txid}. */
public record OutPoint(TxId txid, int index) {
    public OutPoint {
        Objects.requireNonNull(txid, "txid");
        if (index < 0) {
            throw new IllegalArgumentException("output index must be >= 0: " + index);
        }
    }

    @Override
    public String toString() {
        return txid.hex() + ":" + index;
    }
}
