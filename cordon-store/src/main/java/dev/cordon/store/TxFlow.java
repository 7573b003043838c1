package dev.cordon.store;

import dev.cordon.core.TxId;
import dev.cordon.core.utxo.ScriptKind;

/**
 * One transaction as the graph and tracing engines walk it: dense ids and base-unit values,
 * read straight from the stored record without decoding it into objects. Address id -1 means
 * the output has no address (OP_RETURN, bare multisig, non-standard). Values are in base units
 * of the chain's native asset (satoshis).
 */
public interface TxFlow {
    /** Dense transaction number: 0 for the genesis coinbase, then in chain order. */
    long txNum();

    TxId txid();

    int height();

    /** Position in its block. */
    int index();

    boolean coinbase();

    int size();

    int vsize();

    /** Sum of inputs minus sum of outputs; 0 for a coinbase. */
    long fee();

    int inputCount();

    int outputCount();

    /** txNum of the transaction whose output input {@code i} spends. */
    long inputSpentTxNum(int i);

    /** Output index that input {@code i} spends. */
    int inputSpentVout(int i);

    int inputAddressId(int i);

    long inputValue(int i);

    int outputAddressId(int i);

    long outputValue(int i);

    ScriptKind outputKind(int i);
}
