package dev.cordon.bench.ethereum;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A chain of mainnet-shaped blocks as a node would serialize them: per block the
 * {@code eth_getBlockByNumber(n, true)}, {@code eth_getBlockReceipts}, {@code trace_block} and
 * {@code debug_traceBlockByNumber} (callTracer) results, as JSON bytes. Shape per transaction
 * (2024-25 mainnet averages): an EIP-1559 transaction, 3 logs (2 ERC-20 transfers and one other
 * event; every 10th also a WETH deposit), 6 call frames (a value call, a static call, a
 * delegate call with a nested value call, a reverted call with a child); 1 in 20 transactions
 * fails. Deterministic for a seed.
 */
final class SyntheticEthBlocks {
    static final String TRANSFER = "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef";
    static final String DEPOSIT = "0xe1fffcc4923d04b559f4d29a8bfc6cda04eb5b0d3c460751c2402c5c5cc9109c";
    static final String SYNC = "0x1c411e9a96e071241c2f21f7726b17ae89e3cab4c78be50e062b03a9fffbbad1";
    static final String WETH = "0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One block's four results, serialized. */
    record Raw(byte[] block, byte[] receipts, byte[] parity, byte[] geth, int txs) {
        long bytes() {
            return block.length + receipts.length + parity.length + geth.length;
        }
    }

    private SyntheticEthBlocks() {
    }

    static List<Raw> chain(long firstHeight, int blocks, int txPerBlock, long seed) throws JsonProcessingException {
        Random rnd = new Random(seed);
        List<Raw> out = new ArrayList<>(blocks);
        for (int i = 0; i < blocks; i++) {
            out.add(block(firstHeight + i, txPerBlock, rnd));
        }
        return out;
    }

    private static Raw block(long h, int n, Random rnd) throws JsonProcessingException {
        ObjectNode b = MAPPER.createObjectNode();
        b.put("number", hex(h));
        b.put("hash", hash(0xb1, h));
        b.put("parentHash", hash(0xb1, h - 1));
        b.put("timestamp", hex(1_700_000_000L + 12 * h));
        b.put("miner", addr(7, 1));
        b.put("baseFeePerGas", hex(9_000_000_000L + rnd.nextInt(1_000_000_000)));
        b.put("gasUsed", "0x1c9c380");
        ArrayNode txs = b.putArray("transactions");
        ArrayNode receipts = MAPPER.createArrayNode();
        ArrayNode parity = MAPPER.createArrayNode();
        ArrayNode geth = MAPPER.createArrayNode();
        for (int i = 0; i < n; i++) {
            boolean ok = rnd.nextInt(20) != 0;
            String txHash = hash(0x7a, h * 10_000 + i);
            String from = addr(1, rnd.nextInt(1_000_000));
            String to = addr(2, rnd.nextInt(500));
            String value = rnd.nextBoolean() ? "0x0" : hex(1 + rnd.nextInt(1 << 30) * 1_000_000L);
            txs.add(tx(h, i, txHash, from, to, value, rnd));
            receipts.add(receipt(h, i, txHash, from, to, ok, rnd));
            parityFrames(parity, h, i, txHash, from, to, value, ok);
            ObjectNode entry = geth.addObject();
            entry.put("txHash", txHash);
            entry.set("result", gethFrame(from, to, value, ok));
        }
        return new Raw(MAPPER.writeValueAsBytes(b), MAPPER.writeValueAsBytes(receipts),
                MAPPER.writeValueAsBytes(parity), MAPPER.writeValueAsBytes(geth), n);
    }

    private static ObjectNode tx(long h, int i, String txHash, String from, String to, String value, Random rnd) {
        ObjectNode t = MAPPER.createObjectNode();
        t.put("blockHash", hash(0xb1, h));
        t.put("blockNumber", hex(h));
        t.put("hash", txHash);
        t.put("transactionIndex", hex(i));
        t.put("type", "0x2");
        t.put("from", from);
        t.put("to", to);
        t.put("value", value);
        t.put("gas", "0x3d090");
        t.put("gasPrice", hex(11_000_000_000L));
        t.put("maxFeePerGas", hex(30_000_000_000L));
        t.put("maxPriorityFeePerGas", hex(1_000_000_000L));
        t.put("nonce", hex(rnd.nextInt(5000)));
        t.put("input", "0xa9059cbb" + "0".repeat(24) + to.substring(2) + word(rnd.nextInt(1 << 30)));
        t.put("chainId", "0x1");
        t.put("v", "0x1");
        t.put("r", hash(0x33, i));
        t.put("s", hash(0x34, i));
        t.putArray("accessList");
        return t;
    }

