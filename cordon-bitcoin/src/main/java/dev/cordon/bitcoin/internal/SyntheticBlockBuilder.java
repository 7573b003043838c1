package dev.cordon.bitcoin.internal;

import dev.cordon.core.utxo.ScriptKind;
import java.util.SplittableRandom;

/**
 * Builds the blocks of a synthetic chain: structurally valid (framing, txids, merkle roots,
 * parent links, spent outputs that exist and are unspent, no value created beyond the subsidy)
 * but without proof of work or signatures. Shaped like 2021 mainnet blocks: mostly 1-2 inputs and
 * 2 outputs; outputs about 60% P2WPKH, 15% P2PKH, 12% P2SH, 8% P2TR, 5% P2WSH; 2% fan-out
 * transactions of 20-200 outputs; consolidations when the unspent set grows large.
 *
 * <p>Design notes: one reusable buffer per block, transactions written in place, txids hashed
 * over slices of that buffer, unspent outputs in primitive arrays. Random bytes stand in for
 * hashes, keys and signatures, drawn 8 at a time.
 */
public final class SyntheticBlockBuilder {
    /** Blocks stop growing past this size, well under the 4,000,000-byte limit. */
    private static final int SOFT_MAX_BLOCK = 3_600_000;
    private static final int POOL_HIGH_WATER = 400_000;
    private static final long COIN = 100_000_000L;
    private static final int GENESIS_TIME = 1_231_006_505;

    private final SplittableRandom rnd;
    private final int txPerBlock;
    private final Sha256 sha = new Sha256();
    private final UtxoPool pool = new UtxoPool();
    private final ByteSink body = new ByteSink(1 << 20);
    private final ByteSink coinbase = new ByteSink(256);
    private final ByteSink block = new ByteSink(1 << 20);
    private final byte[] prevHash = new byte[32];
    private final int[] inKinds = new int[64];
    private final int[] outKinds = new int[256];
    private final long[] outValues = new long[256];
    private byte[] txids = new byte[32 * 1024];
    private byte[] merkle = new byte[32 * 1025];
    private int height;
    private long coinbaseValue;
    private int txCount;
    private long inputs;
    private long outputs;

    public SyntheticBlockBuilder(long seed, int txPerBlock) {
        this.rnd = new SplittableRandom(seed);
        this.txPerBlock = txPerBlock;
    }

    /** Builds the next block; its bytes are {@code buffer()[0..length())} until the next call. */
    public void next() {
        body.clear();
        txCount = 1;
        long fees = 0;
        int target = height == 0 ? 1 : txPerBlock;
        while (txCount < target && pool.size() > 0 && body.size() < SOFT_MAX_BLOCK) {
            ensureTxids(txCount + 1);
            fees += writeTx(txCount);
            txCount++;
        }
        writeCoinbase(fees);
        assemble();
        height++;
    }

    public byte[] buffer() {
        return block.array();
    }

    public int length() {
        return block.size();
    }

    /** Transactions in the last block built. */
    public int txCount() {
        return txCount;
    }

    /** Inputs spent (coinbase excluded) and outputs created so far. */
    public long inputs() {
        return inputs;
    }

    public long outputs() {
        return outputs;
    }

    /** Hash of the last block built, wire order. */
    public byte[] lastHash() {
        return prevHash.clone();
    }

