package dev.cordon.bench.bitcoin;

import dev.cordon.core.Address;
import dev.cordon.core.BlockHash;
import dev.cordon.core.Chain;
import dev.cordon.core.TxId;
import dev.cordon.core.utxo.OutPoint;
import dev.cordon.core.utxo.ScriptKind;
import dev.cordon.core.utxo.TxOut;
import dev.cordon.core.utxo.UtxoBlock;
import dev.cordon.core.utxo.UtxoTx;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A seeded generator of decoded blocks shaped like 2021 mainnet ones, with the address reuse and
 * spend ages that drive a store's caches (the blk-file generator draws fresh random addresses and
 * spends uniformly from its whole unspent set, so it exercises neither).
 *
 * <p>Shape: inputs 62% one, 28% two, 10% three to six; outputs 13% one, 80% two, 5% three to
 * five, 1% fan-outs of 20-100; kinds 60% P2WPKH, 15% P2PKH, 12% P2SH, 8% P2TR, 5% P2WSH. Each
 * output pays one of 2,000 hot addresses (exchanges, 8%), an address seen in the last 300,000
 * (32%), or a new one (60%). Inputs spend an output of the same block (5%), of the last six
 * blocks (55%), of the last 150 blocks (25%) or of any block (15%). Address texts have the length
 * of real ones but are not checksummed. The same seed gives the same blocks.
 */
public final class Utxo2021Chain {
    private static final int HOT = 2_000;
    private static final int RECENT = 300_000;
    private static final String ALPHABET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";

    private final SplittableRandom rnd;
    private final int txPerBlock;
    private final List<Bucket> byHeight = new ArrayList<>();
    private final long[] recentAddresses = new long[RECENT];
    private byte[] kinds = new byte[1 << 16];
    private long nextAddress;
    private long unspent;
    private long txSerial;
    private BlockHash parent = BlockHash.ZERO;
    private TxId takenTxid;

    /** Unspent outputs created at one height: parallel lists, swap-removed. */
    private static final class Bucket {
        final List<TxId> txids = new ArrayList<>();
        final List<long[]> outs = new ArrayList<>(); // {txid index in txids, vout, value}

        boolean isEmpty() {
            return outs.isEmpty();
        }
    }

    /** @param txPerBlock mean transactions per block after the first, coinbase included */
    public Utxo2021Chain(long seed, int txPerBlock) {
        if (txPerBlock < 1) {
            throw new IllegalArgumentException("txPerBlock must be >= 1: " + txPerBlock);
        }
        this.rnd = new SplittableRandom(seed);
        this.txPerBlock = txPerBlock;
    }

