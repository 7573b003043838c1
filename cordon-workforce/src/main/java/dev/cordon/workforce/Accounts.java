package dev.cordon.workforce;

import dev.cordon.workforce.internal.Grow;
import dev.cordon.workforce.internal.Hashing;
import java.util.Arrays;

/**
 * Dense integer ids for account names, so that detectors keep per-account state in primitive
 * arrays indexed by id. Ids start at 0 and are never reused. Not thread-safe.
 *
 * <p>Design notes: this lookup runs once per login over more accounts than the caches hold, so it
 * is laid out to cost two cache misses: an open-addressing table of longs (the name's hash code in
 * the upper half, in the lower the position + 1 of the account's entry in a byte arena) with linear
 * probing at a load factor of at most 1/2, and the arena entry itself: the id (4 bytes), the name's
 * length (2 bytes) and its characters as Latin-1 bytes, compared in place. The name is compared only
 * when the 32-bit hash codes agree. A name with a character above U+00FF or longer than 65,534
 * characters is stored with length {@value #WIDE} and compared as the {@code String} kept for
 * {@link #name}. No boxing, no entry objects: 16 bytes of table and 6 + length bytes of arena per
 * account, plus the name.
 */
public final class Accounts {
    private static final int WIDE = 0xFFFF;
    private static final int HEADER = 6;

    private long[] slots = new long[2048];
    private String[] names = new String[1024];
    private byte[] arena = new byte[1 << 14];
    private int arenaSize;
    private int size;

    /** The id of the account, assigning the next one on first sight. */
    public int id(String account) {
        int h = account.hashCode();
        int mask = slots.length - 1;
        for (int i = spread(h) & mask; ; i = (i + 1) & mask) {
            long s = slots[i];
            if (s == 0) {
                return add(account, h, i);
            }
            if ((int) (s >>> 32) == h) {
                int id = matching((int) s - 1, account);
                if (id >= 0) {
                    return id;
                }
            }
        }
    }

    /** The id in the arena entry at {@code at} when its name is {@code account}, else -1. */
    private int matching(int at, String account) {
        byte[] a = arena;
        int id = (a[at] & 0xFF) | (a[at + 1] & 0xFF) << 8 | (a[at + 2] & 0xFF) << 16 | a[at + 3] << 24;
        int len = (a[at + 4] & 0xFF) | (a[at + 5] & 0xFF) << 8;
        if (len == WIDE) {
            return names[id].equals(account) ? id : -1;
        }
        if (len != account.length()) {
            return -1;
        }
        int from = at + HEADER;
        for (int k = 0; k < len; k++) {
            if ((a[from + k] & 0xFF) != account.charAt(k)) {
                return -1;
            }
        }
        return id;
    }

    private int add(String account, int h, int slot) {
        int id = size++;
        if (id == names.length) {
            names = Arrays.copyOf(names, names.length * 2);
        }
        names[id] = account;
        slots[slot] = ((long) h << 32) | (append(id, account) + 1L);
        if (size * 2 > slots.length) {
            rehash();
        }
        return id;
    }

    /** Appends the arena entry of {@code id}; returns its position. */
    private int append(int id, String account) {
        int len = account.length();
        boolean latin1 = len < WIDE;
        for (int k = 0; k < len && latin1; k++) {
            latin1 = account.charAt(k) <= 0xFF;
        }
        int stored = latin1 ? len : 0;
        int at = arenaSize;
        if (at + HEADER + stored > arena.length) {
            arena = Arrays.copyOf(arena, Grow.capacity(arena.length, at + HEADER + stored));
        }
        arena[at] = (byte) id;
        arena[at + 1] = (byte) (id >>> 8);
        arena[at + 2] = (byte) (id >>> 16);
        arena[at + 3] = (byte) (id >>> 24);
        int l = latin1 ? len : WIDE;
        arena[at + 4] = (byte) l;
        arena[at + 5] = (byte) (l >>> 8);
        for (int k = 0; k < stored; k++) {
            arena[at + HEADER + k] = (byte) account.charAt(k);
        }
        arenaSize = at + HEADER + stored;
        return at;
    }

    private void rehash() {
        long[] old = slots;
        slots = new long[old.length * 2];
        int mask = slots.length - 1;
        for (long s : old) {
            if (s != 0) {
                int i = spread((int) (s >>> 32)) & mask;
                while (slots[i] != 0) {
                    i = (i + 1) & mask;
                }
                slots[i] = s;
            }
        }
    }

    private static int spread(int h) {
        return (int) Hashing.mix(h);
    }

    /** The id, or -1 when never seen. */
    public int find(String account) {
        int h = account.hashCode();
        int mask = slots.length - 1;
        for (int i = spread(h) & mask; ; i = (i + 1) & mask) {
            long s = slots[i];
            if (s == 0) {
                return -1;
            }
            if ((int) (s >>> 32) == h) {
                int id = matching((int) s - 1, account);
                if (id >= 0) {
                    return id;
                }
            }
        }
    }

    public String name(int id) {
        if (id < 0 || id >= size) {
            throw new IllegalArgumentException("no account with id " + id);
        }
        return names[id];
    }

    public int size() {
        return size;
    }
}
