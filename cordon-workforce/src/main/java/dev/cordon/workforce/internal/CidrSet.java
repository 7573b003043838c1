package dev.cordon.workforce.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An immutable set of IP ranges with O(log n) membership. IPv4 ranges are kept as sorted, merged
 * [start, end] pairs of unsigned 32-bit values; IPv6 ranges as sorted, merged 128-bit pairs. Each
 * range carries a label id; where ranges of different labels overlap, the one that starts first
 * (or, starting together, was added first) keeps the overlap.
 */
public final class CidrSet {
    private final long[] v4Start;
    private final long[] v4End;
    private final int[] v4Label;
    private final long[] v6StartHi;
    private final long[] v6StartLo;
    private final long[] v6EndHi;
    private final long[] v6EndLo;
    private final int[] v6Label;

    private CidrSet(Builder b) {
        List<long[]> v4 = sortMerge4(b.v4);
        v4Start = new long[v4.size()];
        v4End = new long[v4.size()];
        v4Label = new int[v4.size()];
        for (int i = 0; i < v4.size(); i++) {
            v4Start[i] = v4.get(i)[0];
            v4End[i] = v4.get(i)[1];
            v4Label[i] = (int) v4.get(i)[2];
        }
        List<long[]> v6 = sortMerge6(b.v6);
        v6StartHi = new long[v6.size()];
        v6StartLo = new long[v6.size()];
        v6EndHi = new long[v6.size()];
        v6EndLo = new long[v6.size()];
        v6Label = new int[v6.size()];
        for (int i = 0; i < v6.size(); i++) {
            long[] r = v6.get(i);
            v6StartHi[i] = r[0];
            v6StartLo[i] = r[1];
            v6EndHi[i] = r[2];
            v6EndLo[i] = r[3];
            v6Label[i] = (int) r[4];
        }
    }

    /** Number of merged ranges. */
    public int size() {
        return v4Start.length + v6StartHi.length;
    }

    /** The label of the range holding {@code ip}, or -1. */
    public int label(Ip ip) {
        if (ip.isV4()) {
            long a = ip.v4();
            int i = upper(v4Start, a);
            return i >= 0 && a <= v4End[i] ? v4Label[i] : -1;
        }
        int lo = 0;
        int hi = v6StartHi.length - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (cmp(v6StartHi[mid], v6StartLo[mid], ip.hi(), ip.lo()) <= 0) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found >= 0 && cmp(ip.hi(), ip.lo(), v6EndHi[found], v6EndLo[found]) <= 0 ? v6Label[found] : -1;
    }

    public boolean contains(Ip ip) {
        return label(ip) >= 0;
    }

    private static int upper(long[] starts, long a) {
        int i = Arrays.binarySearch(starts, a);
        return i >= 0 ? i : -i - 2;
    }

    private static int cmp(long ahi, long alo, long bhi, long blo) {
        int c = Long.compareUnsigned(ahi, bhi);
        return c != 0 ? c : Long.compareUnsigned(alo, blo);
    }

    private static List<long[]> sortMerge4(List<long[]> in) {
        List<long[]> s = new ArrayList<>(in);
        s.sort((x, y) -> x[0] != y[0] ? Long.compare(x[0], y[0]) : Long.compare(x[3], y[3]));
        List<long[]> out = new ArrayList<>();
        for (long[] r : s) {
            long[] last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && r[0] <= last[1] + 1 && (r[2] == last[2] || r[1] <= last[1])) {
                last[1] = Math.max(last[1], r[1]);
            } else if (last != null && r[0] <= last[1]) {
                if (r[1] > last[1]) {
                    out.add(new long[] {last[1] + 1, r[1], r[2], r[3]});
                }
            } else {
                out.add(r.clone());
            }
        }
        return out;
    }

    private static List<long[]> sortMerge6(List<long[]> in) {
        List<long[]> s = new ArrayList<>(in);
        s.sort((x, y) -> {
            int c = cmp(x[0], x[1], y[0], y[1]);
            return c != 0 ? c : Long.compare(x[5], y[5]);
        });
        List<long[]> out = new ArrayList<>();
        for (long[] r : s) {
            long[] last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && cmp(r[0], r[1], last[2], last[3]) <= 0) {
                if (cmp(r[2], r[3], last[2], last[3]) > 0) {
                    if (r[4] == last[4]) {
                        last[2] = r[2];
                        last[3] = r[3];
                    } else {
                        long nlo = last[3] + 1;
                        long nhi = nlo == 0 ? last[2] + 1 : last[2];
                        out.add(new long[] {nhi, nlo, r[2], r[3], r[4], r[5]});
                    }
                }
            } else {
                out.add(r.clone());
            }
        }
        return out;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects ranges; not thread-safe. */
    public static final class Builder {
        private final List<long[]> v4 = new ArrayList<>();
        private final List<long[]> v6 = new ArrayList<>();
        private long order;

        /**
         * Adds {@code a.b.c.d/n}, {@code x:y::/n} or a single address.
         *
         * @return false when the text is not a valid range (nothing is added)
         */
        public boolean add(String cidr, int label) {
            String t = cidr.trim();
            int slash = t.indexOf('/');
            Ip ip = Ip.parse(slash < 0 ? t : t.substring(0, slash));
            if (ip == null) {
                return false;
            }
            int max = ip.isV4() ? 32 : 128;
            int bits = max;
            if (slash >= 0) {
                try {
                    bits = Integer.parseInt(t.substring(slash + 1));
                } catch (NumberFormatException e) {
                    return false;
                }
                if (bits < 0 || bits > max) {
                    return false;
                }
            }
            if (ip.isV4()) {
                long mask = bits == 0 ? 0 : (0xFFFF_FFFFL << (32 - bits)) & 0xFFFF_FFFFL;
                long start = ip.v4() & mask;
                v4.add(new long[] {start, start | (~mask & 0xFFFF_FFFFL), label, order++});
            } else {
                long maskHi = bits >= 64 ? -1L : bits == 0 ? 0 : -1L << (64 - bits);
                long maskLo = bits <= 64 ? 0 : bits == 128 ? -1L : -1L << (128 - bits);
                v6.add(new long[] {ip.hi() & maskHi, ip.lo() & maskLo, ip.hi() | ~maskHi, ip.lo() | ~maskLo, label,
                    order++});
            }
            return true;
        }

        public CidrSet build() {
            return new CidrSet(this);
        }
    }
}
