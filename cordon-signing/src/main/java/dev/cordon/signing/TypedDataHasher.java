package dev.cordon.signing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cordon.core.CordonException;
import dev.cordon.core.DecodeException;
import dev.cordon.ethereum.Bytes32;
import dev.cordon.ethereum.EthAddresses;
import dev.cordon.ethereum.HexData;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * EIP-712 hashing of typed structured data given as the JSON that {@code eth_signTypedData_v4}
 * takes ({@code types}, {@code primaryType}, {@code domain}, {@code message}).
 *
 * <p>Follows EIP-712: {@code encodeType} lists the primary type and then its referenced struct
 * types sorted by name; {@code hashStruct(s) = keccak256(typeHash ‖ encodeData(s))}; {@code string}
 * and {@code bytes} members are keccak256-hashed, structs are replaced by their hashStruct, arrays
 * by keccak256 of their members' concatenated encodings; the digest is
 * {@code keccak256(0x19 0x01 ‖ domainSeparator ‖ hashStruct(message))}. When {@code types} has no
 * {@code EIP712Domain}, it is derived from the domain's members in the order the EIP lists them.
 *
 * <p>Decoding is strict, since a signer is shown the JSON: a missing member, a member the type does
 * not declare, an integer out of its type's range, a {@code bytesN} of the wrong length or an
 * address with a bad checksum is a {@link DecodeException} naming the member path
 * ({@code message.to.wallet}); nothing is hashed from a guessed value.
 */
public final class TypedDataHasher {
    private static final String DOMAIN = "EIP712Domain";
    private static final List<String[]> DOMAIN_FIELDS = List.of(new String[] {"name", "string"},
            new String[] {"version", "string"}, new String[] {"chainId", "uint256"},
            new String[] {"verifyingContract", "address"}, new String[] {"salt", "bytes32"});
    private static final Pattern ARRAY = Pattern.compile("^(.+)\\[(\\d*)]$");
    private static final Pattern INT = Pattern.compile("^(u?)int(\\d*)$");
    private static final Pattern BYTES_N = Pattern.compile("^bytes(\\d+)$");
    private static final Pattern NAME = Pattern.compile("^[A-Za-z_$][A-Za-z0-9_$]*$");

    /** One member of a struct type. */
    public record Member(String name, String type) {
    }

    private final String source;
    private final Map<String, List<Member>> types;

    private TypedDataHasher(String source, Map<String, List<Member>> types) {
        this.source = source;
        this.types = types;
    }

