package dev.cordon.ethereum;

import dev.cordon.core.Address;
import dev.cordon.core.Chain;
import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import dev.cordon.core.Hex;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.web3j.crypto.Hash;

/**
 * Ethereum addresses at the edge: parsing with EIP-55 checksum validation and checksummed
 * display. The canonical {@link Address} value is {@code 0x} followed by 40 lowercase hex digits.
 *
 * <p>EIP-55: an address written in mixed case carries a checksum in the case of its letters
 * (letter {@code i} is uppercase when nibble {@code i} of keccak256(lowercase hex) is 8 or
 * more). All-lowercase and all-uppercase forms carry no checksum and are accepted as they are.
 */
public final class EthAddresses {
    /** The zero address, which Safe uses for "none" (no gas token, no refund receiver). */
    public static final Address ZERO = new Address(Chain.ETHEREUM, "0x" + "0".repeat(40));

    private EthAddresses() {
    }

    /** Parses user input; see {@link #parse(String, String)}. */
    public static Address parse(String text) {
        return parse(text, "address");
    }

    /**
     * Parses an address written as {@code 0x} + 40 hex digits.
     *
     * @param field named in error messages ({@code --to}, {@code refundReceiver})
     * @throws CordonException with {@link ErrorCode#USAGE} for a wrong length, a non-hex digit or
     *                         a mixed-case address whose EIP-55 checksum is wrong
     */
    public static Address parse(String text, String field) {
        if (text == null) {
            throw new CordonException(ErrorCode.USAGE, field + ": address is missing");
        }
        String t = text.trim();
        if (t.length() != 42 || t.charAt(0) != '0' || (t.charAt(1) != 'x' && t.charAt(1) != 'X')) {
            throw new CordonException(ErrorCode.USAGE,
                    field + ": an Ethereum address is 0x followed by 40 hex digits, got '" + abbreviate(t) + "'");
        }
        String digits = t.substring(2);
        for (int i = 0; i < digits.length(); i++) {
            if (Character.digit(digits.charAt(i), 16) < 0) {
                throw new CordonException(ErrorCode.USAGE,
                        field + ": not a hex digit '" + digits.charAt(i) + "' at character " + (i + 2) + " of '" + t + "'");
            }
        }
        String lower = digits.toLowerCase(Locale.ROOT);
        boolean mixed = !digits.equals(lower) && !digits.equals(digits.toUpperCase(Locale.ROOT));
        if (mixed) {
            String expected = checksumDigits(lower);
            if (!expected.equals(digits)) {
                throw new CordonException(ErrorCode.USAGE, field + ": EIP-55 checksum mismatch in '" + t
                        + "' (a typo, or a tampered address); the checksummed form of these digits is 0x" + expected);
            }
        }
        return new Address(Chain.ETHEREUM, "0x" + lower);
    }

    /** The address of 20 bytes. */
    public static Address fromBytes(byte[] twenty) {
        if (twenty.length != 20) {
            throw new CordonException(ErrorCode.DATA, "an Ethereum address is 20 bytes, got " + twenty.length);
        }
        return new Address(Chain.ETHEREUM, "0x" + Hex.encode(twenty));
    }

    /** The 20 bytes of a canonical Ethereum address. */
    public static byte[] toBytes(Address address) {
        requireEthereum(address);
        return Hex.decode(address.value(), "address");
    }

    /** The EIP-55 checksummed form ({@code 0x1Db92e2EeBC8E0c075a02BeA49a2935BcD2dFCF4}). */
    public static String checksummed(Address address) {
        requireEthereum(address);
        return "0x" + checksumDigits(address.value().substring(2));
    }

    public static boolean isZero(Address address) {
        return ZERO.equals(address);
    }

    private static void requireEthereum(Address address) {
        String v = address.value();
        if (address.chain() != Chain.ETHEREUM || v.length() != 42 || !v.startsWith("0x")
                || !v.substring(2).equals(v.substring(2).toLowerCase(Locale.ROOT))) {
            throw new CordonException(ErrorCode.USAGE, "not a canonical Ethereum address: " + address);
        }
    }

    private static String checksumDigits(String lower) {
        byte[] h = Hash.sha3(lower.getBytes(StandardCharsets.US_ASCII));
        StringBuilder sb = new StringBuilder(40);
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            int nibble = (h[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0xf;
            sb.append(c >= 'a' && nibble >= 8 ? Character.toUpperCase(c) : c);
        }
        return sb.toString();
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
