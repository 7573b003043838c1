package dev.cordon.signing.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.cordon.core.Address;
import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import dev.cordon.ethereum.Bytes32;
import dev.cordon.ethereum.EthAddresses;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads a wallet policy from YAML. Every key is optional ({@link PolicySettings#defaults()});
 * an unknown key, a malformed address or a bad value fails with the key's name, never replaced
 * by a default.
 */
public final class PolicyLoader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private PolicyLoader() {
    }

    /** @throws CordonException with USAGE naming the file and key, or IO when it cannot be read */
    public static PolicySettings load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new CordonException(ErrorCode.IO, "cannot read policy " + file + ": " + e.getMessage(), e);
        }
        Path dir = file.toAbsolutePath().getParent();
        try {
            return parse(text, dir);
        } catch (CordonException e) {
            throw new CordonException(e.code(), "policy " + file + ": " + e.getMessage(), e);
        }
    }

    /** Parses policy YAML; relative risk list paths resolve against {@code baseDir}. */
    public static PolicySettings parse(String yaml, Path baseDir) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (IOException e) {
            throw new CordonException(ErrorCode.USAGE, "not valid YAML: " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
        if (root == null || root.isNull() || root.isMissingNode()) {
            return PolicySettings.defaults();
        }
        if (!root.isObject()) {
            throw new CordonException(ErrorCode.USAGE, "a policy is a mapping of settings");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (PolicyKey.of(k) == null) {
                throw new CordonException(ErrorCode.USAGE, "unknown setting '" + k + "'");
            }
        }
        PolicySettings d = PolicySettings.defaults();
        return new PolicySettings(
                root.hasNonNull(PolicyKey.SAFE.key()) ? Optional.of(address(root.get(PolicyKey.SAFE.key()), PolicyKey.SAFE.key()))
                        : Optional.empty(),
                chainId(root),
                addressBook(root.get(PolicyKey.ADDRESS_BOOK.key())),
                bool(root, PolicyKey.TRUST_CANONICAL_LIBRARIES, d.trustCanonicalLibraries()),
                libraries(root.get(PolicyKey.DELEGATECALL_ALLOW.key())),
                uint(root, PolicyKey.MAX_BASE_GAS, d.maxBaseGas()),
                uint(root, PolicyKey.UNLIMITED_APPROVAL_AT, d.unlimitedApprovalAt()),
                uint(root, PolicyKey.HISTORY_MIN_TRANSACTIONS, BigInteger.valueOf(d.historyMinTransactions()))
                        .min(BigInteger.valueOf(1_000_000)).intValueExact(),
                riskLists(root.get(PolicyKey.RISK_LISTS.key()), baseDir),
                verdicts(root.get(PolicyKey.CHECKS.key())));
    }

    private static Optional<String> text(JsonNode root, PolicyKey k) {
        JsonNode n = root.get(k.key());
        if (n == null || n.isNull()) {
            return Optional.empty();
        }
        if (!n.isValueNode()) {
            throw new CordonException(ErrorCode.USAGE, k.key() + ": expected a single value");
        }
        return Optional.of(n.asText());
    }

    /**
     * YAML 1.1 reads an unquoted {@code 0x...} as a hexadecimal integer, losing the checksum and
     * leading zeros; addresses and hashes must therefore be quoted strings.
     */
    private static String quoted(JsonNode n, String field) {
        if (!n.isTextual()) {
            throw new CordonException(ErrorCode.USAGE, field + ": write it in quotes (\"0x...\"): YAML reads an"
                    + " unquoted 0x value as a number, which loses leading zeros and the EIP-55 checksum");
        }
        return n.asText();
    }

    private static Address address(JsonNode n, String field) {
        return EthAddresses.parse(quoted(n, field), field);
    }

    private static OptionalLong chainId(JsonNode root) {
        Optional<String> t = text(root, PolicyKey.CHAIN_ID);
        if (t.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            long v = Long.parseLong(t.get().trim());
            if (v <= 0) {
                throw new NumberFormatException();
            }
            return OptionalLong.of(v);
        } catch (NumberFormatException e) {
            throw new CordonException(ErrorCode.USAGE, PolicyKey.CHAIN_ID.key() + ": expected a positive integer, got '" + t.get() + "'");
        }
    }

    private static boolean bool(JsonNode root, PolicyKey k, boolean dflt) {
        JsonNode n = root.get(k.key());
        if (n == null || n.isNull()) {
            return dflt;
        }
        if (!n.isBoolean()) {
            throw new CordonException(ErrorCode.USAGE, k.key() + ": expected true or false, got '" + n.asText() + "'");
        }
        return n.booleanValue();
    }

    private static BigInteger uint(JsonNode root, PolicyKey k, BigInteger dflt) {
        Optional<String> t = text(root, k);
        if (t.isEmpty()) {
            return dflt;
        }
        try {
            BigInteger v = new BigInteger(t.get().trim());
            if (v.signum() < 0 || v.bitLength() > 256) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new CordonException(ErrorCode.USAGE, k.key() + ": expected a non-negative integer, got '" + t.get() + "'");
        }
    }

    private static List<JsonNode> list(JsonNode n, PolicyKey k) {
        if (n == null || n.isNull()) {
            return List.of();
        }
        if (!n.isArray()) {
            throw new CordonException(ErrorCode.USAGE, k.key() + ": expected a list");
        }
        List<JsonNode> out = new ArrayList<>();
        n.forEach(out::add);
        return out;
    }

    private static Map<Address, String> addressBook(JsonNode n) {
        Map<Address, String> out = new LinkedHashMap<>();
        List<JsonNode> items = list(n, PolicyKey.ADDRESS_BOOK);
        for (int i = 0; i < items.size(); i++) {
            JsonNode e = items.get(i);
            String field = PolicyKey.ADDRESS_BOOK.key() + "[" + i + "]";
            if (e.isValueNode()) {
                out.put(address(e, field), "");
            } else if (e.isObject() && e.has("address")) {
                out.put(address(e.get("address"), field + ".address"), e.path("name").asText(""));
            } else {
                throw new CordonException(ErrorCode.USAGE, field + ": expected an address or {address, name}");
            }
        }
        return out;
    }

    private static List<TrustedLibrary> libraries(JsonNode n) {
        List<TrustedLibrary> out = new ArrayList<>();
        List<JsonNode> items = list(n, PolicyKey.DELEGATECALL_ALLOW);
        for (int i = 0; i < items.size(); i++) {
            JsonNode e = items.get(i);
            String field = PolicyKey.DELEGATECALL_ALLOW.key() + "[" + i + "]";
            if (!e.isObject() || !e.has("address")) {
                throw new CordonException(ErrorCode.USAGE, field + ": expected {address, code_hash, name}");
            }
            JsonNode h = e.get("code_hash");
            out.add(new TrustedLibrary(address(e.get("address"), field + ".address"),
                    h == null || h.isNull() ? Optional.empty() : Optional.of(Bytes32.parse(quoted(h, field + ".code_hash"),
                            field + ".code_hash")),
                    e.path("name").asText("")));
        }
        return out;
    }

    private static List<Path> riskLists(JsonNode n, Path baseDir) {
        List<Path> out = new ArrayList<>();
        for (JsonNode e : list(n, PolicyKey.RISK_LISTS)) {
            Path p = Path.of(e.asText());
            out.add(p.isAbsolute() || baseDir == null ? p : baseDir.resolve(p));
        }
        return out;
    }

    private static Map<Check, Verdict> verdicts(JsonNode n) {
        Map<Check, Verdict> out = new EnumMap<>(Check.class);
        if (n == null || n.isNull()) {
            return out;
        }
        if (!n.isObject()) {
            throw new CordonException(ErrorCode.USAGE, PolicyKey.CHECKS.key() + ": expected a mapping {check: verdict}");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Check c;
            try {
                c = Check.valueOf(e.getKey().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException ex) {
                throw new CordonException(ErrorCode.USAGE, PolicyKey.CHECKS.key() + ": unknown check '" + e.getKey() + "'");
            }
            out.put(c, Verdict.parse(e.getValue().asText(), PolicyKey.CHECKS.key() + "." + e.getKey()));
        }
        return out;
    }
}
