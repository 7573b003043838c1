package dev.cordon.bitcoin;

import dev.cordon.bitcoin.internal.Sha256;
import dev.cordon.core.BlockHash;
import dev.cordon.core.DecodeException;
import dev.cordon.core.Hex;
import dev.cordon.core.TxId;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;

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
 * <p>SHA-256 is most of the cost (about nine tenths of a pass), so the parsing around it is kept to
 * a few loads and compares per field: one-byte CompactSize counts take a short path and are checked
 * with a multiplication rather than a division, little-endian fields are single {@link VarHandle}
 * loads, a spend's output index is checked while its bytes are in cache, and the merkle tree hashes
 * each pair straight from the txid array. Error messages, including the names of the fields, are
 * only concatenated when an exception is thrown: a name concatenated on every count allocated about
 * 0.75 bytes per block byte whenever the JIT did not remove it, and cost up to a fifth of the
 * decode rate.
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

    private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final Sha256 sha = new Sha256();
    private final byte[] hash = new byte[32];
    private final byte[] pair = new byte[64];

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
     *                         {@link #MAX_MONEY}, a first transaction that is not a coinbase, an
     *                         input spending an output index of 2^31 or more, a merkle root that
     *                         does not match the transactions)
     * @throws IndexOutOfBoundsException if the slice is not within {@code buf}
     */
    public void parse(byte[] buf, int off, int len, String source, long sourceOffset) {
        Objects.checkFromIndexSize(off, len, buf.length);
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
        txStart[i] = s;
        int nIn = parseInputs(i);
        parseOutputs(i);
        int witness = segwit ? pos : -1;
        txWitness[i] = witness;
        if (segwit) {
            skipWitness(nIn);
        }
        need(4, "lock time");
        pos += 4;
        txEnd[i] = pos;
        if (segwit) {
            sha.update(buf, s, 4);
            sha.update(buf, s + 6, witness - s - 6);
            sha.update(buf, pos - 4, 4);
            sha.finishDouble(txids, 32 * i);
        } else {
            sha.hashDouble(buf, s, pos - s, txids, 32 * i);
        }
    }

    /**
     * Records each input's outpoint and skips its script and sequence; returns the input count.
     * Outside the coinbase (transaction 0, checked in {@link #checkCoinbase}) the spent output
     * index is checked here, while its bytes are in cache.
     */
    private int parseInputs(int i) {
        int nIn = readCount(MIN_INPUT, "input");
        if (nIn == 0) {
            throw fail(pos - 1, "transaction " + i + " has no inputs");
        }
        int first = inputTotal;
        txFirstIn[i] = first;
        ensureInputCapacity(first + nIn);
        int[] outpoints = inOutpoint;
        for (int k = first; k < first + nIn; k++) {
            need(36, "input outpoint");
            if (i > 0 && readIntLE(pos + 32) < 0) {
                throw spendsBeyondOutputs(pos + 32);
            }
            outpoints[k] = pos;
            pos += 36;
            int scriptLen = readCount(1, "input script byte");
            need(scriptLen + 4L, "input script and sequence");
            pos += scriptLen + 4;
        }
        inputTotal = first + nIn;
        txFirstIn[i + 1] = inputTotal;
        return nIn;
    }

    private void parseOutputs(int i) {
        int nOut = readCount(MIN_OUTPUT, "output");
        if (nOut == 0) {
            throw fail(pos - 1, "transaction " + i + " has no outputs");
        }
        int first = outputTotal;
        txFirstOut[i] = first;
        ensureOutputCapacity(first + nOut);
        long[] values = outValue;
        int[] scripts = outScript;
        int[] scriptLens = outScriptLen;
        for (int k = first; k < first + nOut; k++) {
            need(9, "output value");
            long value = readLongLE(pos);
            if (value < 0 || value > MAX_MONEY) {
                throw fail(pos, "output value " + Long.toUnsignedString(value) + " is outside 0.." + MAX_MONEY);
            }
            pos += 8;
            int scriptLen = readCount(1, "output script byte");
            values[k] = value;
            scripts[k] = pos;
            scriptLens[k] = scriptLen;
            pos += scriptLen;
        }
        outputTotal = first + nOut;
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
    }

    private DecodeException spendsBeyondOutputs(int at) {
        return fail(at, "input spends output index " + Integer.toUnsignedString(readIntLE(at))
                + ", beyond any transaction's outputs");
    }

    /**
     * Recomputes the merkle root from the txids (Bitcoin's tree: the last node of an odd level is
     * paired with itself) and compares it with the header's. The first level is read from the txids
     * and every level written into {@code merkle} in place, each 64-byte pair hashed straight from
     * its array; only the duplicated last node of an odd level is copied.
     */
    private void checkMerkleRoot() {
        int n = txCount;
        byte[] level = txids;
        while (n > 1) {
            int pairs = n >>> 1;
            for (int k = 0; k < pairs; k++) {
                sha.hashDouble(level, 64 * k, 64, merkle, 32 * k);
            }
            if ((n & 1) != 0) {
                System.arraycopy(level, 32 * (n - 1), pair, 0, 32);
                System.arraycopy(level, 32 * (n - 1), pair, 32, 32);
                sha.hashDouble(pair, 0, 64, merkle, 32 * pairs);
            }
            level = merkle;
            n = (n + 1) >>> 1;
        }
        if (!Arrays.equals(level, 0, 32, buf, start + 36, start + 68)) {
            throw new DecodeException(source, sourceOffset,
                    "block " + hash() + ": merkle root mismatch: header has " + Hex.encodeReversed(Arrays.copyOfRange(buf, start + 36, start + 68))
                            + ", transactions give " + Hex.encodeReversed(Arrays.copyOf(level, 32)));
        }
    }

    /**
     * Reads a CompactSize count of items each at least {@code minEach} bytes long. The one-byte
     * form (below 0xfd, nearly every count in a block) takes the short path; {@code what} names the
     * items in error messages and is only concatenated when one is thrown.
     */
    private int readCount(int minEach, String what) {
        int p = pos;
        if (p >= end) {
            throw truncated(1, what + " count");
        }
        int first = buf[p] & 0xff;
        if (first >= 0xfd) {
            return readWideCount(first, minEach, what);
        }
        if (first * minEach > end - p - 1) {
            throw tooMany(first, what, 1);
        }
        pos = p + 1;
        return first;
    }

    private int readWideCount(int first, int minEach, String what) {
        int size = first == 0xfd ? 3 : first == 0xfe ? 5 : 9;
        if (end - pos < size) {
            throw truncated(size, what + " count");
        }
        long v = size == 3 ? (buf[pos + 1] & 0xff) | (buf[pos + 2] & 0xff) << 8
                : size == 5 ? readIntLE(pos + 1) & 0xffffffffL
                : readLongLE(pos + 1);
        if (v < 0 || v < (size == 3 ? 0xfd : size == 5 ? 0x10000 : 0x100000000L)) {
            throw fail(pos, "non-canonical CompactSize " + Long.toUnsignedString(v) + " for " + what + " count");
        }
        // v < 2^32 unless size is 9 (then it is at least 2^32), so v * minEach cannot overflow here.
        if (size == 9 || v * minEach > end - pos - size) {
            throw tooMany(v, what, size);
        }
        pos += size;
        return (int) v;
    }

    private DecodeException tooMany(long v, String what, int size) {
        long remaining = end - pos - size;
        return fail(pos, Long.toUnsignedString(v) + " " + what + "s cannot fit in the remaining " + remaining + " bytes");
    }

    private void need(long n, String what) {
        if (end - pos < n) {
            throw truncated(n, what);
        }
    }

    private DecodeException truncated(long n, String what) {
        return fail(pos, "truncated: " + what + " needs " + n + " bytes, " + (end - pos) + " remain");
    }

    private DecodeException fail(int at, String problem) {
        return new DecodeException(source, sourceOffset + (at - start), problem);
    }

    private int readIntLE(int p) {
        return (int) INT_LE.get(buf, p);
    }

    private long readLongLE(int p) {
        return (long) LONG_LE.get(buf, p);
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
            merkle = new byte[32 * cap];
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
