package dev.cordon.core;

/** Lowercase hexadecimal encoding and strict decoding. */
public final class Hex {
    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private Hex() {
    }

    public static String encode(byte[] bytes) {
        return encode(bytes, 0, bytes.length);
    }

    public static String encode(byte[] bytes, int off, int len) {
        char[] out = new char[len * 2];
        for (int i = 0; i < len; i++) {
            int b = bytes[off + i] & 0xff;
            out[2 * i] = DIGITS[b >>> 4];
            out[2 * i + 1] = DIGITS[b & 0xf];
        }
        return new String(out);
    }

    /** Hex of the bytes in reverse order (Bitcoin's display order for hashes). */
    public static String encodeReversed(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[bytes.length - 1 - i] & 0xff;
            out[2 * i] = DIGITS[b >>> 4];
            out[2 * i + 1] = DIGITS[b & 0xf];
        }
        return new String(out);
    }

    /**
     * Decodes hex, with or without a {@code 0x} prefix, either case.
     *
     * @param field named in the error message
     * @throws DecodeException on odd length or a non-hex character, naming its position
     */
    public static byte[] decode(CharSequence text, String field) {
        int start = 0;
        int n = text.length();
        if (n >= 2 && text.charAt(0) == '0' && (text.charAt(1) == 'x' || text.charAt(1) == 'X')) {
            start = 2;
        }
        int len = n - start;
        if ((len & 1) != 0) {
            throw new DecodeException(field, -1, "hex has an odd number of digits (" + len + ")");
        }
        byte[] out = new byte[len / 2];
        for (int i = 0; i < out.length; i++) {
            int hi = digit(text.charAt(start + 2 * i));
            int lo = digit(text.charAt(start + 2 * i + 1));
            if (hi < 0 || lo < 0) {
                int bad = hi < 0 ? start + 2 * i : start + 2 * i + 1;
                throw new DecodeException(field, -1,
                        "not a hex digit '" + text.charAt(bad) + "' at character " + bad);
            }
            out[i] = (byte) ((hi << 4) | lo);
        }
        return out;
    }

    private static int digit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
