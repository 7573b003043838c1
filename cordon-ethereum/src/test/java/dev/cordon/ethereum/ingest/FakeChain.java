package dev.cordon.ethereum.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A scripted chain for the replay node: block {@code h} of fork {@code f} has one transaction
 * paying {@code h} wei from A to B (plus a parity trace), hashes derived from (fork, height).
 * {@link #reorg} replaces the blocks from a height on with a new fork.
 */
public final class FakeChain implements ReplayNode.Responder {
    static final String A = "0x" + "a".repeat(40);
    static final String B = "0x" + "b".repeat(40);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final List<Integer> forkAt = new ArrayList<>();
    private final Set<Long> hidden = new HashSet<>();
    private final Set<Long> hideOnce = new HashSet<>();
    private final Set<Long> badStatus = new HashSet<>();
    private int forks;

    public FakeChain(int length) {
        extend(length);
    }

    public synchronized void extend(int blocks) {
        for (int i = 0; i < blocks; i++) {
            forkAt.add(forks);
        }
    }

    /** Blocks from {@code height} on are replaced by a new fork of the same length. */
    public synchronized void reorg(long height) {
        forks++;
        for (int h = (int) height; h < forkAt.size(); h++) {
            forkAt.set(h, forks);
        }
    }

    public synchronized long tip() {
        return forkAt.size() - 1;
    }

    /** The node answers null for this block, always. */
    public synchronized void hide(long height) {
        hidden.add(height);
    }

    /** The node answers null for this block once. */
    public synchronized void hideOnce(long height) {
        hideOnce.add(height);
    }

    /** The receipt of this block's transaction says success while its trace says it reverted. */
    public synchronized void contradict(long height) {
        badStatus.add(height);
    }

    public synchronized String hash(long h) {
        return hashOf(forkAt.get((int) h), h);
    }

    static String txHash(long h, int fork) {
        return String.format("0x%016x%016x%032x", 0xfeedL, fork, h);
    }

    private static String hashOf(int fork, long h) {
        return String.format("0x%016x%016x%032x", 0xb10cL, fork, h);
    }

    @Override
    public synchronized JsonNode answer(String method, JsonNode params) {
        switch (method) {
            case "eth_blockNumber":
                return MAPPER.getNodeFactory().textNode("0x" + Long.toHexString(tip()));
            case "eth_getBlockByNumber":
                return block(height(params));
            case "eth_getBlockReceipts":
                return receipts(height(params));
            case "trace_block":
                return traces(height(params));
            default:
                throw new ReplayNode.RpcError(-32601, "the method " + method + " does not exist/is not available");
        }
    }

    private static long height(JsonNode params) {
        return Long.parseLong(params.get(0).asText().substring(2), 16);
    }

    private boolean served(long h) {
        if (h > tip() || hidden.contains(h)) {
            return false;
        }
        return !hideOnce.remove(h);
    }

    private JsonNode block(long h) {
        if (!served(h)) {
            return null;
        }
        int fork = forkAt.get((int) h);
        ObjectNode b = MAPPER.createObjectNode();
        b.put("number", "0x" + Long.toHexString(h));
        b.put("hash", hashOf(fork, h));
        b.put("parentHash", h == 0 ? "0x" + "0".repeat(64) : hashOf(forkAt.get((int) h - 1), h - 1));
        b.put("timestamp", "0x" + Long.toHexString(1_700_000_000L + 12 * h));
        b.put("miner", "0x" + "e".repeat(40));
        ObjectNode tx = b.putArray("transactions").addObject();
        tx.put("hash", txHash(h, fork));
        tx.put("transactionIndex", "0x0");
        tx.put("from", A);
        tx.put("to", B);
        tx.put("value", "0x" + Long.toHexString(h + 1));
        tx.put("gasPrice", "0x0");
        return b;
    }

    private JsonNode receipts(long h) {
        if (h > tip()) {
            return null;
        }
        int fork = forkAt.get((int) h);
        ArrayNode arr = MAPPER.createArrayNode();
        ObjectNode r = arr.addObject();
        r.put("transactionHash", txHash(h, fork));
        r.put("blockHash", hashOf(fork, h));
        r.put("status", "0x1");
        r.put("gasUsed", "0x5208");
        r.putArray("logs");
        return arr;
    }

    private JsonNode traces(long h) {
        if (h > tip()) {
            return null;
        }
        int fork = forkAt.get((int) h);
        ArrayNode arr = MAPPER.createArrayNode();
        ObjectNode f = arr.addObject();
        ObjectNode a = f.putObject("action");
        a.put("callType", "call");
        a.put("from", A);
        a.put("to", B);
        a.put("value", "0x" + Long.toHexString(h + 1));
        f.put("blockHash", hashOf(fork, h));
        f.putArray("traceAddress");
        f.put("transactionHash", txHash(h, fork));
        f.put("transactionPosition", 0);
        f.put("type", "call");
        if (badStatus.contains(h)) {
            f.put("error", "Reverted");
        }
        return arr;
    }
}
