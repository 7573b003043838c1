package dev.cordon.signing.txservice;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cordon.core.Address;
import dev.cordon.core.CordonException;
import dev.cordon.core.DecodeException;
import dev.cordon.ethereum.Bytes32;
import dev.cordon.ethereum.EthAddresses;
import dev.cordon.ethereum.HexData;
import dev.cordon.signing.Operation;
import dev.cordon.signing.SafeTransaction;
import dev.cordon.signing.SafeVersion;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads Safe Transaction Service {@code multisig-transactions} objects (one, a JSON array, or a
 * paginated {@code {"results": [...]}} page). Every field that enters the hash must be present:
 * a missing or malformed one is a {@link DecodeException} naming it, never a default. The one
 * representation rule taken from the service is that {@code "data": null} means empty calldata.
 * The chain id and Safe version are not in the object and are supplied by the caller.
 */
public final class TxServiceParser {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String source;
    private final BigInteger chainId;
    private final SafeVersion version;

    /** @param source named in errors (the file name) */
    public TxServiceParser(String source, BigInteger chainId, SafeVersion version) {
        this.source = source;
        this.chainId = chainId;
        this.version = version;
    }

    /** Parses text holding one transaction object. */
    public ProposedTransaction parseOne(String json) {
        JsonNode root = tree(json);
        if (!root.isObject()) {
            throw new DecodeException(source, -1, "expected a Safe Transaction Service transaction object");
        }
        return parse(root, "");
    }

    /** Parses text holding a list or a {@code results} page; non-multisig entries are skipped. */
    public List<ProposedTransaction> parseList(String json) {
        JsonNode root = tree(json);
        JsonNode list = root.isObject() && root.has("results") ? root.get("results") : root;
        if (!list.isArray()) {
            throw new DecodeException(source, -1, "expected a JSON array or an object with 'results'");
        }
        List<ProposedTransaction> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode e = list.get(i);
            String type = e.path("txType").asText("MULTISIG_TRANSACTION");
            if (type.equals("MULTISIG_TRANSACTION")) {
                out.add(parse(e, "[" + i + "]."));
            }
        }
        return out;
    }

    private JsonNode tree(String json) {
        try {
            JsonNode n = MAPPER.readTree(json);
            if (n == null || n.isMissingNode()) {
                throw new DecodeException(source, -1, "the file is empty");
            }
            return n;
        } catch (JsonProcessingException e) {
            throw new DecodeException(source, e.getLocation() == null ? -1 : e.getLocation().getCharOffset(),
                    "not valid JSON: " + e.getOriginalMessage());
        }
    }

    private ProposedTransaction parse(JsonNode o, String prefix) {
        Field f = new Field(o, prefix);
        Address safe = f.address("safe");
        String ver = version.usesDataGas() && o.has("dataGas") ? "dataGas" : "baseGas";
        SafeTransaction tx = new SafeTransaction(safe, chainId, version, f.address("to"), f.uint("value"), f.data("data"),
                operation(f), f.uint("safeTxGas"), f.uint(ver), f.uint("gasPrice"), f.address("gasToken"),
                f.address("refundReceiver"), f.uint("nonce"));
        Optional<Bytes32> claimed = o.hasNonNull("safeTxHash") ? Optional.of(f.word("safeTxHash")) : Optional.empty();
        List<Confirmation> confirmations = new ArrayList<>();
        JsonNode cs = o.get("confirmations");
        if (cs != null && !cs.isNull()) {
            if (!cs.isArray()) {
                throw f.bad("confirmations", "expected an array");
            }
            for (int i = 0; i < cs.size(); i++) {
                Field c = new Field(cs.get(i), prefix + "confirmations[" + i + "].");
                confirmations.add(new Confirmation(c.address("owner"), c.data("signature"),
                        cs.get(i).path("signatureType").asText("")));
            }
        }
        Optional<HexData> sigs = o.hasNonNull("signatures") ? Optional.of(f.data("signatures")) : Optional.empty();
        return new ProposedTransaction(tx, claimed, confirmations, sigs, o.path("isExecuted").asBoolean(false));
    }

    private static Operation operation(Field f) {
        BigInteger op = f.uint("operation");
        if (op.compareTo(BigInteger.ONE) > 0) {
            throw f.bad("operation", "must be 0 (call) or 1 (delegatecall), got " + op);
        }
        return op.signum() == 0 ? Operation.CALL : Operation.DELEGATECALL;
    }

    /** Field access with errors that name the field. */
    private final class Field {
        private final JsonNode o;
        private final String prefix;

        Field(JsonNode o, String prefix) {
            this.o = o;
            this.prefix = prefix;
        }

        JsonNode require(String name) {
            if (o == null || !o.isObject()) {
                throw new DecodeException(source, -1, prefix + name + ": expected an object around this field");
            }
            JsonNode n = o.get(name);
            if (n == null) {
                throw bad(name, "missing (every field that enters the hash must be present)");
            }
            return n;
        }

        Address address(String name) {
            JsonNode n = require(name);
            if (!n.isTextual()) {
                throw bad(name, "expected an address string");
            }
            try {
                return EthAddresses.parse(n.asText(), prefix + name);
            } catch (CordonException e) {
                throw new DecodeException(source, -1, e.getMessage());
            }
        }

        BigInteger uint(String name) {
            JsonNode n = require(name);
            String t = n.isIntegralNumber() ? n.bigIntegerValue().toString() : n.isTextual() ? n.asText().trim() : null;
            if (t == null || !t.matches("[0-9]{1,78}")) {
                throw bad(name, "expected a non-negative decimal integer, got " + abbreviate(n.toString()));
            }
            BigInteger v = new BigInteger(t);
            if (v.bitLength() > 256) {
                throw bad(name, "does not fit uint256");
            }
            return v;
        }

        HexData data(String name) {
            JsonNode n = require(name);
            if (n.isNull()) {
                return HexData.EMPTY;
            }
            if (!n.isTextual()) {
                throw bad(name, "expected 0x-prefixed hex");
            }
            try {
                return HexData.parse(n.asText(), prefix + name);
            } catch (CordonException e) {
                throw new DecodeException(source, -1, e.getMessage());
            }
        }

        Bytes32 word(String name) {
            JsonNode n = require(name);
            try {
                return Bytes32.parse(n.asText(), prefix + name);
            } catch (CordonException e) {
                throw new DecodeException(source, -1, e.getMessage());
            }
        }

        DecodeException bad(String name, String problem) {
            return new DecodeException(source, -1, prefix + name + ": " + problem);
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
