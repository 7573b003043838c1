package dev.cordon.ethereum.ingest;

import static dev.cordon.ethereum.flow.FlowFixtures.describe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import dev.cordon.core.ManualClock;
import dev.cordon.ethereum.flow.BlockFlowDecoder;
import dev.cordon.core.account.EthBlockFlows;
import dev.cordon.ethereum.flow.FlowFixtures;
import dev.cordon.ethereum.flow.TraceDialect;
import dev.cordon.ethereum.rpc.JsonRpcClient;
import dev.cordon.ethereum.rpc.RpcSettings;
import dev.cordon.ethereum.rpc.Sleeper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Ingest over JSON-RPC from a local replay node: recorded blocks, faults, gaps and reorgs. */
class EthereumIngestTest {
    private static final String STREAM = "test_stream/blocks_1755634_1755635/";
    private final ManualClock clock = new ManualClock(Instant.parse("2025-02-21T14:13:00Z"));
    private final List<Duration> waits = new ArrayList<>();
    private final Sleeper sleeper = d -> {
        waits.add(d);
        clock.advance(d);
    };
    private final InMemoryEthereumSink sink = new InMemoryEthereumSink();

    @Test
    void run_recordedBlocksWithPerTransactionReceiptFallback() throws Exception {
        try (ReplayNode node = new ReplayNode(EthereumIngestTest::recorded)) {
            EthereumIngest.Result r = ingest(node, TraceDialect.NONE, IngestOptions.range(1755634, 1755635)).run();

            assertThat(r.blocksApplied()).isEqualTo(2);
            assertThat(sink.checkpoint().orElseThrow().hash().hex())
                    .isEqualTo("1dec87ec1ba8e65b7773bb6f62249468948a28a427efd3d896a2ff7d7c591a67");
            assertThat(sink.block(1755634).orElseThrow().transfers()).isEmpty();
            String miner = "0xa027231f42c80ca4125b5cb962a21cd4f812e88f";
            assertThat(describe(sink.transfers())).containsExactly(
                    "0/0 FEE_TIP 0xed059bc543141c8c93031d545079b3da0233b27f -> " + miner + " 728360000000000",
                    "0/1 ERC20 0x6498077292a0921c8804924fdf47b5e91e2a215f -> 0x8b3b3b624c3c0397d3da8fd861512393d51dcbac"
                            + " 5000000000000000000 @0xbb9bc244d798123fde783fcc1c72d3bb8c189413",
                    "1/0 FEE_TIP 0x3763e6e1228bfeab94191c856412d1bb0a8e6996 -> " + miner + " 420000000000000",
                    "1/1 NATIVE 0x3763e6e1228bfeab94191c856412d1bb0a8e6996 -> 0xec1ebac9da3430213281c80fa6d46378341a96ae"
                            + " 405738107000000000");
            assertThat(sink.transfers().get(0).blockHeight()).isEqualTo(1755635);
        }
    }

