package dev.cordon.bitcoin;

import dev.cordon.core.DecodeException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * Bech32 (BIP173) and Bech32m (BIP350) strings, and the segwit address rules on top of them.
 *
 * <p>A string is {@code hrp '1' data checksum}: at most 90 characters, all in US-ASCII 33..126,
 * not mixed case; the data part uses the 32-character alphabet {@code qpzry9x8gf2tvdw0s3jn54khce6mua7l}
 * and ends in a 6-character BCH checksum whose final constant is 1 (Bech32) or 0x2bc830a3
 * (Bech32m). A segwit address carries a witness version (0..16) and a 2..40 byte program; version 0
 * must use Bech32 and a 20- or 32-byte program (BIP141), versions 1..16 must use Bech32m (BIP350).
 * Encoding always produces lowercase.
 */
public final class Bech32 {
    /** Longest valid string (BIP173). */
    public static final int MAX_LENGTH = 90;

    private static final String CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private static final int[] REV = new int[128];
    private static final int[] GEN = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};

    static {
        Arrays.fill(REV, -1);
        for (int i = 0; i < CHARSET.length(); i++) {
            REV[CHARSET.charAt(i)] = i;
        }
    }

    /** The checksum variant. */
    public enum Encoding {
        /** BIP173; segwit version 0. */
        BECH32(1),
        /** BIP350; segwit versions 1 to 16. */
        BECH32M(0x2bc830a3);

        private final int constant;

        Encoding(int constant) {
            this.constant = constant;
        }
    }

    /**
     * A decoded string.
     *
     * @param hrp    human-readable part, lowercase
     * @param values data part without the checksum, one 5-bit value (0..31) per byte
     */
    public record Decoded(String hrp, byte[] values, Encoding encoding) {
        public Decoded {
            Objects.requireNonNull(hrp, "hrp");
            Objects.requireNonNull(encoding, "encoding");
            values = values.clone();
        }

        @Override
        public byte[] values() {
            return values.clone();
        }
    }

    /**
     * A segwit output program.
     *
     * @param version witness version 0..16
     * @param program 2..40 bytes
     */
    public record WitnessProgram(int version, byte[] program) {
        public WitnessProgram {
            if (version < 0 || version > 16) {
                throw new IllegalArgumentException("witness version must be 0..16: " + version);
            }
            if (program.length < 2 || program.length > 40) {
                throw new IllegalArgumentException("witness program must be 2..40 bytes: " + program.length);
            }
            program = program.clone();
        }

        @Override
        public byte[] program() {
            return program.clone();
        }
    }

    private Bech32() {
    }

    /**
     * Encodes a string.
     *
     * @param hrp    lowercase human-readable part, 1..83 characters in 33..126
     * @param values 5-bit values
     */
    public static String encode(String hrp, byte[] values, Encoding encoding) {
        return encode(hrp, values, values.length, encoding);
    }

    private static String encode(String hrp, byte[] values, int n, Encoding encoding) {
        int chk = polymodHrp(hrp);
        for (int i = 0; i < n; i++) {
            chk = step(chk) ^ values[i];
        }
        for (int i = 0; i < 6; i++) {
            chk = step(chk);
        }
        chk ^= encoding.constant;
        char[] out = new char[hrp.length() + 1 + n + 6];
        hrp.getChars(0, hrp.length(), out, 0);
        int p = hrp.length();
        out[p++] = '1';
        for (int i = 0; i < n; i++) {
            out[p++] = CHARSET.charAt(values[i]);
        }
        for (int i = 0; i < 6; i++) {
            out[p++] = CHARSET.charAt((chk >>> (5 * (5 - i))) & 31);
        }
        return new String(out);
    }

    /**
     * Decodes and verifies a Bech32 or Bech32m string.
     *
     * @throws DecodeException naming the rule broken and, where there is one, the character position
     */
    public static Decoded decode(String text) {
        int n = text.length();
        if (n > MAX_LENGTH) {
            throw fail("longer than " + MAX_LENGTH + " characters (" + n + ")");
        }
        boolean lower = false;
        boolean upper = false;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < 33 || c > 126) {
                throw fail("character out of range at position " + i);
            }
            lower |= c >= 'a' && c <= 'z';
            upper |= c >= 'A' && c <= 'Z';
        }
        if (lower && upper) {
            throw fail("mixed upper and lower case");
        }
        String s = text.toLowerCase(Locale.ROOT);
        int sep = s.lastIndexOf('1');
        if (sep < 0) {
            throw fail("no separator '1'");
        }
        if (sep == 0) {
            throw fail("empty human-readable part");
        }
        if (n - sep - 1 < 6) {
            throw fail("checksum shorter than 6 characters");
        }
        byte[] data = new byte[n - sep - 1];
        for (int i = 0; i < data.length; i++) {
            char c = s.charAt(sep + 1 + i);
            int v = REV[c];
            if (v < 0) {
                throw fail("invalid data character '" + c + "' at position " + (sep + 1 + i));
            }
            data[i] = (byte) v;
        }
        String hrp = s.substring(0, sep);
        int chk = polymodHrp(hrp);
        for (byte v : data) {
            chk = step(chk) ^ v;
        }
        Encoding enc;
        if (chk == Encoding.BECH32.constant) {
            enc = Encoding.BECH32;
        } else if (chk == Encoding.BECH32M.constant) {
            enc = Encoding.BECH32M;
        } else {
            throw fail("checksum mismatch");
        }
        return new Decoded(hrp, Arrays.copyOf(data, data.length - 6), enc);
    }

    /**
     * Encodes a segwit address: Bech32 for version 0, Bech32m otherwise (BIP350).
     *
     * @param hrp network prefix, e.g. {@code bc}
     * @throws IllegalArgumentException for a version outside 0..16 or a program outside 2..40 bytes
     */
    public static String encodeSegwit(String hrp, int version, byte[] program, int off, int len) {
        if (version < 0 || version > 16 || len < 2 || len > 40) {
            throw new IllegalArgumentException("not a witness program: version " + version + ", " + len + " bytes");
        }
        byte[] values = new byte[1 + (len * 8 + 4) / 5];
        values[0] = (byte) version;
        int acc = 0;
        int bits = 0;
        int p = 1;
        for (int i = 0; i < len; i++) {
            acc = (acc << 8) | (program[off + i] & 0xff);
            bits += 8;
            while (bits >= 5) {
                bits -= 5;
                values[p++] = (byte) ((acc >>> bits) & 31);
            }
        }
        if (bits > 0) {
            values[p++] = (byte) ((acc << (5 - bits)) & 31);
        }
        return encode(hrp, values, p, version == 0 ? Encoding.BECH32 : Encoding.BECH32M);
    }

    /**
     * Decodes a segwit address for the network prefix {@code hrp}, applying BIP173 and BIP350.
     *
     * @throws DecodeException on a wrong prefix, checksum or checksum variant, version, program
     *                         length or padding
     */
    public static WitnessProgram decodeSegwit(String hrp, String address) {
        Decoded d = decode(address);
        if (!d.hrp().equals(hrp)) {
            throw fail("human-readable part '" + d.hrp() + "' is not '" + hrp + "'");
        }
        byte[] values = d.values;
        if (values.length == 0) {
            throw fail("empty data section");
        }
        int version = values[0];
        if (version > 16) {
            throw fail("witness version " + version + " is above 16");
        }
        byte[] program = fromFiveBits(values);
        if (program.length < 2 || program.length > 40) {
            throw fail("witness program of " + program.length + " bytes (must be 2..40)");
        }
        if (version == 0 && program.length != 20 && program.length != 32) {
            throw fail("version 0 witness program of " + program.length + " bytes (must be 20 or 32, BIP141)");
        }
        Encoding expected = version == 0 ? Encoding.BECH32 : Encoding.BECH32M;
        if (d.encoding() != expected) {
            throw fail("witness version " + version + " requires " + expected + " but the checksum is "
                    + d.encoding() + " (BIP350)");
        }
        return new WitnessProgram(version, program);
    }

    private static byte[] fromFiveBits(byte[] values) {
        byte[] out = new byte[(values.length - 1) * 5 / 8];
        int acc = 0;
        int bits = 0;
        int p = 0;
        for (int i = 1; i < values.length; i++) {
            acc = ((acc << 5) | values[i]) & 0xfff;
            bits += 5;
            if (bits >= 8) {
                bits -= 8;
                out[p++] = (byte) (acc >>> bits);
            }
        }
        if (bits >= 5) {
            throw fail("more than 4 bits of padding");
        }
        if (((acc << (8 - bits)) & 0xff) != 0) {
            throw fail("non-zero padding");
        }
        return out;
    }

    private static int polymodHrp(String hrp) {
        int chk = 1;
        for (int i = 0; i < hrp.length(); i++) {
            chk = step(chk) ^ (hrp.charAt(i) >>> 5);
        }
        chk = step(chk);
        for (int i = 0; i < hrp.length(); i++) {
            chk = step(chk) ^ (hrp.charAt(i) & 31);
        }
        return chk;
    }

    private static int step(int chk) {
        int top = chk >>> 25;
        int c = (chk & 0x1ffffff) << 5;
        for (int i = 0; i < 5; i++) {
            if (((top >>> i) & 1) != 0) {
                c ^= GEN[i];
            }
        }
        return c;
    }

    private static DecodeException fail(String problem) {
        return new DecodeException("bech32", -1, problem);
    }
}
