package dev.cordon.bitcoin;

import dev.cordon.bitcoin.internal.Sha256;
import dev.cordon.core.BlockHash;
import dev.cordon.core.DecodeException;
import dev.cordon.core.Hex;
import dev.cordon.core.TxId;
import java.util.Arrays;

/**
 * The fast path: parses one serialized block in place and exposes its structure by index, without
 * building an object per transaction, input or output.
 *
 * <p>Design notes. Ingest spends its time here, so {@link #parse} makes one pass over the bytes
 * and records offsets into primitive arrays that grow by doubling and are reused for the next
 * block; a steady stream of blocks allocates nothing. Hashes are computed over slices of the
 * caller's buffer: the txid of a segwit transaction is the double SHA-256 of its version, its
 * inputs and outputs, and its lock time (BIP144), fed to the digest as three slices rather than
 * re-serialized. Every count read from the data is checked against the bytes that remain before
 * anything is sized from it, so damaged input fails with a {@link DecodeException} and never with
 * a huge allocation. After the structure, the merkle root is recomputed from the txids and
 * compared with the header.
 *
 * <p>Format: 80-byte header (version, previous block hash, merkle root, time, bits, nonce, all
 * little-endian), CompactSize transaction count, transactions in the legacy or the BIP144 segwit
 * serialization (marker 0x00, flag 0x01, witness stacks after the outputs). Sizes follow BIP141:
 * weight = 3 * stripped size + total size, vsize = ceil(weight / 4).
 *
 * <p>Not thread-safe: use one cursor per thread. Values read after a failed {@link #parse} are
 * unspecified. The cursor keeps a reference to the caller's buffer until the next parse.
 */
public final class BlockCursor {
    /** Serialized header size. */
    public static final int HEADER_SIZE = 80;
    /** Bitcoin Core's {@code MAX_BLOCK_SERIALIZED_SIZE} (BIP141). */
    public static final int MAX_BLOCK_SIZE = 4_000_000;
    /** 21 million BTC in satoshis; no output may carry more (Core {@code MAX_MONEY}). */
    public static final long MAX_MONEY = 21_000_000L * 100_000_000L;

    private static final int MIN_TX = 60;
    private static final int MIN_INPUT = 41;
    private static final int MIN_OUTPUT = 9;

    private final Sha256 sha = new Sha256();
    private final byte[] hash = new byte[32];

    private byte[] buf;
    private int start;
    private int end;
    private int pos;
    private String source;
    private long sourceOffset;

    private int txCount;
    private int inputTotal;
    private int outputTotal;
    private int[] txStart = new int[64];
    private int[] txEnd = new int[64];
    private int[] txWitness = new int[64];
    private int[] txFirstIn = new int[65];
    private int[] txFirstOut = new int[65];
    private byte[] txids = new byte[64 * 32];
    private byte[] merkle = new byte[64 * 32];
    private int[] inOutpoint = new int[128];
    private long[] outValue = new long[128];
    private int[] outScript = new int[128];
    private int[] outScriptLen = new int[128];

    /** Parses {@code buf[off..off+len)} as one block; positions in errors are relative to {@code off}. */
    public void parse(byte[] buf, int off, int len) {
        parse(buf, off, len, "block", 0);
    }

    /**
     * Parses {@code buf[off..off+len)} as one block, which must be exactly {@code len} bytes.
     *
     * @param source       named in error messages (a file name)
     * @param sourceOffset position of {@code buf[off]} within the source, so that errors report
     *                     offsets in the source
     * @throws DecodeException for anything that is not a well-formed block (truncation, absurd
     *                         counts, non-canonical CompactSize, trailing bytes, values above
     *                         {@link #MAX_MONEY}, a first transaction that is not a coinbase, a
     *                         merkle root that does not match the transactions)
     * @throws IndexOutOfBoundsException if the slice is not within {@code buf}
     */
    public void parse(byte[] buf, int off, int len, String source, long sourceOffset) {
        java.util.Objects.checkFromIndexSize(off, len, buf.length);
        this.buf = buf;
        this.start = off;
        this.end = off + len;
        this.source = source;
        this.sourceOffset = sourceOffset;
        this.txCount = 0;
        this.inputTotal = 0;
        this.outputTotal = 0;
        if (len < HEADER_SIZE + 1) {
            throw fail(off, "block of " + len + " bytes is shorter than a header and a transaction count");
        }
        if (len > MAX_BLOCK_SIZE) {
            throw fail(off, "block of " + len + " bytes exceeds the " + MAX_BLOCK_SIZE + "-byte limit");
        }
        sha.hashDouble(buf, off, HEADER_SIZE, hash, 0);
        pos = off + HEADER_SIZE;
        int n = readCount(MIN_TX, "transaction");
        if (n == 0) {
            throw fail(pos, "block has no transactions");
        }
        ensureTxCapacity(n);
        for (int i = 0; i < n; i++) {
            parseTx(i);
            txCount = i + 1;
        }
        if (pos != end) {
            throw fail(pos, (end - pos) + " bytes follow the last transaction");
        }
        checkCoinbase();
        checkMerkleRoot();
    }

