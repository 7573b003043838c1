package dev.cordon.ethereum.flow.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cordon.core.Address;
import dev.cordon.core.BlockHash;
import dev.cordon.core.Chain;
import dev.cordon.core.TxId;
import java.math.BigInteger;

/**
 * Strict readers of JSON-RPC fields: quantities ({@code 0x}-prefixed hex without leading
 * zeros, though leading zeros are tolerated), 20-byte addresses, 32-byte hashes. Every failure is
 * a {@link dev.cordon.core.DecodeException} naming the block, transaction and field.
 */
public final class Json {
    private Json() {
    }

    /** The object field, which must be present and a JSON object. */
    public static JsonNode object(JsonNode parent, String name, Ctx ctx) {
        JsonNode n = parent.get(name);
        if (n == null || !n.isObject()) {
            throw ctx.fail("field '" + name + "' is " + describe(n) + ", expected an object");
        }
        return n;
    }

    /** The array field, which must be present and a JSON array. */
    public static JsonNode array(JsonNode parent, String name, Ctx ctx) {
        JsonNode n = parent.get(name);
        if (n == null || !n.isArray()) {
            throw ctx.fail("field '" + name + "' is " + describe(n) + ", expected an array");
        }
        return n;
    }

    /** The text field, which must be present and a string. */
    public static String text(JsonNode parent, String name, Ctx ctx) {
        JsonNode n = parent.get(name);
        if (n == null || !n.isTextual()) {
            throw ctx.fail("field '" + name + "' is " + describe(n) + ", expected a string");
        }
        return n.textValue();
    }

    /** The text field, or {@code null} when absent or JSON null. */
    public static String optText(JsonNode parent, String name, Ctx ctx) {
        JsonNode n = parent.get(name);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw ctx.fail("field '" + name + "' is " + describe(n) + ", expected a string or null");
        }
        return n.textValue();
    }

    /** Whether a quantity string is zero ({@code 0x0}, {@code 0x}, {@code 0x000}). */
    public static boolean isZero(String q) {
        for (int i = 2; i < q.length(); i++) {
            if (q.charAt(i) != '0') {
                return false;
            }
        }
        return q.length() >= 2;
    }

    /** A quantity that must fit a non-negative long. */
    public static long quantityLong(String q, String field, Ctx ctx) {
        int n = checkQuantity(q, field, ctx);
        long v = 0;
        int digits = 0;
        for (int i = 2; i < n; i++) {
            int d = hexDigit(q.charAt(i));
            if (v == 0 && d == 0) {
                continue;
            }
            if (++digits > 15) {
                throw ctx.fail("'" + field + "' does not fit 60 bits: " + abbreviate(q));
            }
            v = (v << 4) | d;
        }
        return v;
    }

    /** A quantity of any size. */
    public static BigInteger quantity(String q, String field, Ctx ctx) {
        int n = checkQuantity(q, field, ctx);
        if (n - 2 <= 15) {
            long v = 0;
            for (int i = 2; i < n; i++) {
                v = (v << 4) | hexDigit(q.charAt(i));
            }
            return BigInteger.valueOf(v);
        }
        if (n - 2 > 80) {
            throw ctx.fail("'" + field + "' is longer than 256 bits: " + abbreviate(q));
        }
        return new BigInteger(q.substring(2), 16);
    }

    /** A quantity field, required. */
    public static BigInteger quantity(JsonNode parent, String name, Ctx ctx) {
        return quantity(text(parent, name, ctx), name, ctx);
    }

    /** A quantity field, or {@code null} when absent or JSON null. */
    public static BigInteger optQuantity(JsonNode parent, String name, Ctx ctx) {
        String t = optText(parent, name, ctx);
        return t == null ? null : quantity(t, name, ctx);
    }

    /** A quantity field that must fit a long, required. */
    public static long quantityLong(JsonNode parent, String name, Ctx ctx) {
        return quantityLong(text(parent, name, ctx), name, ctx);
    }

    /** An address field, required. */
    public static Address address(JsonNode parent, String name, Ctx ctx) {
        return address(text(parent, name, ctx), name, ctx);
    }

    /** An address field, or {@code null} when absent or JSON null. */
    public static Address optAddress(JsonNode parent, String name, Ctx ctx) {
        String t = optText(parent, name, ctx);
        return t == null ? null : address(t, name, ctx);
    }

    /**
     * {@code 0x} + 40 hex digits, either case, as the canonical lowercase {@link Address}.
     * Case is not checked against EIP-55 here: nodes emit lowercase, and this is machine input.
     */
    public static Address address(String t, String field, Ctx ctx) {
        if (t.length() != 42 || t.charAt(0) != '0' || t.charAt(1) != 'x') {
            throw ctx.fail("'" + field + "' is not 0x + 40 hex digits: '" + abbreviate(t) + "'");
        }
        boolean lower = true;
        for (int i = 2; i < 42; i++) {
            char c = t.charAt(i);
            if (c >= 'A' && c <= 'F') {
                lower = false;
            } else if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                throw ctx.fail("'" + field + "' has a non-hex digit at " + i + ": '" + t + "'");
            }
        }
        return new Address(Chain.ETHEREUM, lower ? t : t.toLowerCase(java.util.Locale.ROOT));
    }

    /** An address held in the low 20 bytes of a 32-byte log topic; {@code null} if the high 12 are not zero. */
    public static Address topicAddress(String topic, Ctx ctx) {
        if (topic.length() != 66 || !topic.startsWith("0x")) {
            throw ctx.fail("log topic is not 0x + 64 hex digits: '" + abbreviate(topic) + "'");
        }
        for (int i = 2; i < 26; i++) {
            if (topic.charAt(i) != '0') {
                return null;
            }
        }
        return address("0x" + topic.substring(26), "topic", ctx);
    }

    public static TxId txId(String t, String field, Ctx ctx) {
        return new TxId(hash32(t, field, ctx));
    }

    public static BlockHash blockHash(String t, String field, Ctx ctx) {
        return new BlockHash(hash32(t, field, ctx));
    }

    private static byte[] hash32(String t, String field, Ctx ctx) {
        if (t.length() != 66 || t.charAt(0) != '0' || t.charAt(1) != 'x') {
            throw ctx.fail("'" + field + "' is not 0x + 64 hex digits: '" + abbreviate(t) + "'");
        }
        byte[] out = new byte[32];
        for (int i = 0; i < 32; i++) {
            int hi = hexDigit(t.charAt(2 + 2 * i));
            int lo = hexDigit(t.charAt(3 + 2 * i));
            if (hi < 0 || lo < 0) {
                throw ctx.fail("'" + field + "' has a non-hex digit: '" + t + "'");
            }
            out[i] = (byte) (hi << 4 | lo);
        }
        return out;
    }

    private static int checkQuantity(String q, String field, Ctx ctx) {
        int n = q.length();
        if (n < 3 || q.charAt(0) != '0' || q.charAt(1) != 'x') {
            throw ctx.fail("'" + field + "' is not a 0x-prefixed hex quantity: '" + abbreviate(q) + "'");
        }
        for (int i = 2; i < n; i++) {
            if (hexDigit(q.charAt(i)) < 0) {
                throw ctx.fail("'" + field + "' has a non-hex digit at " + i + ": '" + abbreviate(q) + "'");
            }
        }
        return n;
    }

    /** The value of an ASCII hex digit, or -1. */
    public static int hexDigit(char c) {
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

    static String describe(JsonNode n) {
        if (n == null) {
            return "missing";
        }
        return n.isNull() ? "null" : "a " + n.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }

    public static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
