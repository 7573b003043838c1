package dev.cordon.workforce.internal;

/** ISO alpha-2 country codes packed into 0..675 so that per-account state can use shorts and bit sets. */
public final class Countries {
    /** Number of packed codes (26 * 26). */
    public static final int CODES = 676;

    private Countries() {
    }

    /** The packed code of an upper-case ISO alpha-2 code, or -1. */
    public static int code(String iso) {
        if (iso.length() != 2) {
            return -1;
        }
        int a = iso.charAt(0) - 'A';
        int b = iso.charAt(1) - 'A';
        return a < 0 || a > 25 || b < 0 || b > 25 ? -1 : a * 26 + b;
    }

    public static String iso(int code) {
        return new String(new char[] {(char) ('A' + code / 26), (char) ('A' + code % 26)});
    }
}