    /**
     * Hashes a typed-data JSON document.
     *
     * @param source names the input in error messages (a file name)
     * @return the domain separator, {@code hashStruct(message)} and the EIP-712 digest a wallet signs
     * @throws DecodeException when the document is not valid typed data, naming where
     */
    public static SigningHashes hash(String json, String source) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new DecodeException(source, -1, "not valid JSON: " + e.getOriginalMessage().lines().findFirst().orElse(""));
        }
        if (root == null || !root.isObject()) {
            throw new DecodeException(source, -1, "typed data must be a JSON object");
        }
        JsonNode domain = object(root, "domain", source);
        JsonNode message = object(root, "message", source);
        JsonNode primary = root.get("primaryType");
        if (primary == null || !primary.isTextual()) {
            throw new DecodeException(source, -1, "primaryType: missing or not a string");
        }
        TypedDataHasher h = new TypedDataHasher(source, parseTypes(object(root, "types", source), domain, source));
        String primaryType = primary.asText();
        if (primaryType.equals(DOMAIN) || !h.types.containsKey(primaryType)) {
            throw new DecodeException(source, -1, "primaryType: '" + primaryType + "' is not a message type declared in types");
        }
        Bytes32 domainHash = h.hashStruct(DOMAIN, domain, "domain");
        Bytes32 structHash = h.hashStruct(primaryType, message, "message");
        return new SigningHashes(domainHash, structHash, SafeHasher.eip712(domainHash, structHash));
    }

    /** The EIP-712 {@code encodeType} of a declared struct type. */
    public String encodeType(String type) {
        Set<String> deps = new TreeSet<>();
        collect(type, deps);
        deps.remove(type);
        StringBuilder sb = new StringBuilder(format(type));
        deps.forEach(d -> sb.append(format(d)));
        return sb.toString();
    }

    /** The {@code encodeType} of {@code type} in a typed-data document (for tests and display). */
    public static String encodeType(String json, String source, String type) {
        try {
            JsonNode root = new ObjectMapper().readTree(json);
            return new TypedDataHasher(source, parseTypes(object(root, "types", source), object(root, "domain", source),
                    source)).encodeType(type);
        } catch (JsonProcessingException e) {
            throw new DecodeException(source, -1, "not valid JSON: " + e.getOriginalMessage().lines().findFirst().orElse(""));
        }
    }

    private String format(String type) {
        StringBuilder sb = new StringBuilder(type).append('(');
        List<Member> ms = types.get(type);
        for (int i = 0; i < ms.size(); i++) {
            sb.append(i == 0 ? "" : ",").append(ms.get(i).type()).append(' ').append(ms.get(i).name());
        }
        return sb.append(')').toString();
    }

    private void collect(String type, Set<String> seen) {
        if (!types.containsKey(type) || !seen.add(type)) {
            return;
        }
        for (Member m : types.get(type)) {
            collect(baseType(m.type()), seen);
        }
    }

    private Bytes32 hashStruct(String type, JsonNode value, String path) {
        if (!value.isObject()) {
            throw fail(path, "expected an object of type " + type);
        }
        List<Member> ms = types.get(type);
        Set<String> declared = new HashSet<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * (ms.size() + 1));
        out.writeBytes(SafeHasher.typeHash(encodeType(type)).bytes());
        for (Member m : ms) {
            declared.add(m.name());
            JsonNode v = value.get(m.name());
            if (v == null || v.isNull()) {
                throw fail(path + "." + m.name(), "missing (type " + m.type() + ")");
            }
            out.writeBytes(encodeValue(m.type(), v, path + "." + m.name()));
        }
        for (Iterator<String> it = value.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!declared.contains(f)) {
                throw fail(path + "." + f, "not a member of " + type + ": it would be shown but not signed");
            }
        }
        return Bytes32.keccak(out.toByteArray());
    }

    private byte[] encodeValue(String type, JsonNode v, String path) {
        Matcher array = ARRAY.matcher(type);
        if (array.matches()) {
            if (!v.isArray()) {
                throw fail(path, "expected an array of type " + type);
            }
            if (!array.group(2).isEmpty() && v.size() != small(array.group(2))) {
                throw fail(path, "expected " + array.group(2) + " elements, found " + v.size());
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(32 * v.size());
            for (int i = 0; i < v.size(); i++) {
                out.writeBytes(encodeValue(array.group(1), v.get(i), path + "[" + i + "]"));
            }
            return Bytes32.keccak(out.toByteArray()).bytes();
        }
        if (types.containsKey(type)) {
            return hashStruct(type, v, path).bytes();
        }
        return encodeAtomic(type, v, path);
    }

    private byte[] encodeAtomic(String type, JsonNode v, String path) {
        switch (type) {
            case "string":
                return Bytes32.keccak(text(v, path).getBytes(StandardCharsets.UTF_8)).bytes();
            case "bytes":
                return Bytes32.keccak(hex(v, path).bytes()).bytes();
            case "bool":
                if (!v.isBoolean()) {
                    throw fail(path, "expected true or false");
                }
                return word(v.asBoolean() ? BigInteger.ONE : BigInteger.ZERO);
            case "address":
                try {
                    return word(new BigInteger(1, EthAddresses.toBytes(EthAddresses.parse(text(v, path), path))));
                } catch (CordonException e) {
                    throw fail(path, e.getMessage());
                }
            default:
                return encodeSized(type, v, path);
        }
    }

    private byte[] encodeSized(String type, JsonNode v, String path) {
        Matcher bytesN = BYTES_N.matcher(type);
        if (bytesN.matches()) {
            int n = small(bytesN.group(1));
            byte[] b = hex(v, path).bytes();
            if (n < 1 || n > 32 || b.length != n) {
                throw fail(path, "expected " + type + " (" + n + " bytes), got " + b.length + " bytes");
            }
            byte[] w = new byte[32];
            System.arraycopy(b, 0, w, 0, n);
            return w;
        }
        Matcher in = INT.matcher(type);
        if (!in.matches()) {
            throw fail(path, "unknown type '" + type + "'");
        }
        int bits = in.group(2).isEmpty() ? 256 : small(in.group(2));
        if (bits < 8 || bits > 256 || bits % 8 != 0) {
            throw fail(path, "unknown type '" + type + "'");
        }
        BigInteger x = integer(v, path);
        boolean unsigned = !in.group(1).isEmpty();
        BigInteger min = unsigned ? BigInteger.ZERO : BigInteger.ONE.shiftLeft(bits - 1).negate();
        BigInteger max = unsigned ? BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
                : BigInteger.ONE.shiftLeft(bits - 1).subtract(BigInteger.ONE);
        if (x.compareTo(min) < 0 || x.compareTo(max) > 0) {
            throw fail(path, x + " is out of range for " + type);
        }
        return word(x.signum() < 0 ? x.add(BigInteger.ONE.shiftLeft(256)) : x);
    }

    private BigInteger integer(JsonNode v, String path) {
        if (v.isIntegralNumber()) {
            return v.bigIntegerValue();
        }
        String t = text(v, path).trim();
        try {
            if (t.startsWith("0x") || t.startsWith("0X")) {
                return new BigInteger(1, HexData.parse(t.length() % 2 == 0 ? t : "0x0" + t.substring(2), path).bytes());
            }
            return new BigInteger(t);
        } catch (NumberFormatException | CordonException e) {
            throw fail(path, "expected an integer (decimal or 0x-hex), got '" + t + "'");
        }
    }

    private String text(JsonNode v, String path) {
        if (!v.isTextual()) {
            throw fail(path, "expected a string");
        }
        return v.asText();
    }

    private HexData hex(JsonNode v, String path) {
        try {
            return HexData.parse(text(v, path), path);
        } catch (DecodeException e) {
            throw e;
        } catch (CordonException e) {
            throw fail(path, e.getMessage());
        }
    }

    private DecodeException fail(String path, String problem) {
        return new DecodeException(source, -1, path + ": " + problem);
    }

    private static byte[] word(BigInteger v) {
        byte[] out = new byte[32];
        byte[] b = v.toByteArray();
        int n = Math.min(b.length, 32);
        System.arraycopy(b, b.length - n, out, 32 - n, n);
        return out;
    }

    /** A size from a type name (digits only); -1 when absurdly long, which no valid type has. */
    private static int small(String digits) {
        return digits.length() > 6 ? -1 : Integer.parseInt(digits);
    }

    private static String baseType(String type) {
        int i = type.indexOf('[');
        return i < 0 ? type : type.substring(0, i);
    }

    private static JsonNode object(JsonNode root, String field, String source) {
        JsonNode n = root == null ? null : root.get(field);
        if (n == null || !n.isObject()) {
            throw new DecodeException(source, -1, field + ": missing or not an object");
        }
        return n;
    }

    private static Map<String, List<Member>> parseTypes(JsonNode typesNode, JsonNode domain, String source) {
        Map<String, List<Member>> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = typesNode.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String where = "types." + e.getKey();
            if (!NAME.matcher(e.getKey()).matches() || !e.getValue().isArray()) {
                throw new DecodeException(source, -1, where + ": a type needs a plain name and an array of members");
            }
            List<Member> ms = new ArrayList<>();
            for (int i = 0; i < e.getValue().size(); i++) {
                JsonNode m = e.getValue().get(i);
                if (!m.path("name").isTextual() || !m.path("type").isTextual()) {
                    throw new DecodeException(source, -1, where + "[" + i + "]: needs a string name and type");
                }
                ms.add(new Member(m.get("name").asText(), m.get("type").asText().trim()));
            }
            out.put(e.getKey(), List.copyOf(ms));
        }
        if (!out.containsKey(DOMAIN)) {
            List<Member> ms = new ArrayList<>();
            for (String[] f : DOMAIN_FIELDS) {
                if (domain.has(f[0])) {
                    ms.add(new Member(f[0], f[1]));
                }
            }
            out.put(DOMAIN, List.copyOf(ms));
        }
        return out;
    }
}
