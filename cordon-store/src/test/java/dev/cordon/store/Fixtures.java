package dev.cordon.store;

import dev.cordon.core.Address;
import dev.cordon.core.BlockHash;
import dev.cordon.core.Chain;
import dev.cordon.core.TxId;
import dev.cordon.core.utxo.OutPoint;
import dev.cordon.core.utxo.ScriptKind;
import dev.cordon.core.utxo.TxOut;
import dev.cordon.core.utxo.UtxoBlock;
import dev.cordon.core.utxo.UtxoTx;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Builders of small hand-made UTXO blocks; hashes are SHA-256 of a label. */
public final class Fixtures {
    private Fixtures() {
    }

    public static byte[] sha256(String label) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(label.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    public static Address btc(String text) {
        return new Address(Chain.BITCOIN, text);
    }

    public static TxOut pay(String address, long sats) {
        return new TxOut(sats, ScriptKind.P2PKH, Optional.of(btc(address)), "");
    }

    public static TxOut p2pk(String address, long sats) {
        return new TxOut(sats, ScriptKind.P2PK, Optional.of(btc(address)), "");
    }

    public static TxOut opReturn(String payloadHex) {
        return new TxOut(0, ScriptKind.OP_RETURN, Optional.empty(), payloadHex);
    }

    public static TxOut multisig(long sats, String scriptHex) {
        return new TxOut(sats, ScriptKind.MULTISIG, Optional.empty(), scriptHex);
    }

    public static UtxoTx coinbase(String label, TxOut... outs) {
        TxId id = new TxId(sha256("tx " + label));
        return new UtxoTx(id, id, true, List.of(), List.of(outs), 100 + 30 * outs.length, 90 + 30 * outs.length);
    }

    public static UtxoTx spend(String label, List<OutPoint> inputs, TxOut... outs) {
        TxId id = new TxId(sha256("tx " + label));
        TxId wid = new TxId(sha256("wtx " + label));
        int size = 10 + 100 * inputs.size() + 34 * outs.length;
        return new UtxoTx(id, wid, false, inputs, List.of(outs), size, size - 20 * inputs.size());
    }

    public static OutPoint out(UtxoTx tx, int index) {
        return new OutPoint(tx.txid(), index);
    }

    public static BlockHash blockHash(String label) {
        return new BlockHash(sha256("block " + label));
    }

    /** A block on top of {@code parent} ({@code null} for a genesis block). */
    public static UtxoBlock block(String label, UtxoBlock parent, long epochSecond, UtxoTx... txs) {
        BlockHash p = parent == null ? BlockHash.ZERO : parent.hash();
        return new UtxoBlock(Chain.BITCOIN, blockHash(label), p, Instant.ofEpochSecond(epochSecond), 285 + 200 * txs.length,
                List.of(txs));
    }
}
