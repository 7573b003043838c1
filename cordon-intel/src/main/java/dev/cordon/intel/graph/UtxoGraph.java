package dev.cordon.intel.graph;

import dev.cordon.core.Chain;
import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import java.util.Arrays;
import java.util.Objects;

/**
 * The spend graph of one UTXO chain as flat primitive arrays, for traversal.
 *
 * <p>Design notes. Tracing touches millions of outputs per query, so nothing here is an
 * object per transaction, input or output. Transactions get dense ids in chain order (the
 * store's {@code txNum}), outputs and inputs get dense global indices in the same order, and
 * each relation is one array indexed by an id (CSR: the outputs of transaction {@code t} are
 * {@code txOutStart[t] .. txOutStart[t+1]}, likewise inputs). Because ids follow chain order,
 * "forward in time" is "increasing id" and every structure only ever grows at its end: a new
 * block appends to each array (capacity doubles, so appends are amortized O(1)), and the
 * spender of an older output is written in place when the spend arrives. The outputs of an
 * address form a singly linked list threaded through {@code outPrevOfAddress} (newest first),
 * which, unlike a CSR by address, needs no rebuild when blocks arrive.
 *
 * <p>Memory, with {@code O} outputs, {@code I} inputs, {@code T} transactions, {@code A}
 * addresses and {@code H} blocks: {@code 20 O + 4 I + 12 T + 4 A + 8 H} bytes. A spend edge
 * (an output and the input that consumes it) costs 24 bytes, an unspent output 20; at
 * mainnet's shape (about 2.6 outputs and 2.4 inputs per transaction) that is about 29 bytes
 * per output including its share of the per-transaction arrays. Arrays are indexed by
 * {@code int}, so one graph holds at most 2^31 - 1 outputs, inputs and transactions; beyond
 * that the arrays must be split into chunks.
 *
 * <p>Amounts are in base units (satoshis). Address id {@value #NO_ADDRESS} marks an output
 * without an address; spender {@value #UNSPENT} an unspent output. Not thread-safe: one
 * writer appends; readers must not run while it does.
 */
public final class UtxoGraph {
    /** Address id of an output that has none (OP_RETURN, bare multisig, non-standard). */
    public static final int NO_ADDRESS = -1;
    /** Spender of an unspent output; also "none" for linked-list ends. */
    public static final int UNSPENT = -1;

    private static final int INITIAL = 1024;

    private final Chain chain;
    private int txCount;
    private int outputCount;
    private int inputCount;
    private int addressCount;
    private int blockCount;
    private int openTx = -1;

    int[] txOutStart = new int[INITIAL + 1];
    int[] txInStart = new int[INITIAL + 1];
    int[] txHeight = new int[INITIAL];
    long[] outValue = new long[INITIAL];
    int[] outAddress = new int[INITIAL];
    int[] outSpender = new int[INITIAL];
    int[] outPrevOfAddress = new int[INITIAL];
    int[] inSpent = new int[INITIAL];
    int[] addrLastOut = new int[INITIAL];
    long[] blockTime = new long[INITIAL];

    /** An empty graph of {@code chain}. */
    public UtxoGraph(Chain chain) {
        this.chain = Objects.requireNonNull(chain, "chain");
    }

    public Chain chain() {
        return chain;
    }

    public int txCount() {
        return txCount;
    }

    public int outputCount() {
        return outputCount;
    }

    public int inputCount() {
        return inputCount;
    }

    /** One more than the largest address id seen. */
    public int addressCount() {
        return addressCount;
    }

    /** Number of block times known: heights {@code 0 .. blockCount-1}. */
    public int blockCount() {
        return blockCount;
    }

    /** Bytes held by the live part of the arrays (the formula in the class notes). */
    public long liveBytes() {
        return 20L * outputCount + 4L * inputCount + 12L * txCount + 4L * addressCount + 8L * blockCount;
    }

    // ---- reading -------------------------------------------------------------------------

    public int height(int tx) {
        return txHeight[tx];
    }

    public int firstOutput(int tx) {
        return txOutStart[tx];
    }

