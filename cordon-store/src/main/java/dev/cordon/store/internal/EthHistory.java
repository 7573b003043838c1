package dev.cordon.store.internal;

import dev.cordon.core.ErrorCode;
import dev.cordon.store.StoreException;
import java.util.Arrays;

/**
 * ETH_ADDRESS_HISTORY entries: one per (address, transaction), keyed by the address id and the
 * transaction's first transfer number, valued by the address's transfers in that transaction.
 * The value is a run of unsigned LEB128 varints, one per transfer in chain order, each
 * {@code (gap << 2) | flags}: {@code gap} is the transfer's number minus the previous one's
 * (minus the key's number for the first), {@code flags} 1 sent, 2 received, 3 both (a transfer
 * to itself).
 *
 * <p>Design notes. A transaction's transfers are a contiguous range of numbers, so the gaps
 * are small and most values are a few bytes; a mainnet transaction's parties usually appear in
 * several of its transfers (the sender, a router, a pool), so this writes about a third of the
 * entries that one per transfer and party would. An instance collects one transaction at a time
 * ({@link #add}, then {@link #flush}) and is reused; it allocates only the values it writes.
 */
final class EthHistory {
    /** Flags of a transfer in an entry. */
    static final int SENT = 1;
    static final int RECEIVED = 2;

    /** Per event: address id (high 32 bits), then offset within the transaction and flags. */
    private long[] events = new long[64];
    private int size;
    private byte[] buf = new byte[64];

    /**
     * Records that the transfer {@code offset} (0 for the transaction's first, below 2^30) of the
     * current transaction touches {@code addressId} (non-negative) with {@code flags}.
     */
    void add(int addressId, int offset, int flags) {
        if (size == events.length) {
            events = Arrays.copyOf(events, size * 2);
        }
        events[size++] = (long) addressId << 32 | (long) offset << 2 | flags;
    }

    /**
     * Writes the current transaction's entries (its first transfer is number {@code txFirstSeq})
     * into {@code batch} and starts the next transaction.
     */
    void flush(KeyValueStore.Batch batch, long txFirstSeq) {
        Arrays.sort(events, 0, size);
        int i = 0;
        while (i < size) {
            int addr = (int) (events[i] >>> 32);
            int len = 0;
            long prev = 0;
            for (; i < size && (int) (events[i] >>> 32) == addr; i++) {
                long offset = (events[i] & 0xffffffffL) >>> 2;
                int flags = (int) events[i] & 3;
                while (i + 1 < size && events[i + 1] >>> 2 == events[i] >>> 2) {
                    flags |= (int) events[++i] & 3;
                }
                len = putVarint((offset - prev) << 2 | flags, len);
                prev = offset;
            }
            batch.put(Column.ETH_ADDRESS_HISTORY, EthKeys.history(addr, txFirstSeq), Arrays.copyOf(buf, len));
        }
        size = 0;
    }

    private int putVarint(long v, int at) {
        if (at + 10 > buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        while (v >= 0x80) {
            buf[at++] = (byte) (v | 0x80);
            v >>>= 7;
        }
        buf[at++] = (byte) v;
        return at;
    }

    /**
     * The transfer numbers of one entry, ascending.
     *
     * @param keySeq the entry key's transfer number
     * @throws StoreException with {@link ErrorCode#STORE} for a value that is empty or cut short
     */
    static long[] seqs(long keySeq, byte[] value) {
        long[] out = new long[value.length];
        int n = 0;
        long seq = keySeq;
        int i = 0;
        while (i < value.length) {
            long v = 0;
            int shift = 0;
            byte b;
            do {
                if (i == value.length || shift > 56) {
                    throw bad(value.length);
                }
                b = value[i++];
                v |= (long) (b & 0x7f) << shift;
                shift += 7;
            } while (b < 0);
            seq += v >>> 2;
            out[n++] = seq;
        }
        if (n == 0) {
            throw bad(0);
        }
        return Arrays.copyOf(out, n);
    }

    private static StoreException bad(int length) {
        return new StoreException(ErrorCode.STORE, "an ETH_ADDRESS_HISTORY record of " + length + " bytes is malformed");
    }
}
