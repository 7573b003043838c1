package dev.cordon.core.utxo;

import dev.cordon.core.Address;
import java.util.Objects;
import java.util.Optional;

/**
 * A transaction output.
 *
 * @param value   in base units (satoshis)
 * @param address present for kinds that have one (P2PK is given its P2PKH address)
 * @param dataHex the OP_RETURN payload for {@link ScriptKind#OP_RETURN}; the whole script for
 *                {@link ScriptKind#MULTISIG} and {@link ScriptKind#NONSTANDARD}; empty otherwise
 */
public record TxOut(long value, ScriptKind kind, Optional<Address> address, String dataHex) {
    public TxOut {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(dataHex, "dataHex");
        if (value < 0) {
            throw new IllegalArgumentException("negative output value: " + value);
        }
    }
}