    /** One past the last output of {@code tx}. */
    public int endOutput(int tx) {
        return txOutStart[tx + 1];
    }

    public int firstInput(int tx) {
        return txInStart[tx];
    }

    /** One past the last input of {@code tx}. */
    public int endInput(int tx) {
        return txInStart[tx + 1];
    }

    /** Whether {@code tx} spends nothing (a coinbase). */
    public boolean isCoinbase(int tx) {
        return txInStart[tx] == txInStart[tx + 1];
    }

    /** The global index of the output that input {@code in} spends. */
    public int spentOutput(int in) {
        return inSpent[in];
    }

    public long value(int output) {
        return outValue[output];
    }

    /** The address id of the output, or {@link #NO_ADDRESS}. */
    public int address(int output) {
        return outAddress[output];
    }

    /** The id of the transaction that spends the output, or {@link #UNSPENT}. */
    public int spender(int output) {
        return outSpender[output];
    }

    /** The position of the output within its transaction. */
    public int vout(int output) {
        return output - txOutStart[txOf(output)];
    }

    /** The global index of output {@code vout} of {@code tx}. */
    public int output(int tx, int vout) {
        int o = txOutStart[tx] + vout;
        if (vout < 0 || o >= txOutStart[tx + 1]) {
            throw new CordonException(ErrorCode.NOT_FOUND, "transaction " + tx + " has no output " + vout);
        }
        return o;
    }

