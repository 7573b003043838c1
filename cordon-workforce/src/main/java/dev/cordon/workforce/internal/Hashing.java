package dev.cordon.workforce.internal;

/** 64-bit hashing for compact keyed tables. */
public final class Hashing {
    private Hashing() {
    }

    /** The murmur3 fmix64 finaliser: a bijection that spreads bits. */
    public static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    /** 64-bit FNV-1a of a string's chars, mixed, with a domain tag so that equal strings of different kinds differ. */
    public static long of(String s, int tag) {
        long h = 0xcbf29ce484222325L ^ tag;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return mix(h);
    }
}