    @Test
    void run_http500AndSlowAnswersAreRetried() throws Exception {
        FakeChain chain = new FakeChain(6);
        try (ReplayNode node = new ReplayNode(chain)) {
            node.fault(ReplayNode.Fault.HTTP_500).fault(ReplayNode.Fault.SLOW).fault(ReplayNode.Fault.HTTP_500);
            EthereumIngest.Result r = ingest(node, TraceDialect.PARITY, IngestOptions.range(0, 5)).run();

            assertThat(r.blocksApplied()).isEqualTo(6);
            assertThat(sink.transfers()).extracting(t -> t.amount().units().longValue()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        }
    }

    @Test
    void run_gethNodeWithoutBlockTraces_tracesEachTransaction() throws Exception {
        FakeChain chain = new FakeChain(6);
        List<String> asked = Collections.synchronizedList(new ArrayList<>());
        ReplayNode.Responder anvilLike = (method, params) -> {
            asked.add(method);
            if (!"debug_traceTransaction".equals(method)) {
                return chain.answer(method, params);
            }
            long h = Long.parseLong(params.get(0).asText().substring(34), 16);
            JsonNode tx = chain.answer("eth_getBlockByNumber", FlowFixtures.MAPPER.createArrayNode()
                    .add("0x" + Long.toHexString(h)).add(true)).get("transactions").get(0);
            ObjectNode frame = FlowFixtures.MAPPER.createObjectNode().put("type", "CALL");
            frame.set("from", tx.get("from"));
            frame.set("to", tx.get("to"));
            frame.set("value", tx.get("value"));
            return frame;
        };
        try (ReplayNode node = new ReplayNode(anvilLike)) {
            RpcBlockSource source = source(node, TraceDialect.GETH);
            EthereumIngest.Result r = new EthereumIngest(source, sink, IngestOptions.range(0, 3), clock, sleeper).run();
            int blockTraceAsks = Collections.frequency(asked, "debug_traceBlockByNumber");
            new EthereumIngest(source, sink, IngestOptions.range(0, 5), clock, sleeper).run();

            assertThat(r.blocksApplied()).isEqualTo(4);
            assertThat(sink.transfers()).extracting(t -> t.amount().units().longValue())
                    .containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
            assertThat(Collections.frequency(asked, "debug_traceTransaction")).isEqualTo(6);
            assertThat(blockTraceAsks).isPositive();
            assertThat(Collections.frequency(asked, "debug_traceBlockByNumber")).as("not asked again").isEqualTo(blockTraceAsks);
        }
    }

    @Test
    void run_truncatedJsonIsRetriedByIngest() throws Exception {
        FakeChain chain = new FakeChain(4);
        try (ReplayNode node = new ReplayNode(chain)) {
            node.fault(ReplayNode.Fault.TRUNCATED).fault(ReplayNode.Fault.TRUNCATED);
            EthereumIngest.Result r = ingest(node, TraceDialect.NONE, IngestOptions.range(0, 3)).run();

            assertThat(r.blocksApplied()).isEqualTo(4);
            assertThat(waits).isNotEmpty();
        }
    }

    @Test
    void run_persistentJsonRpcErrorIsAClearError() throws Exception {
        try (ReplayNode node = new ReplayNode((m, p) -> {
            if (m.equals("eth_blockNumber")) {
                return FlowFixtures.MAPPER.getNodeFactory().textNode("0x10");
            }
            throw new ReplayNode.RpcError(-32000, "header not found");
        })) {
            EthereumIngest ingest = ingest(node, TraceDialect.NONE, IngestOptions.range(3, 4).withRetries(3, Duration.ofMillis(100)));

            assertThatThrownBy(ingest::run).isInstanceOf(CordonException.class)
                    .hasMessageContaining("blocks 3..4").hasMessageContaining("header not found")
                    .hasMessageContaining("gave up after 3 attempts");
            assertThat(waits).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
            assertThat(sink.checkpoint()).isEmpty();
        }
    }

    @Test
    void run_blockMissingFromMiddleOfRangeIsNeverSkipped() throws Exception {
        FakeChain chain = new FakeChain(11);
        chain.hide(5);
        try (ReplayNode node = new ReplayNode(chain)) {
            EthereumIngest ingest = ingest(node, TraceDialect.NONE, IngestOptions.range(0, 10).withBatchSize(4));

            assertThatThrownBy(ingest::run).isInstanceOf(CordonException.class)
                    .hasMessageContaining("blocks 4..7").hasMessageContaining("no block for block 5");
            assertThat(sink.checkpoint().orElseThrow().height()).isEqualTo(3);
        }
    }

    @Test
    void run_blockMissingOnceIsFetchedOnRetry() throws Exception {
        FakeChain chain = new FakeChain(11);
        chain.hideOnce(5);
        try (ReplayNode node = new ReplayNode(chain)) {
            EthereumIngest.Result r = ingest(node, TraceDialect.NONE, IngestOptions.range(0, 10).withBatchSize(4)).run();

            assertThat(r.blocksApplied()).isEqualTo(11);
            assertThat(sink.blocks()).extracting(EthBlockFlows::height).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        }
    }

    @Test
    void run_traceContradictingReceiptStopsIngestNamingTheTransaction() throws Exception {
        FakeChain chain = new FakeChain(5);
        chain.contradict(2);
        try (ReplayNode node = new ReplayNode(chain)) {
            EthereumIngest ingest = ingest(node, TraceDialect.PARITY, IngestOptions.range(0, 4).withBatchSize(1));

            assertThatThrownBy(ingest::run).isInstanceOf(CordonException.class)
                    .hasMessageContaining("block 2 tx " + FakeChain.txHash(2, 0))
                    .hasMessageContaining("receipt status says success but the root trace failed");
            assertThat(sink.checkpoint().orElseThrow().height()).isEqualTo(1);
        }
    }

    @Test
    void run_followRollsBackToCommonAncestorAfterReorg() throws Exception {
        FakeChain chain = new FakeChain(11);
        try (ReplayNode node = new ReplayNode(chain)) {
            List<Duration> polls = new ArrayList<>();
            Sleeper reorgOnFirstPoll = d -> {
                polls.add(d);
                if (polls.size() == 1) {
                    chain.reorg(8);
                    chain.extend(4);
                }
            };
            IngestOptions opts = IngestOptions.follow(OptionalLong.of(0), 0).withBatchSize(3);
            EthereumIngest ingest = new EthereumIngest(source(node, TraceDialect.PARITY), sink, opts, clock, reorgOnFirstPoll);

            EthereumIngest.Result r = ingest.run(() -> sink.checkpoint().map(c -> c.height() < 14).orElse(true));

            assertThat(r.reorgs()).isEqualTo(1);
            assertThat(sink.rolledBackCount()).isEqualTo(3);
            for (long h = 0; h <= 14; h++) {
                assertThat(sink.block(h).orElseThrow().hash().hex()).isEqualTo(chain.hash(h).substring(2));
            }
            assertThat(sink.transfers()).hasSize(15);
            assertThat(sink.transfers().get(9).txId().hex()).isEqualTo(FakeChain.txHash(9, 1).substring(2));
        }
    }

    @Test
    void run_resumesAfterTheCheckpoint() throws Exception {
        FakeChain chain = new FakeChain(11);
        try (ReplayNode node = new ReplayNode(chain)) {
            ingest(node, TraceDialect.NONE, IngestOptions.range(0, 5)).run();
            EthereumIngest.Result again = ingest(node, TraceDialect.NONE, IngestOptions.range(0, 10)).run();

            assertThat(again.blocksApplied()).isEqualTo(5);
            assertThat(sink.appliedCount()).isEqualTo(11);
            assertThatThrownBy(() -> ingest(node, TraceDialect.NONE, IngestOptions.range(20, 30)).run())
                    .isInstanceOf(CordonException.class).hasMessageContaining("would leave a gap")
                    .extracting(e -> ((CordonException) e).code()).isEqualTo(ErrorCode.USAGE);
        }
    }

    @Test
    void run_rangeBeyondTipIsAUsageError() throws Exception {
        try (ReplayNode node = new ReplayNode(new FakeChain(3))) {
            assertThatThrownBy(() -> ingest(node, TraceDialect.NONE, IngestOptions.range(0, 9)).run())
                    .isInstanceOf(CordonException.class).hasMessageContaining("beyond the node's tip 2");
        }
    }

    private EthereumIngest ingest(ReplayNode node, TraceDialect dialect, IngestOptions opts) {
        return new EthereumIngest(source(node, dialect), sink, opts, clock, sleeper);
    }

    static RpcBlockSource source(ReplayNode node, TraceDialect dialect) {
        RpcSettings settings = RpcSettings.defaults(node.url()).withTimeout(Duration.ofMillis(2000))
                .withRetries(3, Duration.ofMillis(1), Duration.ofMillis(2));
        return new RpcBlockSource(new JsonRpcClient(settings, d -> { }), dialect, new BlockFlowDecoder());
    }

    /** Recorded responses of blocks 1755634..1755635; eth_getBlockReceipts is unknown, as on old nodes. */
    static JsonNode recorded(String method, JsonNode params) {
        switch (method) {
            case "eth_blockNumber":
                return FlowFixtures.MAPPER.getNodeFactory().textNode("0x1ac9f4");
            case "eth_getBlockByNumber":
                return FlowFixtures.result(STREAM + "web3_response.eth_getBlockByNumber_" + params.get(0).asText() + "_true.json");
            case "eth_getTransactionReceipt":
                return FlowFixtures.result(STREAM + "web3_response.eth_getTransactionReceipt_" + params.get(0).asText() + ".json");
            default:
                throw new ReplayNode.RpcError(-32601, "the method " + method + " does not exist/is not available");
        }
    }
}
