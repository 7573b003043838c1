package dev.cordon.intel.account;

import dev.cordon.core.BlockHash;
import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import dev.cordon.core.TransferKind;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The value flows of an account chain (Ethereum: native value, internal calls, fees, token
 * transfers) as a compact graph built for tracing: one entry per flow in chain order (block,
 * transaction index, position), so flow numbers are the chain store's transfer sequence numbers
 * minus {@link #firstSeq}, and per account a singly linked list of the flows it takes part in, in
 * the same order.
 *
 * <p>Design notes. Everything is a primitive array that only grows at its end, so extending the
 * graph as blocks arrive is an append ({@link AccountGraphBuilder}). An account's flows are
 * chained through two "next" links per flow (the next flow of the sender, the next flow of the
 * receiver), which lets a trace walk one account's history forward in time without an index
 * rebuild. Amounts are 126-bit values split into two non-negative longs; the rare larger ones
 * (uint256 token amounts) sit in a side list. Memory per flow: 20 bytes of ids (sender, receiver,
 * asset, height, transaction index), 1 byte of kind, 16 of amount and 8 of links, so
 * <b>45 bytes per flow</b>, plus 8 per account and 8 per block. Arrays are int-indexed: one graph
 * holds up to 2^31 - 1 flows. Not thread-safe for writers; readers may share a graph that is
 * not being extended.
 */
public final class AccountGraph {
    /** No flow: the end of an account's list. */
    public static final int NONE = -1;
    private static final long LOW_MASK = Long.MAX_VALUE;
    private static final int MAX_SPLIT_BITS = 126;

    private long firstSeq = -1;
    private int flows;
    private int[] from = new int[1024];
    private int[] to = new int[1024];
    private int[] asset = new int[1024];
    private int[] height = new int[1024];
    private int[] txIndex = new int[1024];
    private byte[] kind = new byte[1024];
    private long[] amountLow = new long[1024];
    private long[] amountHigh = new long[1024];
    private int[] nextOfSender = new int[1024];
    private int[] nextOfReceiver = new int[1024];
    private final List<BigInteger> huge = new ArrayList<>();
    /** Wrapped-token contracts (WETH): the senders of WRAP and receivers of UNWRAP flows. */
    private final java.util.BitSet converters = new java.util.BitSet();
    /** Assets minted by a converter (WETH): counted in the native asset's books. */
    private final java.util.BitSet wrapped = new java.util.BitSet();
    private int[] firstOf = new int[0];
    private int[] lastOf = new int[0];
    private int accounts;
    private long firstHeight = -1;
    private long[] blockTime = new long[0];
    private long lastHeight = -1;
    private BlockHash lastHash;

    /** Flows held. */
    public int flowCount() {
        return flows;
    }

    /** The chain store sequence number of flow 0, or -1 while the graph is empty. */
    public long firstSeq() {
        return firstSeq;
    }

    /** The store sequence number of a flow. */
    public long seq(int flow) {
        return firstSeq + flow;
    }

    /** One more than the largest account id seen. */
    public int accountCount() {
        return accounts;
    }

    /** The newest block the graph covers, -1 when empty. */
    public long lastHeight() {
        return lastHeight;
    }

    /** The hash of {@link #lastHeight()}, to check the graph against a store after a reorg. */
    public Optional<BlockHash> lastHash() {
        return Optional.ofNullable(lastHash);
    }

    public int from(int flow) {
        return from[flow];
    }

    public int to(int flow) {
        return to[flow];
    }

    public int asset(int flow) {
        return asset[flow];
    }

    public long height(int flow) {
        return height[flow];
    }

    public int txIndex(int flow) {
        return txIndex[flow];
    }

    public TransferKind kind(int flow) {
        return TransferKind.ofId(kind[flow]);
    }

    /** Whether the account is a wrapped-token contract (it minted by WRAP or burnt by UNWRAP). */
    public boolean isConverter(int account) {
        return account >= 0 && converters.get(account);
    }

    /**
     * The other half of a wrap or unwrap through a converter: for a flow into the converter, the
     * flow out of it to the same account, in the same transaction, of the same amount, in the other
     * asset (ETH in, WETH out for a wrap; WETH in, ETH out for an unwrap), and the reverse; or
     * {@link #NONE}. Binary search of the transaction, then a scan of its flows.
     */
    public int partner(int flow) {
        int into = to[flow];
        int out = from[flow];
        int converter = isConverter(into) ? into : isConverter(out) ? out : -1;
        if (converter < 0 || into == out) {
            return NONE;
        }
        int party = converter == into ? out : into;
        int[] range = flowsOfTx(height[flow], txIndex[flow]);
        BigInteger a = amount(flow);
        for (int f = range[0]; f < range[1]; f++) {
            boolean mirrored = converter == into ? from[f] == converter && to[f] == party
                    : to[f] == converter && from[f] == party;
            if (f != flow && mirrored && asset[f] != asset[flow] && (isWrap(f) || isWrap(flow)) && amount(f).equals(a)) {
                return f;
            }
        }
        return NONE;
    }

    private boolean isWrap(int f) {
        return kind[f] == TransferKind.WRAP.id() || kind[f] == TransferKind.UNWRAP.id();
    }

    private void markConverter(int f) {
        if (kind[f] == TransferKind.WRAP.id()) {
            converters.set(from[f]);
            wrapped.set(asset[f]);
        } else if (kind[f] == TransferKind.UNWRAP.id()) {
            converters.set(to[f]);
            wrapped.set(asset[f]);
        }
    }

    /**
     * The asset whose books a flow in {@code assetId} is counted in: the native asset (0) for a
     * wrapped native token (WETH, one for one), else the asset itself.
     */
    public int bookAsset(int assetId) {
        return assetId > 0 && wrapped.get(assetId) ? 0 : assetId;
    }

    /** Whether the flow is a fee (burnt or paid to the block producer). */
    public boolean isFee(int flow) {
        return kind[flow] == TransferKind.FEE_BURN.id() || kind[flow] == TransferKind.FEE_TIP.id();
    }

    /** The flow's amount in base units of its asset. */
    public BigInteger amount(int flow) {
        long hi = amountHigh[flow];
        if (hi == 0) {
            return BigInteger.valueOf(amountLow[flow]);
        }
        if (hi < 0) {
            return huge.get((int) amountLow[flow]);
        }
        return BigInteger.valueOf(hi).shiftLeft(63).or(BigInteger.valueOf(amountLow[flow]));
    }

    /** The high 63 bits of the flow's amount, or -1 when the amount is beyond 126 bits (see {@link #amount}). */
    long amountHigh(int flow) {
        return amountHigh[flow];
    }

    /** The low 63 bits of the flow's amount (meaningless when {@link #amountHigh} is -1). */
    long amountLow(int flow) {
        return amountLow[flow];
    }

    /** The account's first flow, or {@link #NONE}. */
    public int firstFlowOf(int account) {
        return account < accounts ? firstOf[account] : NONE;
    }

    /**
     * The next flow after {@code flow} that {@code account} takes part in, or {@link #NONE}.
     *
     * @param flow a flow whose sender or receiver is {@code account}
     */
    public int nextFlowOf(int account, int flow) {
        return from[flow] == account ? nextOfSender[flow] : nextOfReceiver[flow];
    }

    /** Block time (epoch seconds) of a height the graph has flows in, or -1 when unknown. */
    public long blockTime(long h) {
        long i = h - firstHeight;
        return firstHeight < 0 || i < 0 || i >= blockTime.length ? -1 : blockTime[(int) i];
    }

    /**
     * The flows of one transaction: {@code [first, end)}, empty when the graph has none.
     * Binary search, O(log flows).
     */
    public int[] flowsOfTx(long blockHeight, int index) {
        int lo = lowerBound(blockHeight, index);
        int hi = lowerBound(blockHeight, index + 1L);
        return new int[] {lo, hi};
    }

    private int lowerBound(long h, long index) {
        int lo = 0;
        int hi = flows;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (height[mid] < h || height[mid] == h && txIndex[mid] < index) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * Appends one flow; flows must come in chain order with consecutive sequence numbers.
     * {@link AccountGraphBuilder} feeds it from a chain store; generators and benchmarks may feed
     * it directly.
     *
     * @throws CordonException with {@link ErrorCode#DATA} for a gap or a flow out of order
     */
    public void append(long seq, long h, int index, TransferKind k, int sender, int receiver, int assetId, BigInteger units) {
        if (firstSeq < 0) {
            firstSeq = seq;
            firstHeight = h;
        } else if (seq != firstSeq + flows || h < height[flows - 1]) {
            throw new CordonException(ErrorCode.DATA, "account graph: transfer " + seq + " at block " + h
                    + " does not follow transfer " + (firstSeq + flows - 1) + " at block " + height[flows - 1]);
        }
        if (flows == Integer.MAX_VALUE - 8 || h > Integer.MAX_VALUE) {
            throw new CordonException(ErrorCode.DATA, "account graph is full at transfer " + seq);
        }
        ensureFlowCapacity(flows + 1);
        int f = flows++;
        from[f] = sender;
        to[f] = receiver;
        asset[f] = assetId;
        height[f] = (int) h;
        txIndex[f] = index;
        kind[f] = (byte) k.id();
        setAmount(f, units);
        nextOfSender[f] = NONE;
        nextOfReceiver[f] = NONE;
        markConverter(f);
        link(sender, f);
        if (receiver != sender) {
            link(receiver, f);
        }
    }

    /** Records a block's time and, for the newest block, its hash. */
    public void block(long h, long epochSeconds, BlockHash hash) {
        if (firstHeight < 0) {
            firstHeight = h;
        }
        long i = h - firstHeight;
        if (i >= 0) {
            if (i >= blockTime.length) {
                long[] t = Arrays.copyOf(blockTime, (int) Math.max(i + 1, blockTime.length * 3L / 2 + 16));
                Arrays.fill(t, blockTime.length, t.length, -1);
                blockTime = t;
            }
            blockTime[(int) i] = epochSeconds;
        }
        if (h >= lastHeight) {
            lastHeight = h;
            lastHash = hash;
        }
    }

    private void setAmount(int f, BigInteger units) {
        if (units.signum() < 0) {
            throw new CordonException(ErrorCode.DATA, "account graph: negative amount " + units);
        }
        if (units.bitLength() <= MAX_SPLIT_BITS) {
            amountLow[f] = units.longValue() & LOW_MASK;
            amountHigh[f] = units.shiftRight(63).longValue();
        } else {
            amountLow[f] = huge.size();
            amountHigh[f] = -1;
            huge.add(units);
        }
    }

    private void link(int account, int f) {
        ensureAccountCapacity(account + 1);
        int last = lastOf[account];
        if (last == NONE) {
            firstOf[account] = f;
        } else if (from[last] == account) {
            nextOfSender[last] = f;
            if (to[last] == account) {
                nextOfReceiver[last] = f;
            }
        } else {
            nextOfReceiver[last] = f;
        }
        lastOf[account] = f;
    }

    private void ensureAccountCapacity(int n) {
        if (n > accounts) {
            if (n > firstOf.length) {
                int cap = Math.max(n, firstOf.length + (firstOf.length >> 1));
                int old = firstOf.length;
                firstOf = Arrays.copyOf(firstOf, cap);
                lastOf = Arrays.copyOf(lastOf, cap);
                Arrays.fill(firstOf, old, cap, NONE);
                Arrays.fill(lastOf, old, cap, NONE);
            }
            accounts = n;
        }
    }

    private void ensureFlowCapacity(int n) {
        if (n <= from.length) {
            return;
        }
        int cap = (int) Math.min(Integer.MAX_VALUE - 8L, Math.max(n, from.length + (long) (from.length >> 1)));
        from = Arrays.copyOf(from, cap);
        to = Arrays.copyOf(to, cap);
        asset = Arrays.copyOf(asset, cap);
        height = Arrays.copyOf(height, cap);
        txIndex = Arrays.copyOf(txIndex, cap);
        kind = Arrays.copyOf(kind, cap);
        amountLow = Arrays.copyOf(amountLow, cap);
        amountHigh = Arrays.copyOf(amountHigh, cap);
        nextOfSender = Arrays.copyOf(nextOfSender, cap);
        nextOfReceiver = Arrays.copyOf(nextOfReceiver, cap);
    }

    /** Writes the graph's fields in the layout of {@link AccountGraphFile}. */
    void writeTo(DataOutputStream out, byte[] magic, int version) throws IOException {
        out.write(magic);
        out.writeInt(version);
        int blocks = firstHeight < 0 ? 0 : (int) Math.min(blockTime.length, lastHeight - firstHeight + 1);
        out.writeInt(flows);
        out.writeInt(accounts);
        out.writeInt(blocks);
        out.writeInt(huge.size());
        out.writeLong(firstSeq);
        out.writeLong(firstHeight);
        out.writeLong(lastHeight);
        out.write(lastHash == null ? new byte[32] : lastHash.bytes());
        for (int[] a : new int[][] {from, to, asset, height, txIndex}) {
            writeInts(out, a, flows);
        }
        out.write(kind, 0, flows);
        writeLongs(out, amountLow, flows);
        writeLongs(out, amountHigh, flows);
        writeInts(out, nextOfSender, flows);
        writeInts(out, nextOfReceiver, flows);
        writeInts(out, firstOf, accounts);
        writeInts(out, lastOf, accounts);
        writeLongs(out, blockTime, blocks);
        for (BigInteger h : huge) {
            byte[] b = h.toByteArray();
            int skip = b.length > 1 && b[0] == 0 ? 1 : 0;
            out.writeInt(b.length - skip);
            out.write(b, skip, b.length - skip);
        }
    }

    /** Reads what {@link #writeTo} wrote after the magic and version. */
    static AccountGraph readFrom(DataInputStream in, Path file, long fileSize) throws IOException {
        AccountGraph g = new AccountGraph();
        int n = in.readInt();
        int accounts = in.readInt();
        int blocks = in.readInt();
        int hugeCount = in.readInt();
        if (n < 0 || accounts < 0 || blocks < 0 || hugeCount < 0 || hugeCount > n
                || 45L * n + 8L * accounts + 8L * blocks > fileSize) {
            throw AccountGraphFile.damaged(file);
        }
        g.firstSeq = in.readLong();
        g.firstHeight = in.readLong();
        g.lastHeight = in.readLong();
        byte[] hash = new byte[32];
        in.readFully(hash);
        g.lastHash = AccountGraphFile.hashOrNull(hash);
        g.ensureFlowCapacity(Math.max(n, 1));
        for (int[] a : new int[][] {g.from, g.to, g.asset, g.height, g.txIndex}) {
            readInts(in, a, n);
        }
        in.readFully(g.kind, 0, n);
        readLongs(in, g.amountLow, n);
        readLongs(in, g.amountHigh, n);
        readInts(in, g.nextOfSender, n);
        readInts(in, g.nextOfReceiver, n);
        g.firstOf = new int[accounts];
        g.lastOf = new int[accounts];
        readInts(in, g.firstOf, accounts);
        readInts(in, g.lastOf, accounts);
        g.blockTime = new long[blocks];
        readLongs(in, g.blockTime, blocks);
        for (int i = 0; i < hugeCount; i++) {
            g.huge.add(AccountGraphFile.huge(in));
        }
        g.flows = n;
        g.accounts = accounts;
        for (int f = 0; f < n; f++) {
            g.markConverter(f);
        }
        return g;
    }

    private static void writeInts(DataOutputStream out, int[] a, int n) throws IOException {
        for (int i = 0; i < n; i++) {
            out.writeInt(a[i]);
        }
    }

    private static void writeLongs(DataOutputStream out, long[] a, int n) throws IOException {
        for (int i = 0; i < n; i++) {
            out.writeLong(a[i]);
        }
    }

    private static void readInts(DataInputStream in, int[] a, int n) throws IOException {
        for (int i = 0; i < n; i++) {
            a[i] = in.readInt();
        }
    }

    private static void readLongs(DataInputStream in, long[] a, int n) throws IOException {
        for (int i = 0; i < n; i++) {
            a[i] = in.readLong();
        }
    }

    /** Approximate bytes held by the arrays (for reports and benchmarks). */
    public long memoryBytes() {
        return (long) from.length * 45 + (long) firstOf.length * 8 + blockTime.length * 8L;
    }
}
