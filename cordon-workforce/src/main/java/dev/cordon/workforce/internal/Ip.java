package dev.cordon.workforce.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An IP address as two longs: IPv4 as the IPv4-mapped IPv6 address {@code ::ffff:a.b.c.d}.
 * Parsing accepts only literals (never resolves names), so it is safe on untrusted input.
 *
 * @param hi upper 64 bits
 * @param lo lower 64 bits
 */
public record Ip(long hi, long lo) {
    private static final long V4_MAPPED_HI = 0L;
    private static final long V4_MAPPED_LO_PREFIX = 0x0000_FFFF_0000_0000L;

    public boolean isV4() {
        return hi == V4_MAPPED_HI && (lo & 0xFFFF_FFFF_0000_0000L) == V4_MAPPED_LO_PREFIX;
    }

    /** The IPv4 address as an unsigned int in a long; only when {@link #isV4()}. */
    public long v4() {
        return lo & 0xFFFF_FFFFL;
    }

    /** A 64-bit key for hash tables (not unique for IPv6, but collisions are negligible). */
    public long key() {
        return isV4() ? lo : Hashing.mix(hi * 0x9E3779B97F4A7C15L ^ lo);
    }

    /**
     * Loopback, private (RFC 1918), link-local, CGNAT, multicast/reserved, documentation (RFC 5737,
     * RFC 3849), unique-local or unspecified: addresses no real login comes from over the internet.
     */
    public boolean isPrivate() {
        if (isV4()) {
            long a = v4();
            int o1 = (int) (a >>> 24);
            int o2 = (int) ((a >>> 16) & 0xFF);
            int o3 = (int) ((a >>> 8) & 0xFF);
            boolean documentation = (o1 == 192 && o2 == 0 && o3 == 2) || (o1 == 198 && o2 == 51 && o3 == 100)
                    || (o1 == 203 && o2 == 0 && o3 == 113);
            return documentation || o1 == 10 || o1 == 127 || o1 == 0 || (o1 == 172 && o2 >= 16 && o2 <= 31)
                    || (o1 == 192 && o2 == 168) || (o1 == 169 && o2 == 254) || (o1 == 100 && o2 >= 64 && o2 <= 127)
                    || o1 >= 224;
        }
        int top16 = (int) (hi >>> 48);
        boolean documentation = (hi >>> 32) == 0x2001_0DB8L;
        return documentation || (hi == 0 && (lo == 0 || lo == 1)) || (top16 & 0xFE00) == 0xFC00 || (top16 & 0xFFC0) == 0xFE80
                || (top16 & 0xFF00) == 0xFF00;
    }

    public InetAddress toInetAddress() {
        byte[] b;
        if (isV4()) {
            long a = v4();
            b = new byte[] {(byte) (a >>> 24), (byte) (a >>> 16), (byte) (a >>> 8), (byte) a};
        } else {
            b = new byte[16];
            for (int i = 0; i < 8; i++) {
                b[i] = (byte) (hi >>> (56 - 8 * i));
                b[8 + i] = (byte) (lo >>> (56 - 8 * i));
            }
        }
        try {
            return InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("address of length " + b.length, e);
        }
    }

    /** Parses a literal IPv4 or IPv6 address (with optional zone id and brackets); null if it is not one. */
    public static Ip parse(String s) {
        if (s == null || s.isEmpty() || s.length() > 64) {
            return null;
        }
        String t = s;
        if (t.charAt(0) == '[' && t.charAt(t.length() - 1) == ']') {
            t = t.substring(1, t.length() - 1);
        }
        int zone = t.indexOf('%');
        if (zone >= 0) {
            t = t.substring(0, zone);
        }
        if (t.indexOf(':') < 0) {
            long v4 = parseV4(t, 0, t.length());
            return v4 < 0 ? null : new Ip(0, V4_MAPPED_LO_PREFIX | v4);
        }
        return parseV6(t);
    }

    /** Dotted quad in {@code s[from,to)} as an unsigned value, or -1. */
    static long parseV4(String s, int from, int to) {
        long v = 0;
        int parts = 0;
        int i = from;
        while (i < to) {
            int start = i;
            int octet = 0;
            while (i < to && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                octet = octet * 10 + (s.charAt(i) - '0');
                if (octet > 255 || i - start >= 3) {
                    return -1;
                }
                i++;
            }
            if (i == start) {
                return -1;
            }
            v = (v << 8) | octet;
            parts++;
            if (i < to) {
                if (s.charAt(i) != '.' || parts == 4) {
                    return -1;
                }
                i++;
                if (i == to) {
                    return -1;
                }
            }
        }
        return parts == 4 ? v : -1;
    }

    private static Ip parseV6(String s) {
        int[] groups = new int[8];
        int n = 0;
        int gap = -1;
        int i = 0;
        int len = s.length();
        if (s.startsWith("::")) {
            gap = 0;
            i = 2;
        } else if (s.startsWith(":")) {
            return null;
        }
        while (i < len) {
            int start = i;
            int v = 0;
            while (i < len && Character.digit(s.charAt(i), 16) >= 0 && i - start < 4) {
                v = (v << 4) | Character.digit(s.charAt(i), 16);
                i++;
            }
            if (i < len && s.charAt(i) == '.') {
                long v4 = parseV4(s, start, len);
                if (v4 < 0 || n > 6) {
                    return null;
                }
                groups[n++] = (int) (v4 >>> 16);
                groups[n++] = (int) (v4 & 0xFFFF);
                i = len;
                break;
            }
            if (i == start || n == 8) {
                return null;
            }
            groups[n++] = v;
            if (i == len) {
                break;
            }
            if (s.charAt(i) != ':') {
                return null;
            }
            i++;
            if (i < len && s.charAt(i) == ':') {
                if (gap >= 0) {
                    return null;
                }
                gap = n;
                i++;
            } else if (i == len) {
                return null;
            }
        }
        if (gap < 0 && n != 8 || gap >= 0 && n > 7) {
            return null;
        }
        int[] full = new int[8];
        if (gap < 0) {
            full = groups;
        } else {
            int tail = n - gap;
            System.arraycopy(groups, 0, full, 0, gap);
            System.arraycopy(groups, gap, full, 8 - tail, tail);
        }
        long hi = 0;
        long lo = 0;
        for (int k = 0; k < 4; k++) {
            hi = (hi << 16) | full[k];
            lo = (lo << 16) | full[4 + k];
        }
        return new Ip(hi, lo);
    }

    @Override
    public String toString() {
        return toInetAddress().getHostAddress();
    }
}
