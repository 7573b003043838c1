package dev.cordon.intel;

import dev.cordon.core.Address;
import dev.cordon.core.Label;
import dev.cordon.core.LabelSubject;
import dev.cordon.intel.store.LabelStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An in-memory index of the address labels open at one time, for screening at line rate.
 *
 * <h2>Design notes</h2>
 * Open addressing with linear probing over a power-of-two table of longs, each holding the
 * upper 40 bits of a 64-bit fingerprint of (chain, address text) and the entry index, so a probe
 * touches one cache line; a hit is confirmed by comparing the text, so fingerprint collisions
 * cost a probe, never a wrong answer. Lookups allocate nothing and box nothing: one hash of the
 * address characters and, typically, one probe. Labels of one address are stored contiguously,
 * strongest first. Immutable once built, so any number of threads may read it.
 */
public final class LabelIndex {
    private static final long SLOT_MASK = (1L << 24) - 1;
    /** Per table cell: the fingerprint's upper 40 bits and 1 + the entry index in the lower 24; 0 is empty. */
    private final long[] table;
    private final String[] texts;
    private final int[] firstLabel;
    private final int[] labelCount;
    private final byte[] chains;
    private final Label[] labels;
    private final int mask;

    private LabelIndex(List<List<Label>> groups) {
        int n = groups.size();
        int cap = Integer.highestOneBit(Math.max(4, n * 2 - 1)) << 1;
        if (n >= SLOT_MASK) {
            throw new IllegalArgumentException("a label index holds at most " + (SLOT_MASK - 1) + " addresses");
        }
        table = new long[cap];
        mask = cap - 1;
        texts = new String[n];
        firstLabel = new int[n];
        labelCount = new int[n];
        chains = new byte[n];
        List<Label> all = new ArrayList<>();
        for (int g = 0; g < n; g++) {
            List<Label> ls = groups.get(g);
            LabelSubject s = ls.get(0).subject();
            texts[g] = s.text();
            chains[g] = (byte) s.chain().id();
            firstLabel[g] = all.size();
            labelCount[g] = ls.size();
            all.addAll(ls);
            long fp = fingerprint(s.chain().id(), s.text());
            int i = (int) fp & mask;
            while (table[i] != 0) {
                i = (i + 1) & mask;
            }
            table[i] = (fp & ~SLOT_MASK) | (g + 1);
        }
        labels = all.toArray(new Label[0]);
    }

    /** Indexes the address labels of {@code store} that are open at {@code at}. */
    public static LabelIndex of(LabelStore store, Instant at) {
        List<List<Label>> groups = new ArrayList<>();
        List<Label> cur = new ArrayList<>();
        store.forEachLabel(l -> {
            if (!(l.subject() instanceof LabelSubject.OfAddress) || !l.isActiveAt(at)) {
                return;
            }
            if (!cur.isEmpty() && !cur.get(0).subject().equals(l.subject())) {
                groups.add(sorted(cur));
                cur.clear();
            }
            cur.add(l);
        });
        if (!cur.isEmpty()) {
            groups.add(sorted(cur));
        }
        return new LabelIndex(groups);
    }

    private static List<Label> sorted(List<Label> ls) {
        List<Label> copy = new ArrayList<>(ls);
        copy.sort(Labels.STRONGEST_FIRST);
        return copy;
    }

    /** Number of labelled addresses. */
    public int size() {
        return texts.length;
    }

    /** Index of the address's entry, or -1 when unlabelled. Allocation-free. */
    public int find(Address a) {
        String text = a.value();
        long fp = fingerprint(a.chain().id(), text);
        int i = (int) fp & mask;
        long high = fp & ~SLOT_MASK;
        while (true) {
            long cell = table[i];
            if (cell == 0) {
                return -1;
            }
            int e = (int) (cell & SLOT_MASK) - 1;
            if ((cell & ~SLOT_MASK) == high && chains[e] == a.chain().id() && texts[e].equals(text)) {
                return e;
            }
            i = (i + 1) & mask;
        }
    }

    /** The strongest open label of the address. */
    public Optional<Label> strongest(Address a) {
        int e = find(a);
        return e < 0 ? Optional.empty() : Optional.of(labels[firstLabel[e]]);
    }

    /** Every open label of the address, strongest first. */
    public List<Label> labels(Address a) {
        int e = find(a);
        if (e < 0) {
            return List.of();
        }
        List<Label> out = new ArrayList<>(labelCount[e]);
        for (int i = 0; i < labelCount[e]; i++) {
            out.add(labels[firstLabel[e] + i]);
        }
        return out;
    }

    /**
     * 64-bit fingerprint of (chain, text): {@link String#hashCode()} (which the JVM caches in the
     * string, so a repeated query costs no scan) spread by the murmur3 finaliser, with the chain
     * in the high bits.
     */
    static long fingerprint(int chain, String text) {
        long h = (text.hashCode() & 0xffffffffL) | ((long) chain << 32);
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }
}
