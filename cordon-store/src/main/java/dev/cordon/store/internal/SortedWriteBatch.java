package dev.cordon.store.internal;

import java.util.Arrays;
import java.util.function.ToIntFunction;

/**
 * Writes collected per column and handed to RocksDB sorted by key, in RocksDB's WriteBatch
 * representation.
 *
 * <p>Design notes. Inserting keys in order into the memtable's skip list keeps its search path
 * in the CPU cache, which measured about three times cheaper per entry than random order on
 * large batches; the sort is stable, so writes to one key keep their order. Entries are copied
 * at once into one growing byte array per column, already laid out as WriteBatch records without
 * the column family id, and indexed by primitive arrays: a group of 50,000 transactions holds
 * about half a million entries, which as objects outlived several young collections and were
 * copied by the collector, and as references stored into old arrays kept G1's remembered-set
 * refinement busy. The caller's key and value arrays die young.
 *
 * <p>The representation ({@code db/write_batch.cc}, also the write-ahead-log record format):
 * sequence (fixed64, 0 here) and count (fixed32, little-endian), then per entry a tag
 * ({@code kTypeColumnFamilyValue} 0x5 or {@code kTypeColumnFamilyDeletion} 0x4), the column
 * family id, then key and value each as varint32 length and bytes. Building it in Java costs
 * one native call per batch instead of one per entry.
 */
final class SortedWriteBatch {
    private static final byte TYPE_CF_DELETION = 0x4;
    private static final byte TYPE_CF_VALUE = 0x5;
    private static final int HEADER = 12;
    /** Columns with fewer entries are merge sorted directly. */
    static final int RADIX_MIN = 256;

    private final Arena[] arenas;
    private int[][] savePoints = new int[8][];
    private int savePointCount;

    /** @param slots one more than the largest column id */
    SortedWriteBatch(int slots) {
        arenas = new Arena[slots];
    }

    void put(Column column, byte[] key, byte[] value) {
        arena(column).add(TYPE_CF_VALUE, key, 0, key.length, value, 0, value.length);
    }

    /** Puts the key {@code entry[0, keyLength)} and the value of {@code valueLength} bytes after it. */
    void put(Column column, byte[] entry, int keyLength, int valueLength) {
        arena(column).add(TYPE_CF_VALUE, entry, 0, keyLength, entry, keyLength, valueLength);
    }

    void delete(Column column, byte[] key) {
        arena(column).add(TYPE_CF_DELETION, key, 0, key.length, null, 0, -1);
    }

    void setSavePoint() {
        int[] marks = new int[arenas.length];
        for (int i = 0; i < arenas.length; i++) {
            marks[i] = arenas[i] == null ? 0 : arenas[i].count;
        }
        if (savePointCount == savePoints.length) {
            savePoints = Arrays.copyOf(savePoints, savePointCount * 2);
        }
        savePoints[savePointCount++] = marks;
    }

    void rollbackToSavePoint() {
        int[] marks = savePoints[--savePointCount];
        for (int i = 0; i < arenas.length; i++) {
            if (arenas[i] != null) {
                arenas[i].truncate(marks[i]);
            }
        }
    }

    /**
     * The batch as a WriteBatch representation, each column's entries sorted by key.
     *
     * @param familyId the RocksDB column family id of a column
     */
    byte[] serialize(ToIntFunction<Column> familyId) {
        long size = HEADER;
        int count = 0;
        for (Column c : Column.values()) {
            Arena a = arenas[c.id()];
            if (a != null && a.count > 0) {
                size += a.used + (long) a.count * varintLength(familyId.applyAsInt(c));
                count += a.count;
            }
        }
        if (size > Integer.MAX_VALUE - 16) {
            throw new IllegalStateException("write batch over 2 GiB: " + size + " bytes");
        }
        byte[] rep = new byte[(int) size];
        rep[8] = (byte) count;
        rep[9] = (byte) (count >>> 8);
        rep[10] = (byte) (count >>> 16);
        rep[11] = (byte) (count >>> 24);
        int pos = HEADER;
        for (Column c : Column.values()) {
            Arena a = arenas[c.id()];
            if (a != null && a.count > 0) {
                pos = a.writeSorted(rep, pos, familyId.applyAsInt(c));
            }
        }
        return rep;
    }

    /** Forgets every entry and save point, keeping the arenas' memory for the next batch. */
    void clear() {
        for (Arena a : arenas) {
            if (a != null) {
                a.truncate(0);
            }
        }
        savePointCount = 0;
    }

