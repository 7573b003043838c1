package dev.cordon.store;

import dev.cordon.core.Address;
import dev.cordon.core.Amount;
import dev.cordon.core.BlockHash;
import dev.cordon.core.Chain;
import dev.cordon.core.TxId;
import dev.cordon.core.utxo.OutPoint;
import dev.cordon.core.utxo.ScriptKind;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A stored transaction with its inputs resolved to the outputs they spend.
 *
 * @param txNum dense number in chain order
 * @param index position in its block
 * @param fee   inputs minus outputs; zero for a coinbase
 */
public record TxInfo(Chain chain, TxId txid, long txNum, long height, BlockHash blockHash, Instant time, int index,
                     boolean coinbase, List<Input> inputs, List<Output> outputs, Amount fee, int size, int vsize) {
    public TxInfo {
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(txid, "txid");
        Objects.requireNonNull(blockHash, "blockHash");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(fee, "fee");
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    /**
     * An input: the output it spends, and that output's address (empty when it had none) and value.
     */
    public record Input(OutPoint spent, Optional<Address> address, Amount value) {
        public Input {
            Objects.requireNonNull(spent, "spent");
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * An output.
     *
     * @param dataHex the OP_RETURN payload or the kept script (see {@code TxOut}); empty otherwise
     * @param spentBy the transaction that spends it, when spent
     */
    public record Output(int index, ScriptKind kind, Optional<Address> address, Amount value, String dataHex,
                         Optional<TxId> spentBy) {
        public Output {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(dataHex, "dataHex");
            Objects.requireNonNull(spentBy, "spentBy");
        }
    }
}
