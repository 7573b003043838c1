package dev.cordon.core.utxo;

import dev.cordon.core.BlockHash;
import dev.cordon.core.Chain;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A decoded, verified block of a UTXO chain. Its height is not known until its parent is: the
 * store assigns it.
 *
 * @param parent the previous block's hash; {@link BlockHash#ZERO} for a genesis block
 * @param size   serialized size in bytes
 */
public record UtxoBlock(Chain chain, BlockHash hash, BlockHash parent, Instant time, int size, List<UtxoTx> txs) {
    public UtxoBlock {
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(parent, "parent");
        Objects.requireNonNull(time, "time");
        txs = List.copyOf(txs);
    }
}
