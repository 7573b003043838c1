package dev.cordon.ethereum.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cordon.core.Address;
import dev.cordon.core.CordonException;
import dev.cordon.core.DecodeException;
import dev.cordon.core.ErrorCode;
import dev.cordon.core.Hex;
import dev.cordon.ethereum.Bytes32;
import dev.cordon.ethereum.EthAddresses;
import dev.cordon.ethereum.HexData;
import java.math.BigInteger;

/**
 * Strict decoding of JSON-RPC values (Ethereum JSON-RPC specification: QUANTITY is {@code 0x} +
 * hex without leading zeros, DATA is {@code 0x} + an even number of hex digits). A wrong value
 * is a {@link CordonException} with {@link ErrorCode#REMOTE} naming the method and field.
 */
public final class Quantities {
    private Quantities() {
    }

    /** {@code 0x} + hex of a non-negative integer. */
    public static String hex(BigInteger v) {
        if (v.signum() < 0) {
            throw new CordonException(ErrorCode.USAGE, "a quantity must not be negative: " + v);
        }
        return "0x" + v.toString(16);
    }

    public static String hex(long v) {
        return hex(BigInteger.valueOf(v));
    }

    public static BigInteger quantity(JsonNode n, String what) {
        String t = text(n, what);
        if (!t.startsWith("0x") || t.length() < 3 || t.length() > 66) {
            throw bad(what, "expected a 0x-prefixed quantity, got '" + abbreviate(t) + "'");
        }
        for (int i = 2; i < t.length(); i++) {
            if (Character.digit(t.charAt(i), 16) < 0) {
                throw bad(what, "not a hex digit in '" + abbreviate(t) + "'");
            }
        }
        return new BigInteger(t.substring(2), 16);
    }

    public static HexData data(JsonNode n, String what) {
        String t = text(n, what);
        if (!t.startsWith("0x")) {
            throw bad(what, "expected 0x-prefixed data, got '" + abbreviate(t) + "'");
        }
        try {
            return HexData.of(Hex.decode(t, what));
        } catch (DecodeException e) {
            throw bad(what, e.getMessage());
        }
    }

    public static Bytes32 word(JsonNode n, String what) {
        HexData d = data(n, what);
        if (d.length() != 32) {
            throw bad(what, "expected 32 bytes, got " + d.length());
        }
        return Bytes32.of(d.bytes());
    }

    public static Address address(JsonNode n, String what) {
        try {
            return EthAddresses.parse(text(n, what), what);
        } catch (CordonException e) {
            throw bad(what, e.getMessage());
        }
    }

    private static String text(JsonNode n, String what) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            throw bad(what, "missing");
        }
        if (!n.isTextual()) {
            throw bad(what, "expected a string, got " + n.getNodeType());
        }
        return n.asText();
    }

    private static CordonException bad(String what, String problem) {
        return new CordonException(ErrorCode.REMOTE, "the node's " + what + " is malformed: " + problem);
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