    private void parseTx(int i) {
        int s = pos;
        need(5, "transaction version");
        pos += 4;
        boolean segwit = buf[pos] == 0;
        if (segwit) {
            need(2, "segwit marker and flag");
            if (buf[pos + 1] != 1) {
                throw fail(pos + 1, "unknown segwit flag 0x" + Hex.encode(buf, pos + 1, 1) + " (BIP144 defines 0x01)");
            }
            pos += 2;
        }
        int nIn = readCount(MIN_INPUT, "input");
        if (nIn == 0) {
            throw fail(pos - 1, "transaction " + i + " has no inputs");
        }
        txStart[i] = s;
        txFirstIn[i] = inputTotal;
        ensureInputCapacity(inputTotal + nIn);
        for (int k = 0; k < nIn; k++) {
            need(36, "input outpoint");
            inOutpoint[inputTotal++] = pos;
            pos += 36;
            int scriptLen = readCount(1, "input script byte");
            need((long) scriptLen + 4, "input script and sequence");
            pos += scriptLen + 4;
        }
        txFirstIn[i + 1] = inputTotal;
        parseOutputs(i);
        txWitness[i] = segwit ? pos : -1;
        if (segwit) {
            skipWitness(nIn);
        }
        need(4, "lock time");
        pos += 4;
        txEnd[i] = pos;
        if (segwit) {
            sha.update(buf, s, 4);
            sha.update(buf, s + 6, txWitness[i] - s - 6);
            sha.update(buf, pos - 4, 4);
            sha.finishDouble(txids, 32 * i);
        } else {
            sha.hashDouble(buf, s, pos - s, txids, 32 * i);
        }
    }

    private void parseOutputs(int i) {
        int nOut = readCount(MIN_OUTPUT, "output");
        if (nOut == 0) {
            throw fail(pos - 1, "transaction " + i + " has no outputs");
        }
        txFirstOut[i] = outputTotal;
        ensureOutputCapacity(outputTotal + nOut);
        for (int k = 0; k < nOut; k++) {
            need(9, "output value");
            long value = readLongLE(pos);
            if (value < 0 || value > MAX_MONEY) {
                throw fail(pos, "output value " + Long.toUnsignedString(value) + " is outside 0.." + MAX_MONEY);
            }
            pos += 8;
            int scriptLen = readCount(1, "output script byte");
            outValue[outputTotal] = value;
            outScript[outputTotal] = pos;
            outScriptLen[outputTotal] = scriptLen;
            outputTotal++;
            pos += scriptLen;
        }
        txFirstOut[i + 1] = outputTotal;
    }

    private void skipWitness(int nIn) {
        for (int k = 0; k < nIn; k++) {
            int items = readCount(1, "witness item");
            for (int j = 0; j < items; j++) {
                int itemLen = readCount(1, "witness byte");
                pos += itemLen;
            }
        }
    }

    private void checkCoinbase() {
        int first = inOutpoint[0];
        boolean nullPrevout = txFirstIn[1] == 1 && readIntLE(first + 32) == -1;
        for (int b = 0; nullPrevout && b < 32; b++) {
            nullPrevout = buf[first + b] == 0;
        }
        if (!nullPrevout) {
            throw fail(txStart[0], "the first transaction is not a coinbase");
        }
        for (int k = 1; k < inputTotal; k++) {
            if (readIntLE(inOutpoint[k] + 32) < 0) {
                throw fail(inOutpoint[k] + 32, "input spends output index "
                        + Integer.toUnsignedString(readIntLE(inOutpoint[k] + 32)) + ", beyond any transaction's outputs");
            }
        }
    }