    private static ObjectNode receipt(long h, int i, String txHash, String from, String to, boolean ok, Random rnd) {
        ObjectNode r = MAPPER.createObjectNode();
        r.put("blockHash", hash(0xb1, h));
        r.put("blockNumber", hex(h));
        r.put("transactionHash", txHash);
        r.put("transactionIndex", hex(i));
        r.put("from", from);
        r.put("to", to);
        r.put("status", ok ? "0x1" : "0x0");
        r.put("gasUsed", hex(21_000 + rnd.nextInt(200_000)));
        r.put("cumulativeGasUsed", hex(1_000_000L * (i + 1)));
        r.put("effectiveGasPrice", hex(11_000_000_000L));
        r.putNull("contractAddress");
        r.put("type", "0x2");
        r.put("logsBloom", "0x" + "0".repeat(512));
        ArrayNode logs = r.putArray("logs");
        if (ok) {
            String token = addr(3, rnd.nextInt(300));
            log(logs, h, i, txHash, token, word(rnd.nextInt(1 << 30)), TRANSFER, topic(from), topic(to));
            log(logs, h, i, txHash, addr(3, rnd.nextInt(300)), word(rnd.nextInt(1 << 30)), TRANSFER, topic(to), topic(from));
            log(logs, h, i, txHash, to, word(1) + word(2), SYNC);
            if (i % 10 == 0) {
                log(logs, h, i, txHash, WETH, word(rnd.nextInt(1 << 30)), DEPOSIT, topic(to));
            }
        }
        return r;
    }

    private static void log(ArrayNode logs, long h, int i, String txHash, String address, String data, String... topics) {
        ObjectNode l = logs.addObject();
        l.put("address", address);
        ArrayNode t = l.putArray("topics");
        for (String s : topics) {
            t.add(s);
        }
        l.put("data", "0x" + data);
        l.put("blockNumber", hex(h));
        l.put("transactionHash", txHash);
        l.put("transactionIndex", hex(i));
        l.put("blockHash", hash(0xb1, h));
        l.put("logIndex", hex(logs.size()));
        l.put("removed", false);
    }

    private static void parityFrames(ArrayNode out, long h, int i, String txHash, String from, String to, String value,
                                     boolean ok) {
        String other = addr(4, i);
        frame(out, h, i, txHash, "call", from, to, value, ok ? null : "Reverted", 4);
        if (!ok) {
            return;
        }
        frame(out, h, i, txHash, "staticcall", to, other, "0x0", null, 0, 0);
        frame(out, h, i, txHash, "call", to, from, "0x38d7ea4c68000", null, 0, 1);
        frame(out, h, i, txHash, "delegatecall", to, other, "0x0", null, 1, 2);
        frame(out, h, i, txHash, "call", to, addr(5, i), "0x2386f26fc10000", null, 0, 2, 0);
        frame(out, h, i, txHash, "call", to, other, "0x1", "Reverted", 1, 3);
        frame(out, h, i, txHash, "call", other, from, "0x1", null, 0, 3, 0);
    }

    private static void frame(ArrayNode out, long h, int i, String txHash, String callType, String from, String to,
                              String value, String error, int subtraces, int... traceAddress) {
        ObjectNode f = out.addObject();
        ObjectNode a = f.putObject("action");
        a.put("callType", callType);
        a.put("from", from);
        a.put("to", to);
        a.put("value", value);
        a.put("gas", "0x1d4c0");
        a.put("input", "0x");
        f.put("blockHash", hash(0xb1, h));
        f.put("blockNumber", h);
        if (error != null) {
            f.put("error", error);
        } else {
            ObjectNode r = f.putObject("result");
            r.put("gasUsed", "0x5208");
            r.put("output", "0x");
        }
        f.put("subtraces", subtraces);
        ArrayNode ta = f.putArray("traceAddress");
        for (int t : traceAddress) {
            ta.add(t);
        }
        f.put("transactionHash", txHash);
        f.put("transactionPosition", i);
        f.put("type", "call");
    }

    private static ObjectNode gethFrame(String from, String to, String value, boolean ok) {
        ObjectNode root = call("CALL", from, to, value);
        if (!ok) {
            root.put("error", "execution reverted");
            return root;
        }
        String other = addr(4, 0);
        ArrayNode calls = root.putArray("calls");
        calls.add(call("STATICCALL", to, other, null));
        calls.add(call("CALL", to, from, "0x38d7ea4c68000"));
        ObjectNode dc = call("DELEGATECALL", to, other, null);
        dc.putArray("calls").add(call("CALL", to, addr(5, 0), "0x2386f26fc10000"));
        calls.add(dc);
        ObjectNode bad = call("CALL", to, other, "0x1");
        bad.put("error", "execution reverted");
        bad.putArray("calls").add(call("CALL", other, from, "0x1"));
        calls.add(bad);
        return root;
    }

    private static ObjectNode call(String type, String from, String to, String value) {
        ObjectNode c = MAPPER.createObjectNode();
        c.put("type", type);
        c.put("from", from);
        c.put("to", to);
        if (value != null) {
            c.put("value", value);
        }
        c.put("gas", "0x1d4c0");
        c.put("gasUsed", "0x5208");
        c.put("input", "0x");
        return c;
    }

    static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }

    static String hash(int kind, long v) {
        return String.format("0x%02x%062x", kind, v);
    }

    private static String addr(int kind, long v) {
        return String.format("0x%02x%038x", kind, v);
    }

    private static String topic(String address) {
        return "0x" + "0".repeat(24) + address.substring(2);
    }

    private static String word(long v) {
        return String.format("%064x", v);
    }
}
