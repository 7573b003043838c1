package dev.cordon.workforce.internal;

import java.util.Arrays;

/**
 * Open-addressing table from a 64-bit key (a hashed IP, device or phone) to at most
 * {@value #MEMBERS} member accounts, each with its last-seen time and a "reported" bit.
 *
 * <p>Design notes: linear probing over parallel primitive arrays, load factor at most 1/2, no
 * per-entry objects: 8 + 8 * (4 + 4) + 2 bytes per key. When a key already holds
 * {@value #MEMBERS} accounts the stalest is replaced, so memory per key is bounded.
 */
public final class SharedTable {
    public static final int MEMBERS = 8;
    private static final long EMPTY = 0;

    private long[] keys = new long[1024];
    private int[] member = new int[1024 * MEMBERS];
    private int[] seen = new int[1024 * MEMBERS];
    private byte[] count = new byte[1024];
    private byte[] reported = new byte[1024];
    private int size;

    /** Number of keys. */
    public int size() {
        return size;
    }

    public long bytes() {
        return keys.length * (8L + MEMBERS * 8L + 2);
    }

    /**
     * Records that {@code account} used {@code key} at {@code t} (epoch seconds).
     *
     * @return the slot of the key
     */
    public int touch(long key, int account, int t) {
        long k = key == EMPTY ? 1 : key;
        if (size * 2 >= keys.length) {
            rehash();
        }
        int slot = find(k);
        if (keys[slot] != k) {
            keys[slot] = k;
            size++;
        }
        int base = slot * MEMBERS;
        int n = count[slot];
        for (int i = 0; i < n; i++) {
            if (member[base + i] == account) {
                seen[base + i] = Math.max(seen[base + i], t);
                return slot;
            }
        }
        if (n < MEMBERS) {
            member[base + n] = account;
            seen[base + n] = t;
            count[slot] = (byte) (n + 1);
            return slot;
        }
        int stalest = 0;
        for (int i = 1; i < MEMBERS; i++) {
            if (seen[base + i] < seen[base + stalest]) {
                stalest = i;
            }
        }
        member[base + stalest] = account;
        seen[base + stalest] = t;
        reported[slot] &= (byte) ~(1 << stalest);
        return slot;
    }

    /**
     * Reads, without changing anything, the slot {@link #touch} starts from for {@code key} (its
     * key, count, first member and time), so that their cache misses can overlap other work; the
     * result has no meaning.
     */
    public int peek(long key) {
        int slot = (int) Hashing.mix(key == EMPTY ? 1 : key) & (keys.length - 1);
        return (int) keys[slot] + count[slot] + member[slot * MEMBERS] + seen[slot * MEMBERS];
    }

    public int members(int slot) {
        return count[slot];
    }

    public int member(int slot, int i) {
        return member[slot * MEMBERS + i];
    }

    public int seen(int slot, int i) {
        return seen[slot * MEMBERS + i];
    }

    public boolean reported(int slot, int i) {
        return (reported[slot] & (1 << i)) != 0;
    }

    public void markReported(int slot, int i) {
        reported[slot] |= (byte) (1 << i);
    }

    private int find(long k) {
        int mask = keys.length - 1;
        int i = (int) Hashing.mix(k) & mask;
        while (keys[i] != EMPTY && keys[i] != k) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private void rehash() {
        long[] oldKeys = keys;
        int[] oldMember = member;
        int[] oldSeen = seen;
        byte[] oldCount = count;
        byte[] oldReported = reported;
        int cap = oldKeys.length * 2;
        keys = new long[cap];
        member = new int[cap * MEMBERS];
        seen = new int[cap * MEMBERS];
        count = new byte[cap];
        reported = new byte[cap];
        for (int s = 0; s < oldKeys.length; s++) {
            if (oldKeys[s] == EMPTY) {
                continue;
            }
            int slot = find(oldKeys[s]);
            keys[slot] = oldKeys[s];
            count[slot] = oldCount[s];
            reported[slot] = oldReported[s];
            System.arraycopy(oldMember, s * MEMBERS, member, slot * MEMBERS, MEMBERS);
            System.arraycopy(oldSeen, s * MEMBERS, seen, slot * MEMBERS, MEMBERS);
        }
    }

    /** Removes everything. */
    public void clear() {
        Arrays.fill(keys, EMPTY);
        Arrays.fill(count, (byte) 0);
        Arrays.fill(reported, (byte) 0);
        size = 0;
    }
}