    private Arena arena(Column column) {
        Arena a = arenas[column.id()];
        if (a == null) {
            a = new Arena();
            arenas[column.id()] = a;
        }
        return a;
    }

    static int varintLength(int v) {
        int n = 1;
        while ((v & ~0x7f) != 0) {
            v >>>= 7;
            n++;
        }
        return n;
    }

    static int putVarint(byte[] b, int pos, int v) {
        while ((v & ~0x7f) != 0) {
            b[pos++] = (byte) ((v & 0x7f) | 0x80);
            v >>>= 7;
        }
        b[pos++] = (byte) v;
        return pos;
    }

    /**
     * One column's entries: records {@code tag, varint key length, key, [varint value length,
     * value]} back to back in {@code data}; per entry its start, key offset, key length and the
     * key's first 8 bytes as an unsigned number (zero-padded) for cheap comparisons.
     */
    private static final class Arena {
        byte[] data = new byte[1 << 12];
        int used;
        int[] start = new int[64];
        int[] keyOff = new int[64];
        int[] keyLen = new int[64];
        long[] prefix = new long[64];
        /** The key's bytes 8 to 15, zero-padded. */
        long[] prefix2 = new long[64];
        /** Sort buffers kept between batches (see {@link #sortedOrder}): two sets of prefixes and ids. */
        private final long[][] scratch = {new long[0], new long[0], new long[0], new long[0]};
        private final int[][] scratchIds = {new int[0], new int[0]};
        int count;

        /** Adds a record; {@code value} null (length -1) for a deletion. */
        void add(byte tag, byte[] key, int keyOffset, int keyLength, byte[] value, int valueOffset, int valueLength) {
            int need = 1 + 5 + keyLength + (value == null ? 0 : 5 + valueLength);
            if (used + need > data.length) {
                data = Arrays.copyOf(data, Math.max(data.length * 2, used + need));
            }
            if (count == start.length) {
                int n = count * 2;
                start = Arrays.copyOf(start, n);
                keyOff = Arrays.copyOf(keyOff, n);
                keyLen = Arrays.copyOf(keyLen, n);
                prefix = Arrays.copyOf(prefix, n);
                prefix2 = Arrays.copyOf(prefix2, n);
            }
            start[count] = used;
            data[used] = tag;
            int p = putVarint(data, used + 1, keyLength);
            keyOff[count] = p;
            keyLen[count] = keyLength;
            System.arraycopy(key, keyOffset, data, p, keyLength);
            p += keyLength;
            if (value != null) {
                p = putVarint(data, p, valueLength);
                System.arraycopy(value, valueOffset, data, p, valueLength);
                p += valueLength;
            }
            long pre = 0;
            for (int i = 0; i < 8; i++) {
                pre = (pre << 8) | (i < keyLength ? key[keyOffset + i] & 0xff : 0);
            }
            prefix[count] = pre;
            long pre2 = 0;
            for (int i = 8; i < 16; i++) {
                pre2 = (pre2 << 8) | (i < keyLength ? key[keyOffset + i] & 0xff : 0);
            }
            prefix2[count] = pre2;
            used = p;
            count++;
        }

        void truncate(int n) {
            if (n < count) {
                used = start[n];
                count = n;
            }
        }

        int writeSorted(byte[] rep, int pos, int familyId) {
            int[] order = sortedOrder();
            for (int i = 0; i < count; i++) {
                int e = order[i];
                int s = start[e];
                int end = e + 1 < count ? start[e + 1] : used;
                rep[pos++] = data[s];
                pos = putVarint(rep, pos, familyId);
                System.arraycopy(data, s + 1, rep, pos, end - s - 1);
                pos += end - s - 1;
            }
            return pos;
        }

