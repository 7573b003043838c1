package dev.cordon.workforce;

import dev.cordon.workforce.internal.Hashing;
import java.util.Arrays;

/**
 * Dense integer ids for account names, so that detectors keep per-account state in primitive
 * arrays indexed by id. Ids start at 0 and are never reused. Not thread-safe.
 *
 * <p>Design notes: this lookup runs once per login, so it is an open-addressing table of longs
 * (the name's hash code in the upper half, id + 1 in the lower) with linear probing at a load
 * factor of at most 1/2: a lookup reads one slot, usually in one cache line, and compares the
 * stored name only when the 32-bit hash codes agree. No boxing, no entry objects; 16 bytes of
 * table per account plus the name.
 */
public final class Accounts {
    private long[] slots = new long[2048];
    private String[] names = new String[1024];
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
                int id = (int) s - 1;
                String n = names[id];
                if (n == account || n.equals(account)) {
                    return id;
                }
            }
        }
    }

    private int add(String account, int h, int slot) {
        int id = size++;
        if (id == names.length) {
            names = Arrays.copyOf(names, names.length * 2);
        }
        names[id] = account;
        slots[slot] = ((long) h << 32) | (id + 1L);
        if (size * 2 > slots.length) {
            rehash();
        }
        return id;
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
            if ((int) (s >>> 32) == h && names[(int) s - 1].equals(account)) {
                return (int) s - 1;
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
