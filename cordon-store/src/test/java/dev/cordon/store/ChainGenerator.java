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
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * A seeded generator of valid UTXO chains: coinbases, spends of older and same-block outputs,
 * change, OP_RETURN and address-less outputs, addresses reused across blocks. The same seed
 * gives the same blocks.
 */
public final class ChainGenerator {
    private final Random rnd;
    private final int addressPool;
    private final List<long[]> unspent = new ArrayList<>(); // {tx serial, vout, value}
    private final List<TxId> serialToTxid = new ArrayList<>();
    private long nextAddress;

    public ChainGenerator(long seed, int addressPool) {
        this.rnd = new Random(seed);
        this.addressPool = addressPool;
    }

    /** {@code count} blocks in chain order, about {@code txsPerBlock} transactions each. */
    public List<UtxoBlock> blocks(int count, int txsPerBlock) {
        List<UtxoBlock> out = new ArrayList<>(count);
        BlockHash parent = BlockHash.ZERO;
        for (int h = 0; h < count; h++) {
            List<UtxoTx> txs = new ArrayList<>();
            txs.add(tx(true, List.of(), List.of(output(5_000_000_000L))));
            int n = rnd.nextInt(txsPerBlock * 2 + 1);
            for (int i = 0; i < n && !unspent.isEmpty(); i++) {
                txs.add(spendTx());
            }
            BlockHash hash = new BlockHash(hash("block", h));
            out.add(new UtxoBlock(Chain.BITCOIN, hash, parent, Instant.ofEpochSecond(1_500_000_000L + 600L * h),
                    1000 + 300 * txs.size(), txs));
            parent = hash;
        }
        return out;
    }

    /** The blocks shuffled within consecutive windows, as blk files deliver them. */
    public static List<UtxoBlock> outOfOrder(List<UtxoBlock> blocks, int window, long seed) {
        Random r = new Random(seed);
        List<UtxoBlock> out = new ArrayList<>(blocks.size());
        for (int i = 0; i < blocks.size(); i += window) {
            List<UtxoBlock> w = new ArrayList<>(blocks.subList(i, Math.min(blocks.size(), i + window)));
            Collections.shuffle(w, r);
            out.addAll(w);
        }
        return out;
    }

    private UtxoTx spendTx() {
        int nIn = 1 + rnd.nextInt(Math.min(3, unspent.size()));
        List<OutPoint> ins = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < nIn; i++) {
            long[] u = unspent.remove(rnd.nextInt(unspent.size()));
            ins.add(new OutPoint(serialToTxid.get((int) u[0]), (int) u[1]));
            total += u[2];
        }
        long fee = Math.min(total, rnd.nextInt(5_000));
        long left = total - fee;
        int nOut = 1 + rnd.nextInt(3);
        List<TxOut> outs = new ArrayList<>();
        for (int k = 0; k < nOut; k++) {
            long v = k == nOut - 1 ? left : (long) (left * rnd.nextDouble() / 2);
            left -= v;
            outs.add(output(v));
        }
        if (rnd.nextInt(10) == 0) {
            outs.add(new TxOut(0, ScriptKind.OP_RETURN, Optional.empty(), "6f6d6e69" + String.format("%08x", rnd.nextInt())));
        }
        return tx(false, ins, outs);
    }

    private TxOut output(long value) {
        int r = rnd.nextInt(20);
        if (r == 0) {
            return new TxOut(value, ScriptKind.MULTISIG, Optional.empty(), "5121" + String.format("%08x", rnd.nextInt()) + "51ae");
        }
        long id = rnd.nextInt(4) == 0 || nextAddress == 0 ? nextAddress++ : (long) rnd.nextInt((int) Math.min(nextAddress, addressPool));
        ScriptKind kind = r == 1 ? ScriptKind.P2PK : (r < 10 ? ScriptKind.P2WPKH : ScriptKind.P2PKH);
        return new TxOut(value, kind, Optional.of(new Address(Chain.BITCOIN, "gen" + id)), "");
    }

    private UtxoTx tx(boolean coinbase, List<OutPoint> ins, List<TxOut> outs) {
        int serial = serialToTxid.size();
        TxId id = new TxId(hash("tx", serial));
        serialToTxid.add(id);
        for (int k = 0; k < outs.size(); k++) {
            if (outs.get(k).kind() != ScriptKind.OP_RETURN) {
                unspent.add(new long[] {serial, k, outs.get(k).value()});
            }
        }
        int size = 60 + 148 * ins.size() + 34 * outs.size();
        return new UtxoTx(id, id, coinbase, ins, outs, size, size);
    }

    private static byte[] hash(String kind, long n) {
        byte[] label = ByteBuffer.allocate(8).putLong(n).array();
        return Fixtures.sha256(kind + ":" + java.util.HexFormat.of().formatHex(label));
    }
}