        /**
         * Entry numbers in key order (the first {@link #count} of the array, which is reused by
         * the next sort), stable: a least-significant-digit radix sort of the keys'
         * first 16 bytes, a byte per pass, skipping the bytes every key shares (the chain, the
         * high bytes of small ids and numbers, padding), then a merge sort by whole key of each
         * run of equal 16-byte prefixes (keys that long are rare: address texts). Sixteen bytes
         * cover the store's number-keyed columns whole (SPENDS is 13 bytes, ADDRESS_HISTORY 13);
         * with eight, runs of 256 transaction numbers tied. On a group of 150,000 transactions
         * (1.6 million entries) a merge sort alone spent most of its time waiting for the keys
         * it compared to come from memory.
         */
        int[] sortedOrder() {
            int n = count;
            if (n < RADIX_MIN) {
                int[] order = new int[n];
                for (int i = 0; i < n; i++) {
                    order[i] = i;
                }
                mergeSort(order, new int[n], 0, n);
                return order;
            }
            int[][] counts = new int[16][256];
            for (int i = 0; i < n; i++) {
                long lo = prefix2[i];
                long hi = prefix[i];
                for (int d = 0; d < 8; d++) {
                    counts[d][(int) (lo >>> (d << 3)) & 0xff]++;
                    counts[d + 8][(int) (hi >>> (d << 3)) & 0xff]++;
                }
            }
            // two sets of sort buffers are kept with the arena, which is reused from group to
            // group: allocated per sort, arrays of this size are garbage that G1 handles apart
            // (humongous objects), and they started marking cycles
            if (scratch[0].length < n) {
                int cap = Math.max(n, scratch[0].length * 2);
                for (int k = 0; k < 4; k++) {
                    scratch[k] = new long[cap];
                }
                scratchIds[0] = new int[cap];
                scratchIds[1] = new int[cap];
            }
            long[] his = scratch[0];
            long[] los = scratch[1];
            int[] ids = scratchIds[0];
            System.arraycopy(prefix, 0, his, 0, n);
            System.arraycopy(prefix2, 0, los, 0, n);
            for (int i = 0; i < n; i++) {
                ids[i] = i;
            }
            long[] hisOut = scratch[2];
            long[] losOut = scratch[3];
            int[] idsOut = scratchIds[1];
            for (int d = 0; d < 16; d++) {
                int[] c = counts[d];
                int shift = (d & 7) << 3;
                long[] digits = d < 8 ? los : his;
                if (c[(int) (digits[0] >>> shift) & 0xff] == n) {
                    continue; // every key has this byte
                }
                int sum = 0;
                for (int b = 0; b < 256; b++) {
                    int k = c[b];
                    c[b] = sum;
                    sum += k;
                }
                for (int i = 0; i < n; i++) {
                    int at = c[(int) (digits[i] >>> shift) & 0xff]++;
                    hisOut[at] = his[i];
                    losOut[at] = los[i];
                    idsOut[at] = ids[i];
                }
                long[] t = his;
                his = hisOut;
                hisOut = t;
                t = los;
                los = losOut;
                losOut = t;
                int[] ti = ids;
                ids = idsOut;
                idsOut = ti;
            }
            int[] tmp = idsOut;
            for (int from = 0; from < n; ) {
                int to = from + 1;
                while (to < n && his[to] == his[from] && los[to] == los[from]) {
                    to++;
                }
                if (to - from > 1) {
                    mergeSort(ids, tmp, from, to);
                }
                from = to;
            }
            return ids;
        }

        /** Stable merge sort of entry numbers in {@code a[from, to)} by key. */
        private void mergeSort(int[] a, int[] tmp, int from, int to) {
            int n = to - from;
            if (n < 24) {
                for (int i = from + 1; i < to; i++) {
                    int x = a[i];
                    int j = i - 1;
                    while (j >= from && compare(a[j], x) > 0) {
                        a[j + 1] = a[j];
                        j--;
                    }
                    a[j + 1] = x;
                }
                return;
            }
            int mid = (from + to) >>> 1;
            mergeSort(a, tmp, from, mid);
            mergeSort(a, tmp, mid, to);
            if (compare(a[mid - 1], a[mid]) <= 0) {
                return;
            }
            System.arraycopy(a, from, tmp, from, n);
            int i = from;
            int j = mid;
            for (int k = from; k < to; k++) {
                if (j >= to || i < mid && compare(tmp[i], tmp[j]) <= 0) {
                    a[k] = tmp[i++];
                } else {
                    a[k] = tmp[j++];
                }
            }
        }

        private int compare(int x, int y) {
            int c = Long.compareUnsigned(prefix[x], prefix[y]);
            if (c != 0) {
                return c;
            }
            c = Long.compareUnsigned(prefix2[x], prefix2[y]);
            if (c != 0) {
                return c;
            }
            int ox = keyOff[x];
            int oy = keyOff[y];
            return Arrays.compareUnsigned(data, ox, ox + keyLen[x], data, oy, oy + keyLen[y]);
        }
    }
}