    private void checkMerkleRoot() {
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
        if (!Arrays.equals(merkle, 0, 32, buf, start + 36, start + 68)) {
            throw new DecodeException(source, sourceOffset,
                    "block " + hash() + ": merkle root mismatch: header has " + Hex.encodeReversed(Arrays.copyOfRange(buf, start + 36, start + 68))
                            + ", transactions give " + Hex.encodeReversed(Arrays.copyOf(merkle, 32)));
        }
    }

    /** Reads a CompactSize count of items each at least {@code minEach} bytes long. */
    private int readCount(int minEach, String what) {
        need(1, what + " count");
        int first = buf[pos] & 0xff;
        long v;
        int size;
        if (first < 0xfd) {
            v = first;
            size = 1;
        } else if (first == 0xfd) {
            need(3, what + " count");
            v = (buf[pos + 1] & 0xff) | (buf[pos + 2] & 0xff) << 8;
            size = 3;
        } else if (first == 0xfe) {
            need(5, what + " count");
            v = readIntLE(pos + 1) & 0xffffffffL;
            size = 5;
        } else {
            need(9, what + " count");
            v = readLongLE(pos + 1);
            size = 9;
        }
        if (size > 1 && (v < 0 || v < (size == 3 ? 0xfd : size == 5 ? 0x10000 : 0x100000000L))) {
            throw fail(pos, "non-canonical CompactSize " + Long.toUnsignedString(v) + " for " + what + " count");
        }
        long remaining = end - pos - size;
        if (v > remaining / minEach) {
            throw fail(pos, Long.toUnsignedString(v) + " " + what + "s cannot fit in the remaining " + remaining + " bytes");
        }
        pos += size;
        return (int) v;
    }

    private void need(long n, String what) {
        if (end - pos < n) {
            throw fail(pos, "truncated: " + what + " needs " + n + " bytes, " + (end - pos) + " remain");
        }
    }

    private DecodeException fail(int at, String problem) {
        return new DecodeException(source, sourceOffset + (at - start), problem);
    }

    private int readIntLE(int p) {
        return (buf[p] & 0xff) | (buf[p + 1] & 0xff) << 8 | (buf[p + 2] & 0xff) << 16 | (buf[p + 3] & 0xff) << 24;
    }

    private long readLongLE(int p) {
        return (readIntLE(p) & 0xffffffffL) | (long) readIntLE(p + 4) << 32;
    }

    private void ensureTxCapacity(int n) {
        if (txStart.length < n) {
            int cap = Math.max(n, txStart.length * 2);
            txStart = Arrays.copyOf(txStart, cap);
            txEnd = Arrays.copyOf(txEnd, cap);
            txWitness = Arrays.copyOf(txWitness, cap);
            txFirstIn = Arrays.copyOf(txFirstIn, cap + 1);
            txFirstOut = Arrays.copyOf(txFirstOut, cap + 1);
            txids = new byte[32 * cap];
            merkle = new byte[32 * (cap + 1)];
        }
    }

    private void ensureInputCapacity(int n) {
        if (inOutpoint.length < n) {
            inOutpoint = Arrays.copyOf(inOutpoint, Math.max(n, inOutpoint.length * 2));
        }
    }

    private void ensureOutputCapacity(int n) {
        if (outValue.length < n) {
            int cap = Math.max(n, outValue.length * 2);
            outValue = Arrays.copyOf(outValue, cap);
            outScript = Arrays.copyOf(outScript, cap);
            outScriptLen = Arrays.copyOf(outScriptLen, cap);
        }
    }

    // ---- header ------------------------------------------------------------------------------

    /** The parsed buffer; offsets returned by this cursor index into it. */
    public byte[] buffer() {
        return buf;
    }

    /** Serialized block size in bytes. */
    public int size() {
        return end - start;
    }

    public int version() {
        return readIntLE(start);
    }

    /** Block hash, display order. */
    public BlockHash hash() {
        return new BlockHash(reversed(hash, 0));
    }