    /** The transaction that created the output. Running time O(log T). */
    public int txOf(int output) {
        int lo = 0;
        int hi = txCount - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (txOutStart[mid] <= output) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** Sum of the values the transaction spends; 0 for a coinbase. */
    public long inputValue(int tx) {
        long sum = 0;
        for (int i = txInStart[tx], e = txInStart[tx + 1]; i < e; i++) {
            sum += outValue[inSpent[i]];
        }
        return sum;
    }

    /** Sum of the transaction's output values. */
    public long outputValue(int tx) {
        long sum = 0;
        for (int o = txOutStart[tx], e = txOutStart[tx + 1]; o < e; o++) {
            sum += outValue[o];
        }
        return sum;
    }

    /** Inputs minus outputs; 0 for a coinbase. */
    public long fee(int tx) {
        return isCoinbase(tx) ? 0 : inputValue(tx) - outputValue(tx);
    }

    /** The newest output paid to the address, or {@link #UNSPENT} when none. */
    public int lastOutputOf(int addressId) {
        return addressId >= 0 && addressId < addressCount ? addrLastOut[addressId] : UNSPENT;
    }

    /** The next older output paid to the same address, or {@link #UNSPENT}. */
    public int previousOutputOfAddress(int output) {
        return outPrevOfAddress[output];
    }

    /** Block time of {@code height} in epoch seconds, or -1 when unknown. */
    public long blockTime(int height) {
        return height >= 0 && height < blockCount ? blockTime[height] : -1;
    }

    // ---- appending -----------------------------------------------------------------------

    /**
     * Records the time of the next block. Heights come in order from 0.
     *
     * @throws CordonException with {@link ErrorCode#USAGE} when {@code height} is not the next one
     */
    public void blockTime(int height, long epochSecond) {
        if (height != blockCount) {
            throw new CordonException(ErrorCode.USAGE, "block time for height " + height + ", expected " + blockCount);
        }
        blockTime = ensure(blockTime, blockCount + 1);
        blockTime[blockCount++] = epochSecond;
    }

    /**
     * Opens the next transaction; then call {@link #spend} for each input in order,
     * {@link #pay} for each output in order, and {@link #endTx}.
     *
     * @return the new transaction's id
     * @throws CordonException with {@link ErrorCode#USAGE} when a transaction is open, the
     *                         height goes back, or the graph is full
     */
    public int beginTx(int height) {
        if (openTx >= 0) {
            throw new CordonException(ErrorCode.USAGE, "transaction " + openTx + " is still open");
        }
        if (txCount > 0 && height < txHeight[txCount - 1]) {
            throw new CordonException(ErrorCode.USAGE, "height " + height + " before " + txHeight[txCount - 1]);
        }
        if (txCount == Integer.MAX_VALUE - 2) {
            throw new CordonException(ErrorCode.USAGE, "graph is full at " + txCount + " transactions");
        }
        txHeight = ensure(txHeight, txCount + 1);
        txOutStart = ensure(txOutStart, txCount + 2);
        txInStart = ensure(txInStart, txCount + 2);
        txHeight[txCount] = height;
        txOutStart[txCount] = outputCount;
        txInStart[txCount] = inputCount;
        openTx = txCount;
        return openTx;
    }

    /**
     * Adds an input of the open transaction spending output {@code vout} of {@code tx}.
     *
     * @throws CordonException with {@link ErrorCode#DATA} when that output does not exist in
     *                         an earlier transaction or is already spent
     */
    public void spend(int tx, int vout) {
        requireOpen();
        if (tx < 0 || tx >= openTx) {
            throw new CordonException(ErrorCode.DATA, "transaction " + openTx + " spends unknown transaction " + tx);
        }
        int o = txOutStart[tx] + vout;
        if (vout < 0 || o >= txOutStart[tx + 1]) {
            throw new CordonException(ErrorCode.DATA, "transaction " + openTx + " spends missing output " + tx + ":" + vout);
        }
        if (outSpender[o] != UNSPENT) {
            throw new CordonException(ErrorCode.DATA, "output " + tx + ":" + vout + " spent twice");
        }
        inSpent = ensure(inSpent, inputCount + 1);
        inSpent[inputCount++] = o;
        outSpender[o] = openTx;
    }

    /**
     * Adds an output of the open transaction.
     *
     * @param value     base units, at least 0
     * @param addressId the address id, or {@link #NO_ADDRESS}
     */
    public void pay(long value, int addressId) {
        requireOpen();
        if (value < 0 || addressId < NO_ADDRESS) {
            throw new CordonException(ErrorCode.DATA, "bad output: value " + value + ", address " + addressId);
        }
        int o = outputCount;
        outValue = ensure(outValue, o + 1);
        outAddress = ensure(outAddress, o + 1);
        outSpender = ensure(outSpender, o + 1);
        outPrevOfAddress = ensure(outPrevOfAddress, o + 1);
        outValue[o] = value;
        outAddress[o] = addressId;
        outSpender[o] = UNSPENT;
        outPrevOfAddress[o] = UNSPENT;
        if (addressId >= 0) {
            linkAddress(o, addressId);
        }
        outputCount++;
    }

    /** Closes the open transaction. */
    public void endTx() {
        requireOpen();
        txOutStart[openTx + 1] = outputCount;
        txInStart[openTx + 1] = inputCount;
        txCount++;
        openTx = -1;
    }

    private void linkAddress(int o, int addressId) {
        if (addressId >= addressCount) {
            addrLastOut = ensure(addrLastOut, addressId + 1);
            Arrays.fill(addrLastOut, addressCount, addressId + 1, UNSPENT);
            addressCount = addressId + 1;
        }
        outPrevOfAddress[o] = addrLastOut[addressId];
        addrLastOut[addressId] = o;
    }

    private void requireOpen() {
        if (openTx < 0) {
            throw new CordonException(ErrorCode.USAGE, "no open transaction");
        }
    }

    /** Restores the counts after {@link GraphFile} filled the arrays. */
    void restore(int txs, int outputs, int inputs, int addresses, int blocks) {
        this.txCount = txs;
        this.outputCount = outputs;
        this.inputCount = inputs;
        this.addressCount = addresses;
        this.blockCount = blocks;
    }

    static int[] ensure(int[] a, int need) {
        return need <= a.length ? a : Arrays.copyOf(a, grow(a.length, need));
    }

    static long[] ensure(long[] a, int need) {
        return need <= a.length ? a : Arrays.copyOf(a, grow(a.length, need));
    }

    private static int grow(int current, int need) {
        long n = Math.max((long) need, current + ((long) current >> 1) + 16);
        return (int) Math.min(n, Integer.MAX_VALUE - 8);
    }
}