    /** Writes a transaction into {@code body} and returns its fee. */
    private long writeTx(int t) {
        int nIn = inputCount();
        int nOut = nIn > 2 ? 1 : outputCount();
        int start = body.size();
        body.u32(2);
        boolean segwit = false;
        int markerAt = body.reserve(2);
        body.compactSize(nIn);
        long in = 0;
        for (int k = 0; k < nIn; k++) {
            pool.take(rnd);
            in += pool.takenValue;
            inKinds[k] = pool.takenKind;
            segwit |= pool.takenKind != ScriptKind.P2PKH.id();
            body.bytes(pool.takenTxid, 0, 32);
            body.u32(pool.takenIndex);
            writeScriptSig(pool.takenKind);
            body.u32(0xfffffffd);
        }
        long fee = Math.min(110L * nIn + 40L * nOut + rnd.nextInt(2000), in / 4);
        splitValue(in - fee, nOut);
        body.compactSize(nOut);
        for (int k = 0; k < nOut; k++) {
            body.u64(outValues[k]);
            outKinds[k] = randomKind();
            writeOutputScript(body, outKinds[k]);
        }
        int witnessAt = body.size();
        if (segwit) {
            for (int k = 0; k < nIn; k++) {
                writeWitness(inKinds[k]);
            }
        }
        body.u32(0);
        finishTx(t, start, markerAt, witnessAt, segwit);
        for (int k = 0; k < nOut; k++) {
            pool.add(txids, 32 * t, k, outValues[k], outKinds[k]);
        }
        inputs += nIn;
        outputs += nOut;
        return fee;
    }

    /** Fills in or removes the BIP144 marker and flag, then hashes the txid over slices. */
    private void finishTx(int t, int start, int markerAt, int witnessAt, boolean segwit) {
        byte[] b = body.array();
        int end = body.size();
        if (segwit) {
            b[markerAt] = 0;
            b[markerAt + 1] = 1;
            sha.update(b, start, 4);
            sha.update(b, markerAt + 2, witnessAt - markerAt - 2);
            sha.update(b, end - 4, 4);
            sha.finishDouble(txids, 32 * t);
        } else {
            System.arraycopy(b, markerAt + 2, b, markerAt, end - markerAt - 2);
            body.clear();
            body.reserve(end - 2);
            sha.hashDouble(b, start, end - 2 - start, txids, 32 * t);
        }
    }

    private int inputCount() {
        int r = rnd.nextInt(100);
        int n = r < 62 ? 1 : r < 90 ? 2 : 3 + rnd.nextInt(4);
        if (pool.size() > POOL_HIGH_WATER) {
            n += 2 + rnd.nextInt(8);
        }
        return Math.min(n, pool.size());
    }

    private int outputCount() {
        int r = rnd.nextInt(1000);
        return r < 20 ? 20 + rnd.nextInt(181) : r < 150 ? 1 : r < 950 ? 2 : 3 + rnd.nextInt(3);
    }

    private void splitValue(long total, int n) {
        long left = total;
        for (int k = 0; k < n - 1; k++) {
            long share = n == 2 ? left * (10 + rnd.nextInt(81)) / 100 : left / (n - k);
            outValues[k] = share;
            left -= share;
        }
        outValues[n - 1] = left;
    }

    private int randomKind() {
        int r = rnd.nextInt(100);
        if (r < 60) {
            return ScriptKind.P2WPKH.id();
        }
        if (r < 75) {
            return ScriptKind.P2PKH.id();
        }
        if (r < 87) {
            return ScriptKind.P2SH.id();
        }
        return r < 95 ? ScriptKind.P2TR.id() : ScriptKind.P2WSH.id();
    }

    private void writeOutputScript(ByteSink out, int kind) {
        if (kind == ScriptKind.P2WPKH.id()) {
            out.compactSize(22);
            out.u8(0x00);
            itemRandom(out, 20);
        } else if (kind == ScriptKind.P2PKH.id()) {
            out.compactSize(25);
            out.u8(0x76);
            out.u8(0xa9);
            itemRandom(out, 20);
            out.u8(0x88);
            out.u8(0xac);
        } else if (kind == ScriptKind.P2SH.id()) {
            out.compactSize(23);
            out.u8(0xa9);
            itemRandom(out, 20);
            out.u8(0x87);
        } else {
            out.compactSize(34);
            out.u8(kind == ScriptKind.P2TR.id() ? 0x51 : 0x00);
            itemRandom(out, 32);
        }
    }

    /** P2PKH spends sign in the scriptSig; P2SH outputs are spent as P2SH-P2WPKH (BIP141). */
    private void writeScriptSig(int spentKind) {
        if (spentKind == ScriptKind.P2PKH.id()) {
            body.compactSize(1 + 72 + 1 + 33);
            itemRandom(body, 72);
            itemRandom(body, 33);
        } else if (spentKind == ScriptKind.P2SH.id()) {
            body.compactSize(23);
            body.u8(22);
            body.u8(0x00);
            itemRandom(body, 20);
        } else {
            body.compactSize(0);
        }
    }

