package dev.cordon.ethereum.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cordon.core.Transfer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;

/** Recorded mainnet responses and the synthetic wrappers some of them need (see PROVENANCE.txt). */
public final class FlowFixtures {
    public static final ObjectMapper MAPPER = new ObjectMapper();
    public static final String ETL = "/dev/cordon/ethereum/ethereum-etl/";
    public static final String ZERO_HASH = "0x" + "0".repeat(64);

    private FlowFixtures() {
    }

    /** The whole JSON-RPC response stored at {@code ethereum-etl/<path>}. */
    public static JsonNode response(String path) {
        try (InputStream in = FlowFixtures.class.getResourceAsStream(ETL + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + ETL + path);
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code result} member of a recorded response. */
    public static JsonNode result(String path) {
        return response(path).get("result");
    }

    /** Receipts of the given recorded per-transaction receipt files, as one array. */
    public static ArrayNode receipts(String dir, String... txHashes) {
        ArrayNode out = MAPPER.createArrayNode();
        for (String h : txHashes) {
            out.add(result(dir + "/web3_response.eth_getTransactionReceipt_" + h + ".json"));
        }
        return out;
    }

    /** A block and receipts wrapped around a recorded parity {@code trace_block} result. */
    public record Wrapped(ObjectNode block, ArrayNode receipts) {
    }

    /**
     * Builds the minimal block (transactions from the root frames: hash, sender, receiver, value,
     * gas price 0) and receipts (no status, as before Byzantium; no logs) that the recorded traces
     * imply.
     */
    public static Wrapped wrapParity(JsonNode traces) {
        ObjectNode block = MAPPER.createObjectNode();
        ArrayNode txs = block.putArray("transactions");
        ArrayNode receipts = MAPPER.createArrayNode();
        String hash = ZERO_HASH;
        long number = 0;
        String miner = "0x" + "0".repeat(40);
        for (JsonNode f : traces) {
            hash = f.path("blockHash").asText(hash);
            number = f.path("blockNumber").asLong(number);
            JsonNode a = f.get("action");
            if (f.get("type").asText().equals("reward")) {
                miner = a.get("author").asText();
                continue;
            }
            if (f.get("traceAddress").size() != 0) {
                continue;
            }
            ObjectNode tx = txs.addObject();
            tx.put("hash", f.get("transactionHash").asText());
            tx.put("transactionIndex", "0x" + Integer.toHexString(f.get("transactionPosition").asInt()));
            tx.put("from", a.get("from").asText());
            tx.set("to", a.get("to") == null ? MAPPER.nullNode() : a.get("to"));
            tx.put("value", a.get("value").asText());
            tx.put("gasPrice", "0x0");
            ObjectNode r = receipts.addObject();
            r.put("transactionHash", f.get("transactionHash").asText());
            r.put("gasUsed", "0x0");
            r.putArray("logs");
            JsonNode result = f.get("result");
            r.set("contractAddress", result != null && result.has("address") ? result.get("address") : MAPPER.nullNode());
        }
        block.put("number", "0x" + Long.toHexString(number));
        block.put("hash", hash);
        block.put("parentHash", ZERO_HASH);
        block.put("timestamp", "0x0");
        block.put("miner", miner);
        return new Wrapped(block, receipts);
    }

    /** One line per transfer: {@code tx/pos KIND from -> to units [@token] [#id]}. */
    public static String describe(Transfer t) {
        StringBuilder sb = new StringBuilder().append(t.txIndex()).append('/').append(t.position()).append(' ')
                .append(t.kind()).append(' ').append(t.from()).append(" -> ").append(t.to()).append(' ')
                .append(t.amount().units());
        t.amount().asset().contract().ifPresent(c -> sb.append(" @").append(c));
        t.tokenId().ifPresent(id -> sb.append(" #").append(id));
        return sb.toString();
    }

    public static List<String> describe(List<Transfer> ts) {
        return ts.stream().map(FlowFixtures::describe).collect(Collectors.toList());
    }
}
