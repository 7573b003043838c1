package dev.cordon.bitcoin;

import dev.cordon.bitcoin.internal.Sha256;
import dev.cordon.core.DecodeException;
import java.util.Arrays;

/**
 * Base58 and Base58Check, the encoding of legacy Bitcoin addresses: the payload is a version
 * byte and data, followed by the first four bytes of its double SHA-256. Alphabet and rules as in
 * Bitcoin Core {@code src/base58.cpp}; each leading zero byte is one leading {@code '1'}.
 *
 * <p>Running time is quadratic in the length, so decoding refuses text longer than
 * {@link #MAX_TEXT_LENGTH} characters.
 */
public final class Base58 {
    /** The longest text {@link #decode} accepts; addresses and keys are far shorter. */
    public static final int MAX_TEXT_LENGTH = 256;

    private static final char[] ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".toCharArray();
    private static final int[] INDEXES = new int[128];

    static {
        Arrays.fill(INDEXES, -1);
        for (int i = 0; i < ALPHABET.length; i++) {
            INDEXES[ALPHABET[i]] = i;
        }
    }

    private Base58() {
    }

    /** Base58 text of {@code len} bytes of {@code in} from {@code off}. */
    public static String encode(byte[] in, int off, int len) {
        int zeros = 0;
        while (zeros < len && in[off + zeros] == 0) {
            zeros++;
        }
        // little-endian base-58 digits; log(256)/log(58) < 1.37
        byte[] digits = new byte[len * 137 / 100 + 1];
        int used = 0;
        for (int i = zeros; i < len; i++) {
            int carry = in[off + i] & 0xff;
            for (int j = 0; j < used; j++) {
                carry += (digits[j] & 0xff) << 8;
                digits[j] = (byte) (carry % 58);
                carry /= 58;
            }
            while (carry > 0) {
                digits[used++] = (byte) (carry % 58);
                carry /= 58;
            }
        }
        char[] out = new char[zeros + used];
        Arrays.fill(out, 0, zeros, '1');
        for (int i = 0; i < used; i++) {
            out[zeros + i] = ALPHABET[digits[used - 1 - i]];
        }
        return new String(out);
    }

    public static String encode(byte[] in) {
        return encode(in, 0, in.length);
    }

    /**
     * Base58Check text of {@code version || payload || checksum}.
     *
     * @param version one byte, 0..255
     */
    public static String encodeChecked(int version, byte[] payload, int off, int len) {
        if (version < 0 || version > 255) {
            throw new IllegalArgumentException("version must be one byte: " + version);
        }
        byte[] buf = new byte[1 + len + 4];
        buf[0] = (byte) version;
        System.arraycopy(payload, off, buf, 1, len);
        byte[] sum = new byte[32];
        Sha256.get().hashDouble(buf, 0, 1 + len, sum, 0);
        System.arraycopy(sum, 0, buf, 1 + len, 4);
        return encode(buf);
    }

    /**
     * Decodes Base58 text.
     *
     * @throws DecodeException naming the first character outside the alphabet, or when the text is
     *                         longer than {@link #MAX_TEXT_LENGTH}
     */
    public static byte[] decode(CharSequence text) {
        int n = text.length();
        if (n > MAX_TEXT_LENGTH) {
            throw new DecodeException("base58", -1, "text of " + n + " characters is too long");
        }
        int zeros = 0;
        while (zeros < n && text.charAt(zeros) == '1') {
            zeros++;
        }
        byte[] bytes = new byte[n]; // little-endian base-256, 58 < 256 so n bytes suffice
        int used = 0;
        for (int i = zeros; i < n; i++) {
            char c = text.charAt(i);
            int digit = c < 128 ? INDEXES[c] : -1;
            if (digit < 0) {
                throw new DecodeException("base58", -1, "invalid character '" + c + "' at position " + i);
            }
            int carry = digit;
            for (int j = 0; j < used; j++) {
                carry += (bytes[j] & 0xff) * 58;
                bytes[j] = (byte) carry;
                carry >>>= 8;
            }
            while (carry > 0) {
                bytes[used++] = (byte) carry;
                carry >>>= 8;
            }
        }
        byte[] out = new byte[zeros + used];
        for (int i = 0; i < used; i++) {
            out[zeros + i] = bytes[used - 1 - i];
        }
        return out;
    }

    /**
     * Decodes Base58Check text and verifies its checksum.
     *
     * @return version byte followed by the payload, checksum removed
     * @throws DecodeException on a character outside the alphabet, fewer than 5 bytes, or a wrong
     *                         checksum
     */
    public static byte[] decodeChecked(CharSequence text) {
        byte[] all = decode(text);
        if (all.length < 5) {
            throw new DecodeException("base58", -1, "too short for Base58Check (" + all.length + " bytes)");
        }
        byte[] sum = new byte[32];
        Sha256.get().hashDouble(all, 0, all.length - 4, sum, 0);
        for (int i = 0; i < 4; i++) {
            if (sum[i] != all[all.length - 4 + i]) {
                throw new DecodeException("base58", -1, "checksum mismatch");
            }
        }
        return Arrays.copyOf(all, all.length - 4);
    }
}
