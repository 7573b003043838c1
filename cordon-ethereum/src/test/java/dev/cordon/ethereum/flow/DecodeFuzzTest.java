package dev.cordon.ethereum.flow;

import static dev.cordon.ethereum.flow.FlowFixtures.MAPPER;
import static dev.cordon.ethereum.flow.FlowFixtures.receipts;
import static dev.cordon.ethereum.flow.FlowFixtures.result;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cordon.core.DecodeException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded mutation fuzzing of the JSON decoding: recorded responses with fields removed,
 * nulled, retyped, truncated or replaced by garbage must decode or throw {@link DecodeException},
 * never anything else. The seed is printed; set {@code -Dcordon.fuzz.seed=N} to replay a run.
 */
class DecodeFuzzTest {
    private static final int ITERATIONS = 4000;
    private static final String[] GARBAGE = {"", "0x", "0x0", "0xzz", "0X1", "0x-1", "-1", "0x" + "f".repeat(90),
        "0x" + "0".repeat(40), "0x" + "1".repeat(64), "0x" + "a".repeat(41), "\u0661\u0662", "null", "0x８"};

    private final BlockFlowDecoder decoder = new BlockFlowDecoder();

    private record Input(JsonNode block, JsonNode receipts, TraceDialect dialect, JsonNode traces) {
    }

    @Test
    void decode_mutatedInputsThrowOnlyDecodeException() {
        long seed = Long.getLong("cordon.fuzz.seed", System.nanoTime());
        System.out.println("DecodeFuzzTest seed " + seed);
        Random rnd = new Random(seed);
        List<Input> corpus = corpus();
        int decoded = 0;
        for (int i = 0; i < ITERATIONS; i++) {
            Input base = corpus.get(rnd.nextInt(corpus.size()));
            ObjectNode holder = MAPPER.createObjectNode();
            holder.set("block", base.block().deepCopy());
            holder.set("receipts", base.receipts().deepCopy());
            holder.set("traces", base.traces() == null ? MAPPER.nullNode() : base.traces().deepCopy());
            int mutations = 1 + rnd.nextInt(3);
            for (int m = 0; m < mutations; m++) {
                mutate(holder, rnd);
            }
            try {
                decoder.decode(holder.get("block"), holder.get("receipts"), base.dialect(), holder.get("traces"));
                decoded++;
            } catch (DecodeException expected) {
                // the documented failure
            } catch (Throwable t) {
                fail("seed " + seed + " iteration " + i + ": " + t + " escaped for input " + holder, t);
            }
        }
        System.out.println("DecodeFuzzTest " + ITERATIONS + " inputs, " + decoded + " still decodable");
    }

    private static List<Input> corpus() {
        List<Input> out = new ArrayList<>();
        out.add(new Input(result("test_export_blocks_job/block_with_logs/web3_response.eth_getBlockByNumber_0x76250_true.json"),
                receipts("test_export_receipts_job/receipts_with_logs",
                        "0x04cbcb236043d8fb7839e07bbc7f5eed692fb2ca55d897f1101eac3e3ad4fab8",
                        "0xcea6f89720cc1d2f46cc7a935463ae0b99dd5fad9c91bb7357de5421511cee49",
                        "0x463d53f0ad57677a3b430a007c1c31d15d62c37fab5eee598551697c297c235c",
                        "0x05287a561f218418892ab053adfb3d919860988b19458c570c5c30f51c146f02"), TraceDialect.NONE, null));
        out.add(new Input(result("test_stream/blocks_1755634_1755635/web3_response.eth_getBlockByNumber_0x1ac9f3_true.json"),
                receipts("test_stream/blocks_1755634_1755635",
                        "0x2e3dcd051a91d3a694f6b8de2ac4b5fe7acdba55f58bcf8471ff00d4a430074d",
                        "0x9a5437ec71b74ecf5930b406908ac6999966d38a86d1534b7190ece7599095eb"), TraceDialect.NONE, null));
        String[][] traced = {
            {"block_with_subtraces/web3_response.trace_block_0xf4240.json", "block_with_subtraces/web3_response.debug_traceBlockByNumber_0xf4240_tracer_calltracer.json"},
            {"block_with_error/web3_response.trace_block_0xf45bf.json", "block_with_error/web3_response.debug_traceBlockByNumber_0xf45bf_tracer_calltracer.json"},
            {"block_with_create/web3_response.trace_block_0xf44f2.json", "block_with_create/web3_response.debug_traceBlockByNumber_0xf44f2_tracer_calltracer.json"},
            {"block_with_suicide/web3_response.trace_block_0xf7105.json", "block_with_suicide/web3_response.debug_traceBlockByNumber_0xf7105_tracer_calltracer.json"},
        };
        for (String[] p : traced) {
            JsonNode parity = result("test_export_traces_job/" + p[0]);
            FlowFixtures.Wrapped w = FlowFixtures.wrapParity(parity);
            out.add(new Input(w.block(), w.receipts(), TraceDialect.PARITY, parity));
            out.add(new Input(w.block(), w.receipts(), TraceDialect.GETH, result("test_extract_geth_traces_job/" + p[1])));
        }
        return out;
    }

    /** Picks a random container node in the tree and damages one of its members. */
    private static void mutate(ObjectNode root, Random rnd) {
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        JsonNode target = containers.get(rnd.nextInt(containers.size()));
        if (target instanceof ObjectNode o) {
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            if (names.isEmpty()) {
                return;
            }
            String name = names.get(rnd.nextInt(names.size()));
            if (rnd.nextInt(5) == 0) {
                o.remove(name);
            } else {
                o.set(name, replacement(o.get(name), rnd));
            }
        } else if (target instanceof ArrayNode a && a.size() > 0) {
            int i = rnd.nextInt(a.size());
            switch (rnd.nextInt(3)) {
                case 0 -> a.remove(i);
                case 1 -> a.add(a.get(i).deepCopy());
                default -> a.set(i, replacement(a.get(i), rnd));
            }
        }
    }

    private static JsonNode replacement(JsonNode old, Random rnd) {
        switch (rnd.nextInt(8)) {
            case 0:
                return MAPPER.nullNode();
            case 1:
                return MAPPER.getNodeFactory().numberNode(rnd.nextInt(3) - 1);
            case 2:
                return MAPPER.createArrayNode();
            case 3:
                return MAPPER.createObjectNode();
            case 4:
                return MAPPER.getNodeFactory().booleanNode(rnd.nextBoolean());
            case 5:
                if (old != null && old.isTextual() && !old.textValue().isEmpty()) {
                    String s = old.textValue();
                    return MAPPER.getNodeFactory().textNode(s.substring(0, rnd.nextInt(s.length())));
                }
                return MAPPER.getNodeFactory().textNode("0x1");
            case 6:
                if (old != null && old.isTextual() && !old.textValue().isEmpty()) {
                    char[] c = old.textValue().toCharArray();
                    c[rnd.nextInt(c.length)] = (char) (' ' + rnd.nextInt(95));
                    return MAPPER.getNodeFactory().textNode(new String(c));
                }
                return MAPPER.getNodeFactory().textNode("");
            default:
                return MAPPER.getNodeFactory().textNode(GARBAGE[rnd.nextInt(GARBAGE.length)]);
        }
    }

    private static void collect(JsonNode n, List<JsonNode> out) {
        if (n.isContainerNode()) {
            out.add(n);
            for (Iterator<JsonNode> it = n.elements(); it.hasNext(); ) {
                collect(it.next(), out);
            }
        }
    }
}