    private void writeWitness(int spentKind) {
        if (spentKind == ScriptKind.P2PKH.id()) {
            body.compactSize(0);
        } else if (spentKind == ScriptKind.P2TR.id()) {
            body.compactSize(1);
            itemRandom(body, 64);
        } else if (spentKind == ScriptKind.P2WSH.id()) {
            body.compactSize(4);
            body.compactSize(0);
            itemRandom(body, 72);
            itemRandom(body, 72);
            itemRandom(body, 71);
        } else {
            body.compactSize(2);
            itemRandom(body, 72);
            itemRandom(body, 33);
        }
    }

    /**
     * {@code len} random bytes preceded by one length byte: a direct push in a script (opcode =
     * length, up to 75) and equally a witness item (CompactSize length below 0xfd).
     */
    private void itemRandom(ByteSink out, int len) {
        out.u8(len);
        int at = out.reserve(len);
        byte[] b = out.array();
        int i = 0;
        for (; i + 8 <= len; i += 8) {
            long v = rnd.nextLong();
            for (int j = 0; j < 8; j++) {
                b[at + i + j] = (byte) (v >>> (8 * j));
            }
        }
        long v = rnd.nextLong();
        for (; i < len; i++, v >>>= 8) {
            b[at + i] = (byte) v;
        }
    }

    private void writeCoinbase(long fees) {
        ByteSink c = coinbase;
        c.clear();
        c.u32(1);
        c.compactSize(1);
        c.reserve(32);
        java.util.Arrays.fill(c.array(), 4 + 1, 4 + 1 + 32, (byte) 0);
        c.u32(-1);
        // BIP34: the scriptSig starts with the height, then some extra nonce
        c.compactSize(4 + 9);
        c.u8(3);
        c.u8(height);
        c.u8(height >>> 8);
        c.u8(height >>> 16);
        c.u8(8);
        c.u64(rnd.nextLong());
        c.u32(-1);
        coinbaseValue = (50 * COIN >> Math.min(63, height / 210_000)) + fees;
        c.compactSize(1);
        c.u64(coinbaseValue);
        writeOutputScript(c, ScriptKind.P2WPKH.id());
        c.u32(0);
        sha.hashDouble(c.array(), 0, c.size(), txids, 0);
    }

    private void assemble() {
        ByteSink b = block;
        b.clear();
        b.u32(0x20000000);
        b.bytes(prevHash, 0, 32);
        int merkleAt = b.reserve(32);
        merkleRoot(b.array(), merkleAt);
        b.u32(GENESIS_TIME + 600 * height);
        b.u32(0x207fffff);
        b.u32((int) rnd.nextLong());
        b.compactSize(txCount);
        b.bytes(coinbase.array(), 0, coinbase.size());
        b.bytes(body.array(), 0, body.size());
        sha.hashDouble(b.array(), 0, 80, prevHash, 0);
        pool.add(txids, 0, 0, coinbaseValue, ScriptKind.P2WPKH.id());
        outputs++;
    }

    private void merkleRoot(byte[] dst, int at) {
        int n = txCount;
        System.arraycopy(txids, 0, merkle, 0, 32 * n);
        while (n > 1) {
            if ((n & 1) != 0) {
                System.arraycopy(merkle, 32 * (n - 1), merkle, 32 * n, 32);
                n++;
            }
            for (int k = 0; k < n / 2; k++) {
                sha.hashDouble(merkle, 64 * k, 64, merkle, 32 * k);
            }
            n /= 2;
        }
        System.arraycopy(merkle, 0, dst, at, 32);
    }

    private void ensureTxids(int n) {
        if (txids.length < 32 * n) {
            txids = java.util.Arrays.copyOf(txids, 64 * n);
            merkle = new byte[64 * n + 32];
        }
    }
}
