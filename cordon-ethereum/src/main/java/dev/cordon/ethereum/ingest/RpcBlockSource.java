package dev.cordon.ethereum.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cordon.core.BlockHash;
import dev.cordon.core.DecodeException;
import dev.cordon.ethereum.flow.BlockFlowDecoder;
import dev.cordon.core.account.EthBlockFlows;
import dev.cordon.ethereum.flow.TraceDialect;
import dev.cordon.ethereum.flow.internal.Ctx;
import dev.cordon.ethereum.flow.internal.Json;
import dev.cordon.ethereum.rpc.JsonRpcClient;
import dev.cordon.ethereum.rpc.JsonRpcException;
import dev.cordon.ethereum.rpc.RpcRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Blocks from a node over JSON-RPC. One batch per range fetches every block with full
 * transactions, its receipts ({@code eth_getBlockReceipts}; when the node lacks that method,
 * one {@code eth_getTransactionReceipt} per transaction in a second batch) and its traces
 * ({@code trace_block}, or {@code debug_traceBlockByNumber} with {@code callTracer}; when the node
 * lacks the latter, as Anvil does, one {@code debug_traceTransaction} per transaction, assembled into
 * the block form). The blocks are then decoded; a range is fetched as two halves in parallel. A
 * {@code null} answer for any of them is a {@link MissingBlockException}, never a skipped block.
 */
public final class RpcBlockSource implements BlockSource {
    private static final Logger log = LoggerFactory.getLogger(RpcBlockSource.class);
    private static final String BLOCK_RECEIPTS = "eth_getBlockReceipts";
    private static final String GETH_BLOCK_TRACE = "debug_traceBlockByNumber";
    private static final Map<String, String> CALL_TRACER = Map.of("tracer", "callTracer");
    /**
     * Members of blocks, transactions, receipts, logs and trace frames that the decoder never
     * reads (calldata, return data, init code, blooms, signatures, roots, gas limits, the block
     * number repeated in every transaction, log and trace frame, the block and transaction
     * repeated in every log): the parser
     * skips them instead of building them, which is most of a traced block's bytes.
     */
    static final Set<String> UNREAD = Set.of("input", "output", "init", "logsBloom", "r", "s", "v", "yParity",
            "accessList", "authorizationList", "blobVersionedHashes", "stateRoot", "transactionsRoot", "receiptsRoot",
            "mixHash", "sha3Uncles", "extraData", "cumulativeGasUsed", "gas", "gasLimit", "subtraces", "withdrawals",
            "withdrawalsRoot", "uncles", "nonce", "difficulty", "totalDifficulty", "size", "sealFields", "parentBeaconBlockRoot",
            "requestsHash", "excessBlobGas", "blockNumber", "logIndex", "chainId",
            "logs[].blockHash", "logs[].transactionHash", "logs[].transactionIndex");

    private final JsonRpcClient rpc;
    private final TraceDialect dialect;
    private final BlockFlowDecoder decoder;
    private volatile boolean perTxReceipts;
    private volatile boolean perTxTraces;

    public RpcBlockSource(JsonRpcClient rpc, TraceDialect dialect, BlockFlowDecoder decoder) {
        this.rpc = Objects.requireNonNull(rpc, "rpc");
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.decoder = Objects.requireNonNull(decoder, "decoder");
    }

    @Override
    public long tipHeight() {
        JsonNode r = rpc.call("eth_blockNumber");
        if (r == null || !r.isTextual()) {
            throw new DecodeException("eth_blockNumber", -1, "result is not a hex quantity: " + r);
        }
        return Json.quantityLong(r.textValue(), "eth_blockNumber", new Ctx());
    }

    /**
     * {@inheritDoc}
     *
     * <p>A range of two or more blocks is fetched as two halves in parallel, so that parsing the
     * responses, the heaviest part, runs on two cores.
     */
    @Override
    public List<EthBlockFlows> fetch(long from, long to) {
        if (to < from || to - from >= 100_000) {
            throw new IllegalArgumentException("bad range " + from + ".." + to);
        }
        if (to == from) {
            return fetchPart(from, 1);
        }
        long mid = from + (to - from + 1) / 2;
        return Stream.of(new long[] {from, mid - 1}, new long[] {mid, to}).parallel()
                .flatMap(r -> fetchPart(r[0], (int) (r[1] - r[0] + 1)).stream())
                .toList();
    }

    private List<EthBlockFlows> fetchPart(long from, int n) {
        Raw raw = fetchRaw(from, n);
        List<JsonNode> results = raw.results();
        List<JsonNode> blocks = results.subList(0, n);
        for (int i = 0; i < n; i++) {
            if (blocks.get(i) == null || blocks.get(i).isNull()) {
                throw new MissingBlockException(from + i, "block");
            }
        }
        List<JsonNode> receipts = raw.blockReceipts() ? results.subList(n, 2 * n)
                : perTx(from, blocks, "receipt", h -> RpcRequest.of("eth_getTransactionReceipt", h), (h, r) -> r);
        int tracesAt = raw.blockReceipts() ? 2 * n : n;
        List<JsonNode> traces = dialect == TraceDialect.NONE ? null
                : raw.blockTraces() ? results.subList(tracesAt, tracesAt + n)
                : perTx(from, blocks, "trace", h -> RpcRequest.of("debug_traceTransaction", h, CALL_TRACER),
                        RpcBlockSource::gethEntry);
        for (int i = 0; i < n; i++) {
            if (receipts.get(i) == null || receipts.get(i).isNull()) {
                throw new MissingBlockException(from + i, "receipts");
            }
            if (traces != null && traces.get(i).isNull()) {
                throw new MissingBlockException(from + i, "traces");
            }
        }
        return IntStream.range(0, n)
                .mapToObj(i -> decoder.decode(blocks.get(i), receipts.get(i), dialect, traces == null ? null : traces.get(i)))
                .toList();
    }