    /** The next {@code count} blocks, in chain order. */
    public List<UtxoBlock> blocks(int count) {
        List<UtxoBlock> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(next());
        }
        return out;
    }

    private UtxoBlock next() {
        int height = byHeight.size();
        Bucket bucket = new Bucket();
        List<UtxoTx> txs = new ArrayList<>();
        long fees = 0;
        int target = height == 0 ? 1 : txPerBlock * 9 / 10 + rnd.nextInt(txPerBlock / 5 + 1);
        List<UtxoTx> body = new ArrayList<>(target);
        byHeight.add(bucket);
        for (int t = 1; t < target && unspent > 0; t++) {
            long[] fee = new long[1];
            body.add(spend(height, bucket, fee));
            fees += fee[0];
        }
        TxId cbId = txid();
        txs.add(new UtxoTx(cbId, cbId, true, List.of(), List.of(output(625_000_000L + fees)), 200, 173));
        addOutputs(bucket, cbId, txs.get(0).outputs());
        txs.addAll(body);
        int size = 80;
        for (UtxoTx tx : txs) {
            size += tx.size();
        }
        BlockHash hash = new BlockHash(hash(0xb10c, height));
        UtxoBlock b = new UtxoBlock(Chain.BITCOIN, hash, parent, Instant.ofEpochSecond(1_609_459_200L + 600L * height),
                size, txs);
        parent = hash;
        return b;
    }

    private UtxoTx spend(int height, Bucket current, long[] feeOut) {
        int r = rnd.nextInt(100);
        int nIn = r < 62 ? 1 : r < 90 ? 2 : 3 + rnd.nextInt(4);
        List<OutPoint> ins = new ArrayList<>(nIn);
        long total = 0;
        for (int i = 0; i < nIn; i++) {
            long[] taken = take(height, current);
            if (taken == null) {
                break;
            }
            ins.add(new OutPoint(takenTxid, (int) taken[1]));
            total += taken[2];
        }
        int ro = rnd.nextInt(1000);
        int nOut = nIn > 2 ? 1 : ro < 10 ? 20 + rnd.nextInt(81) : ro < 140 ? 1 : ro < 950 ? 2 : 3 + rnd.nextInt(3);
        long fee = Math.min(110L * ins.size() + 40L * nOut + rnd.nextInt(2000), total / 4);
        long left = total - fee;
        List<TxOut> outs = new ArrayList<>(nOut);
        for (int k = 0; k < nOut; k++) {
            long v = k == nOut - 1 ? left : nOut == 2 ? left * (10 + rnd.nextInt(81)) / 100 : left / (nOut - k);
            left -= v;
            outs.add(output(v));
        }
        TxId id = txid();
        addOutputs(current, id, outs);
        feeOut[0] = fee;
        int size = 10 + 68 * ins.size() + 31 * nOut + 40 * ins.size();
        return new UtxoTx(id, new TxId(hash(0x3717, txSerial)), false, ins, outs, size, size - 30 * ins.size());
    }

    /** Removes an unspent output chosen by age; null when there is none. */
    private long[] take(int height, Bucket current) {
        for (int attempt = 0; attempt < 8; attempt++) {
            int r = rnd.nextInt(100);
            int age = r < 5 ? 0 : r < 60 ? 1 + rnd.nextInt(6) : r < 85 ? 1 + rnd.nextInt(150) : 1 + rnd.nextInt(height + 1);
            int h = height - age;
            Bucket b = h >= 0 ? byHeight.get(h) : null;
            if (b != null && !b.isEmpty()) {
                return takeFrom(b);
            }
        }
        for (int h = height; h >= 0; h--) {
            if (!byHeight.get(h).isEmpty()) {
                return takeFrom(byHeight.get(h));
            }
        }
        return null;
    }

    private long[] takeFrom(Bucket b) {
        int i = rnd.nextInt(b.outs.size());
        long[] o = b.outs.get(i);
        int last = b.outs.size() - 1;
        b.outs.set(i, b.outs.get(last));
        b.outs.remove(last);
        takenTxid = b.txids.get((int) o[0]);
        unspent--;
        return o;
    }

    private void addOutputs(Bucket b, TxId id, List<TxOut> outs) {
        int idx = b.txids.size();
        b.txids.add(id);
        for (int k = 0; k < outs.size(); k++) {
            b.outs.add(new long[] {idx, k, outs.get(k).value()});
        }
        unspent += outs.size();
    }

    private TxOut output(long value) {
        int r = rnd.nextInt(100);
        long id;
        if (r < 8 && nextAddress > HOT) {
            id = rnd.nextInt(HOT);
        } else if (r < 40 && nextAddress > HOT) {
            id = recentAddresses[rnd.nextInt((int) Math.min(RECENT, nextAddress))];
        } else {
            id = nextAddress++;
            recentAddresses[(int) (id % RECENT)] = id;
            if (id == kinds.length) {
                kinds = java.util.Arrays.copyOf(kinds, kinds.length * 2);
            }
            kinds[(int) id] = (byte) randomKind();
        }
        ScriptKind k = ScriptKind.ofId(kinds[(int) id]);
        return new TxOut(value, k, Optional.of(new Address(Chain.BITCOIN, text(id, k))), "");
    }

    private int randomKind() {
        int r = rnd.nextInt(100);
        ScriptKind k = r < 60 ? ScriptKind.P2WPKH : r < 75 ? ScriptKind.P2PKH : r < 87 ? ScriptKind.P2SH
                : r < 95 ? ScriptKind.P2TR : ScriptKind.P2WSH;
        return k.id();
    }

    /** A text of the kind's real length, unique per id. */
    private static String text(long id, ScriptKind kind) {
        String prefix;
        int len;
        switch (kind) {
            case P2PKH -> { prefix = "1"; len = 34; }
            case P2SH -> { prefix = "3"; len = 34; }
            case P2TR -> { prefix = "bc1p"; len = 62; }
            case P2WSH -> { prefix = "bc1q"; len = 62; }
            default -> { prefix = "bc1q"; len = 42; }
        }
        StringBuilder sb = new StringBuilder(len).append(prefix);
        long x = id * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L;
        while (sb.length() < len) {
            x ^= x >>> 29;
            x *= 0xBF58476D1CE4E5B9L;
            x ^= x >>> 32;
            for (int i = 0; i < 12 && sb.length() < len; i++, x >>>= 5) {
                sb.append(ALPHABET.charAt((int) (x & 31)));
            }
        }
        return sb.toString();
    }

    private TxId txid() {
        return new TxId(hash(0x7, txSerial++));
    }

    /** 32 pseudo-random bytes unique per (domain, n). */
    private static byte[] hash(long domain, long n) {
        byte[] b = new byte[32];
        long x = n * 0x9E3779B97F4A7C15L ^ domain * 0xD1B54A32D192ED03L;
        for (int i = 0; i < 32; i += 8) {
            x += 0x9E3779B97F4A7C15L;
            long z = x;
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            z ^= z >>> 31;
            for (int j = 0; j < 8; j++) {
                b[i + j] = (byte) (z >>> (8 * j));
            }
        }
        return b;
    }
}