    /** Copies the 32-byte block hash in wire (internal) order. */
    public void copyHash(byte[] dst, int off) {
        System.arraycopy(hash, 0, dst, off, 32);
    }

    /** Previous block hash, display order; {@link BlockHash#ZERO} for a genesis block. */
    public BlockHash parent() {
        return new BlockHash(reversed(buf, start + 4));
    }

    /** Offset in {@link #buffer()} of the 32-byte previous block hash (wire order). */
    public int parentOffset() {
        return start + 4;
    }

    /** Block time, seconds since the epoch (unsigned 32-bit). */
    public long time() {
        return readIntLE(start + 68) & 0xffffffffL;
    }

    /** Compact difficulty target. */
    public int bits() {
        return readIntLE(start + 72);
    }

    /** Nonce (unsigned 32-bit). */
    public long nonce() {
        return readIntLE(start + 76) & 0xffffffffL;
    }

    // ---- transactions ------------------------------------------------------------------------

    public int txCount() {
        return txCount;
    }

    /** Index of the transaction's first input in the block-wide input numbering. */
    public int firstInput(int tx) {
        return txFirstIn[tx];
    }

    public int inputCount(int tx) {
        return txFirstIn[tx + 1] - txFirstIn[tx];
    }

    /** Index of the transaction's first output in the block-wide output numbering. */
    public int firstOutput(int tx) {
        return txFirstOut[tx];
    }

    public int outputCount(int tx) {
        return txFirstOut[tx + 1] - txFirstOut[tx];
    }

    /** Total inputs in the block, coinbase included. */
    public int inputTotal() {
        return inputTotal;
    }

    /** Total outputs in the block. */
    public int outputTotal() {
        return outputTotal;
    }

    /**
     * The 32 bytes per transaction of all txids in wire order ({@code 32 * tx}); valid until the
     * next parse; callers must not modify it.
     */
    public byte[] txidBuffer() {
        return txids;
    }

    /** Copies a txid in wire order. */
    public void copyTxid(int tx, byte[] dst, int off) {
        System.arraycopy(txids, 32 * tx, dst, off, 32);
    }

    public TxId txid(int tx) {
        return new TxId(reversed(txids, 32 * tx));
    }

    /**
     * The witness txid (BIP141): double SHA-256 of the full serialization; equals the txid for a
     * transaction without witness. Computed on each call.
     */
    public TxId wtxid(int tx) {
        if (txWitness[tx] < 0) {
            return txid(tx);
        }
        byte[] out = new byte[32];
        sha.hashDouble(buf, txStart[tx], txEnd[tx] - txStart[tx], out, 0);
        return new TxId(reversed(out, 0));
    }

    public boolean hasWitness(int tx) {
        return txWitness[tx] >= 0;
    }

    /** Serialized size including witness, in bytes. */
    public int txSize(int tx) {
        return txEnd[tx] - txStart[tx];
    }

    /** BIP141 weight: 3 * size without witness + size with witness. */
    public int txWeight(int tx) {
        int total = txSize(tx);
        int stripped = txWitness[tx] < 0 ? total : total - 2 - (txEnd[tx] - 4 - txWitness[tx]);
        return 3 * stripped + total;
    }

    /** BIP141 virtual size: weight / 4 rounded up. */
    public int txVsize(int tx) {
        return (txWeight(tx) + 3) / 4;
    }

    /** Offset in {@link #buffer()} of the spent txid (32 bytes, wire order) of an input. */
    public int prevTxidOffset(int input) {
        return inOutpoint[input];
    }

    /** Output index an input spends; -1 for the coinbase input. */
    public int prevIndex(int input) {
        return readIntLE(inOutpoint[input] + 32);
    }

    /** Value of an output in satoshis. */
    public long outputValue(int output) {
        return outValue[output];
    }

    /** Offset in {@link #buffer()} of an output's script. */
    public int scriptOffset(int output) {
        return outScript[output];
    }

    public int scriptLength(int output) {
        return outScriptLen[output];
    }

    static byte[] reversed(byte[] src, int off) {
        byte[] out = new byte[32];
        for (int i = 0; i < 32; i++) {
            out[i] = src[off + 31 - i];
        }
        return out;
    }
}