    /**
     * The batch's results, whether they hold one eth_getBlockReceipts result per block, and
     * whether they hold the block traces.
     */
    private record Raw(List<JsonNode> results, boolean blockReceipts, boolean blockTraces) {
    }

    /** Fetches the batch; a block-level method the node lacks is replaced by per-transaction calls from then on. */
    private Raw fetchRaw(long from, int n) {
        while (true) {
            boolean blockReceipts = !perTxReceipts;
            boolean blockTraces = dialect != TraceDialect.NONE && !perTxTraces;
            try {
                return new Raw(rpc.batch(requests(from, n, blockReceipts, blockTraces), UNREAD), blockReceipts, blockTraces);
            } catch (JsonRpcException e) {
                if (!e.isMethodNotFound()) {
                    throw e;
                }
                if (blockReceipts && BLOCK_RECEIPTS.equals(e.method())) {
                    log.info("{} is not served by the node; fetching receipts one transaction at a time", BLOCK_RECEIPTS);
                    perTxReceipts = true;
                } else if (blockTraces && dialect == TraceDialect.GETH && GETH_BLOCK_TRACE.equals(e.method())) {
                    log.info("{} is not served by the node; tracing one transaction at a time", GETH_BLOCK_TRACE);
                    perTxTraces = true;
                } else {
                    throw e;
                }
            }
        }
    }

    private List<RpcRequest> requests(long from, int n, boolean blockReceipts, boolean blockTraces) {
        List<RpcRequest> reqs = new ArrayList<>(3 * n);
        for (int i = 0; i < n; i++) {
            reqs.add(RpcRequest.of("eth_getBlockByNumber", hex(from + i), true));
        }
        if (blockReceipts) {
            for (int i = 0; i < n; i++) {
                reqs.add(RpcRequest.of(BLOCK_RECEIPTS, hex(from + i)));
            }
        }
        for (int i = 0; i < n && blockTraces; i++) {
            reqs.add(dialect == TraceDialect.PARITY
                    ? RpcRequest.of("trace_block", hex(from + i))
                    : RpcRequest.of(GETH_BLOCK_TRACE, hex(from + i), CALL_TRACER));
        }
        return reqs;
    }

    /** A debug_traceTransaction result in the form of a debug_traceBlockByNumber entry. */
    private static JsonNode gethEntry(String txHash, JsonNode frame) {
        ObjectNode entry = JsonNodeFactory.instance.objectNode();
        entry.put("txHash", txHash);
        entry.set("result", frame);
        return entry;
    }

    /**
     * One request per transaction of each block, in one batch; the answers grouped into one array
     * per block, each answer passed through {@code wrap(txHash, answer)}.
     */
    private List<JsonNode> perTx(long from, List<JsonNode> blocks, String what, Function<String, RpcRequest> request,
                                 BiFunction<String, JsonNode, JsonNode> wrap) {
        List<RpcRequest> reqs = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        int[] counts = new int[blocks.size()];
        for (int i = 0; i < blocks.size(); i++) {
            JsonNode txs = blocks.get(i).path("transactions");
            counts[i] = txs.size();
            for (JsonNode tx : txs) {
                String h = tx.path("hash").asText("");
                hashes.add(h);
                reqs.add(request.apply(h));
            }
        }
        List<JsonNode> all = reqs.isEmpty() ? List.of() : rpc.batch(reqs, UNREAD);
        List<JsonNode> out = new ArrayList<>(blocks.size());
        int k = 0;
        for (int i = 0; i < blocks.size(); i++) {
            var arr = JsonNodeFactory.instance.arrayNode(counts[i]);
            for (int j = 0; j < counts[i]; j++, k++) {
                if (all.get(k) == null || all.get(k).isNull()) {
                    throw new MissingBlockException(from + i, what + " of transaction " + j);
                }
                arr.add(wrap.apply(hashes.get(k), all.get(k)));
            }
            out.add(arr);
        }
        return out;
    }

    @Override
    public Map<Long, BlockHash> canonicalHashes(List<Long> heights) {
        List<RpcRequest> reqs = new ArrayList<>(heights.size());
        heights.forEach(h -> reqs.add(RpcRequest.of("eth_getBlockByNumber", hex(h), false)));
        List<JsonNode> results = reqs.isEmpty() ? List.of() : rpc.batch(reqs);
        Map<Long, BlockHash> out = new HashMap<>();
        Ctx ctx = new Ctx();
        for (int i = 0; i < heights.size(); i++) {
            JsonNode b = results.get(i);
            if (b != null && b.isObject()) {
                ctx.block(heights.get(i));
                out.put(heights.get(i), Json.blockHash(Json.text(b, "hash", ctx), "hash", ctx));
            }
        }
        return out;
    }

    static String hex(long height) {
        return "0x" + Long.toHexString(height);
    }
}
