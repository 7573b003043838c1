package dev.cordon.ethereum.flow;

import dev.cordon.core.account.EthBlockFlows;
import static dev.cordon.ethereum.flow.FlowFixtures.describe;
import static dev.cordon.ethereum.flow.FlowFixtures.receipts;
import static dev.cordon.ethereum.flow.FlowFixtures.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cordon.core.DecodeException;
import dev.cordon.core.TransferKind;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Recorded mainnet blocks, receipts and traces decoded into exact transfers. */
class BlockFlowDecoderTest {
    private static final String RECEIPTS = "test_export_receipts_job/receipts_with_logs";
    private static final String STREAM = "test_stream/blocks_1755634_1755635";
    private final BlockFlowDecoder decoder = new BlockFlowDecoder();

    @Test
    void decode_blockWithTokenTransfersAndNoTraces() {
        JsonNode block = result("test_export_blocks_job/block_with_logs/web3_response.eth_getBlockByNumber_0x76250_true.json");
        ArrayNode rs = receipts(RECEIPTS,
                "0x04cbcb236043d8fb7839e07bbc7f5eed692fb2ca55d897f1101eac3e3ad4fab8",
                "0xcea6f89720cc1d2f46cc7a935463ae0b99dd5fad9c91bb7357de5421511cee49",
                "0x463d53f0ad57677a3b430a007c1c31d15d62c37fab5eee598551697c297c235c",
                "0x05287a561f218418892ab053adfb3d919860988b19458c570c5c30f51c146f02");

        EthBlockFlows f = decoder.decode(block, rs, TraceDialect.NONE, null);

        String miner = "0x52bc44d5378309ee2abf1539bf71de1b7d7be3b5";
        String token = "0xf4eced2f682ce333f96f2d8966c613ded8fc95dd";
        assertThat(f.height()).isEqualTo(483920);
        assertThat(f.hash().hex()).isEqualTo("246edb4b351d93c27926f4649bcf6c24366e2a7c7c718dc9158eea20c03bc6ae");
        assertThat(f.timestamp()).isEqualTo(Instant.ofEpochSecond(0x5638c858L));
        assertThat(describe(f.transfers())).containsExactly(
                "0/0 FEE_TIP 0x1b63142628311395ceafeea5667e7c9026c862ca -> " + miner + " 2542650000000000",
                "0/1 ERC20 0x1b63142628311395ceafeea5667e7c9026c862ca -> 0xac4df82fe37ea2187bc8c011a23d743b4f39019a 100000 @" + token,
                "1/0 FEE_TIP 0x9b22a80d5c7b3374a05b446081f97d0a34079e7f -> " + miner + " 2542650000000000",
                "1/1 ERC20 0x9b22a80d5c7b3374a05b446081f97d0a34079e7f -> 0x66f183060253cfbe45beff1e6e7ebbe318c81e56 200000 @" + token,
                "2/0 FEE_TIP 0x9df428a91ff0f3635c8f0ce752933b9788926804 -> " + miner + " 1050000000000000",
                "2/1 NATIVE 0x9df428a91ff0f3635c8f0ce752933b9788926804 -> 0x9e669f970ec0f49bb735f20799a7e7c4a1c274e2 11000440000000000",
                "3/0 FEE_TIP 0x2a65aca4d5fc5b5c859090a6c34d164135398226 -> " + miner + " 1050000000000000",
                "3/1 NATIVE 0x2a65aca4d5fc5b5c859090a6c34d164135398226 -> 0x743b8aeedc163c0e3a0fe9f3910d146c48e70da8 1530219620000000000");
        assertThat(f.transfers().get(1).txId().hex())
                .isEqualTo("04cbcb236043d8fb7839e07bbc7f5eed692fb2ca55d897f1101eac3e3ad4fab8");
        assertThat(f.notes()).singleElement().asString().contains("4 receipts carry no status");
    }

    @Test
    void decode_tokenTransfersAgreeWithRecordedGetLogs() {
        JsonNode logs = result("test_export_token_transfers_job/block_with_transfers/web3_response.eth_getFilterLogs_0x0.json");
        JsonNode block = result("test_export_blocks_job/block_with_logs/web3_response.eth_getBlockByNumber_0x76250_true.json");
        EthBlockFlows f = decoder.decode(block, receipts(RECEIPTS,
                "0x04cbcb236043d8fb7839e07bbc7f5eed692fb2ca55d897f1101eac3e3ad4fab8",
                "0xcea6f89720cc1d2f46cc7a935463ae0b99dd5fad9c91bb7357de5421511cee49",
                "0x463d53f0ad57677a3b430a007c1c31d15d62c37fab5eee598551697c297c235c",
                "0x05287a561f218418892ab053adfb3d919860988b19458c570c5c30f51c146f02"), TraceDialect.NONE, null);

        var erc20 = f.transfers().stream().filter(t -> t.kind() == TransferKind.ERC20).toList();
        assertThat(erc20).hasSize(logs.size());
        for (int i = 0; i < logs.size(); i++) {
            assertThat(erc20.get(i).txId().hex()).isEqualTo(logs.get(i).get("transactionHash").asText().substring(2));
            assertThat(erc20.get(i).from().value()).isEqualTo("0x" + logs.get(i).get("topics").get(1).asText().substring(26));
        }
    }

    @Test
    void decode_receiptsWithEffectiveGasPriceAndOtherLogs() {
        JsonNode block = result(STREAM + "/web3_response.eth_getBlockByNumber_0x1ac9f3_true.json");
        EthBlockFlows f = decoder.decode(block, receipts(STREAM,
                "0x2e3dcd051a91d3a694f6b8de2ac4b5fe7acdba55f58bcf8471ff00d4a430074d",
                "0x9a5437ec71b74ecf5930b406908ac6999966d38a86d1534b7190ece7599095eb"), TraceDialect.NONE, null);

        String miner = "0xa027231f42c80ca4125b5cb962a21cd4f812e88f";
        assertThat(describe(f.transfers())).containsExactly(
                "0/0 FEE_TIP 0xed059bc543141c8c93031d545079b3da0233b27f -> " + miner + " 728360000000000",
                "0/1 ERC20 0x6498077292a0921c8804924fdf47b5e91e2a215f -> 0x8b3b3b624c3c0397d3da8fd861512393d51dcbac"
                        + " 5000000000000000000 @0xbb9bc244d798123fde783fcc1c72d3bb8c189413",
                "1/0 FEE_TIP 0x3763e6e1228bfeab94191c856412d1bb0a8e6996 -> " + miner + " 420000000000000",
                "1/1 NATIVE 0x3763e6e1228bfeab94191c856412d1bb0a8e6996 -> 0xec1ebac9da3430213281c80fa6d46378341a96ae"
                        + " 405738107000000000");
        assertThat(f.parentHash().hex()).isEqualTo("a06fc36a7144c4bbb1f7ab13b541144414fa7808c119e8a4635e392ea544c178");
    }

    @Test
    void decode_paritySubtracesSkipCallcodeValue() {
        EthBlockFlows f = parity("block_with_subtraces/web3_response.trace_block_0xf4240.json");

        assertThat(describe(f.transfers())).containsExactly(
                "0/0 NATIVE 0x39fa8c5f2793459d6622857e7d9fbb4bd91766d3 -> 0xc083e9947cf02b8ffc7d3090ae9aea72df98fd47 100000000000000000000",
                "1/0 NATIVE 0x32be343b94f860124dc4fee278fdcbd38c102d88 -> 0xdf190dc7190dfba737d7777a163445b7fff16133 437194980000000000");
        assertThat(f.height()).isEqualTo(1_000_000);
    }

    @Test
    void decode_parityErroredRootMovesNothing() {
        EthBlockFlows f = parity("block_with_error/web3_response.trace_block_0xf45bf.json");

        assertThat(describe(f.transfers())).containsExactly(
                "1/0 NATIVE 0x9288fe5be3be048b5c7a68bfd4b9a0746b7e4a00 -> 0xe05ff93a9978bbb48356accc74088f3841fc5d72 1100000000000000000");
    }

    @Test
    void decode_parityCreateRecordsCreation() {
        EthBlockFlows f = parity("block_with_create/web3_response.trace_block_0xf44f2.json");

        assertThat(describe(f.transfers())).containsExactly(
                "0/0 NATIVE 0xaf21e07e5a929d16026a7b4d88f3906a8d2e4942 -> 0x5b3c526b152b1f3d8eabe2ec27f49b904ad51cad 64655529900000002048");
        assertThat(f.creations()).singleElement().satisfies(c -> {
            assertThat(c.txIndex()).isEqualTo(1);
            assertThat(c.creator().value()).isEqualTo("0xacdee28d8ca76187883831a37f551a5904cdf191");
            assertThat(c.contract().value()).isEqualTo("0xa7e3cf952ea8d9438a26ee346c295f1ada328ae1");
        });
    }

    @Test
    void decode_paritySuicideMovesBalanceToBeneficiary() {
        EthBlockFlows f = parity("block_with_suicide/web3_response.trace_block_0xf7105.json");

        assertThat(describe(f.transfers())).containsExactly(
                "0/0 SELFDESTRUCT 0x474faa5018639791952fae334e2911700ac7fe9b -> 0x83973747eec131bf9a08ac64fb1a518e891bdf4b 50000000000000000");
        assertThat(f.notes()).isEmpty();
    }

    @Test
    void decode_gethAgreesWithParityOnRecordedBlocks() {
        String[][] pairs = {
            {"block_with_subtraces/web3_response.trace_block_0xf4240.json", "block_with_subtraces/web3_response.debug_traceBlockByNumber_0xf4240_tracer_calltracer.json"},
            {"block_with_error/web3_response.trace_block_0xf45bf.json", "block_with_error/web3_response.debug_traceBlockByNumber_0xf45bf_tracer_calltracer.json"},
            {"block_with_create/web3_response.trace_block_0xf44f2.json", "block_with_create/web3_response.debug_traceBlockByNumber_0xf44f2_tracer_calltracer.json"},
        };
        for (String[] p : pairs) {
            FlowFixtures.Wrapped w = FlowFixtures.wrapParity(result("test_export_traces_job/" + p[0]));
            EthBlockFlows viaParity = decoder.decode(w.block(), w.receipts(), TraceDialect.PARITY,
                    result("test_export_traces_job/" + p[0]));
            EthBlockFlows viaGeth = decoder.decode(w.block(), w.receipts(), TraceDialect.GETH,
                    result("test_extract_geth_traces_job/" + p[1]));
            assertThat(viaGeth.transfers()).as(p[1]).isEqualTo(viaParity.transfers());
            assertThat(viaGeth.creations()).as(p[1]).isEqualTo(viaParity.creations());
        }
    }

    @Test
    void decode_gethSelfDestructWithoutBeneficiaryIsNoted() {
        FlowFixtures.Wrapped w = FlowFixtures.wrapParity(
                result("test_export_traces_job/block_with_suicide/web3_response.trace_block_0xf7105.json"));
        EthBlockFlows f = decoder.decode(w.block(), w.receipts(), TraceDialect.GETH, result(
                "test_extract_geth_traces_job/block_with_suicide/web3_response.debug_traceBlockByNumber_0xf7105_tracer_calltracer.json"));

        assertThat(f.transfers()).isEmpty();
        assertThat(f.notes()).singleElement().asString()
                .contains("block 1011973 tx 0x91acb43c5f141c393a189e091c190c9ffb20e4e8a502e4cc3087be9587bdbc89")
                .contains("0x474faa5018639791952fae334e2911700ac7fe9b");
    }

    @Test
    void decode_streamTraceBlocksWithCreatesAndRewards() {
        EthBlockFlows a = parityAt("test_stream/blocks_508110_508110/web3_response.trace_block_0x7c0ce.json");
        EthBlockFlows b = parityAt("test_stream/blocks_2112234_2112234/web3_response.trace_block_0x203aea.json");

        assertThat(describe(a.transfers())).containsExactly(
                "1/0 NATIVE 0xfecab546498f74591d4f6d448a4a63552850f122 -> 0x32be343b94f860124dc4fee278fdcbd38c102d88 4949989500000000000");
        assertThat(a.creations()).extracting(c -> c.contract().value())
                .containsExactly("0xaec3266ebd18361ab1378646e91f0c5c373038da");
        assertThat(a.miner().value()).isEqualTo("0x2a65aca4d5fc5b5c859090a6c34d164135398226");
        assertThat(b.transfers()).isEmpty();
        assertThat(b.creations()).extracting(c -> c.contract().value())
                .containsExactly("0xdbdacfc9eb9d42559ac1efbdb40460c728139e6a");
    }

    @Test
    void decode_receiptStatusDisagreeingWithTraceIsAnError() {
        JsonNode traces = result("test_export_traces_job/block_with_error/web3_response.trace_block_0xf45bf.json");
        FlowFixtures.Wrapped w = FlowFixtures.wrapParity(traces);
        ((ObjectNode) w.receipts().get(0)).put("status", "0x1");

        assertThatThrownBy(() -> decoder.decode(w.block(), w.receipts(), TraceDialect.PARITY, traces))
                .isInstanceOf(DecodeException.class)
                .hasMessageContaining("block 1000895 tx 0xa2f089480e6fd907e786a88d928ba20feeca2ca37ffa84c2d54bae42f5d989c9")
                .hasMessageContaining("receipt status says success but the root trace failed");
    }

    @Test
    void decode_successfulTraceWithFailedReceiptIsAnError() {
        JsonNode traces = result("test_export_traces_job/block_with_subtraces/web3_response.trace_block_0xf4240.json");
        FlowFixtures.Wrapped w = FlowFixtures.wrapParity(traces);
        ((ObjectNode) w.receipts().get(1)).put("status", "0x0");

        assertThatThrownBy(() -> decoder.decode(w.block(), w.receipts(), TraceDialect.GETH, result(
                "test_extract_geth_traces_job/block_with_subtraces/web3_response.debug_traceBlockByNumber_0xf4240_tracer_calltracer.json")))
                .isInstanceOf(DecodeException.class)
                .hasMessageContaining("block 1000000 tx 0xe9e91f1ee4b56c0df2e9f06c2b8c27c6076195a88a7b8537ba8313d80e6f124e (index 1)")
                .hasMessageContaining("failure but the root trace has no error");
    }

    @Test
    void decode_traceMissingForATransactionIsAnError() {
        JsonNode traces = result("test_export_traces_job/block_with_subtraces/web3_response.trace_block_0xf4240.json");
        FlowFixtures.Wrapped w = FlowFixtures.wrapParity(traces);
        ((ArrayNode) traces).remove(2);

        assertThatThrownBy(() -> decoder.decode(w.block(), w.receipts(), TraceDialect.PARITY, traces))
                .isInstanceOf(DecodeException.class).hasMessageContaining("no trace for transaction 1");
    }

    @Test
    void decode_blockWithHashesOnlyIsAnError() {
        JsonNode block = result("test_stream/blocks_508110_508110/web3_response.eth_getBlockByNumber_0x7c0ce_false.json");

        assertThatThrownBy(() -> decoder.decode(block, FlowFixtures.MAPPER.createArrayNode().add("x").add("y"),
                TraceDialect.NONE, null))
                .isInstanceOf(DecodeException.class).hasMessageContaining("full transaction objects");
    }

    @Test
    void decode_genesisWithoutTransactions() {
        JsonNode block = result("test_export_blocks_job/block_without_transactions/web3_response.eth_getBlockByNumber_0x0_true.json");

        EthBlockFlows f = decoder.decode(block, FlowFixtures.MAPPER.createArrayNode(), TraceDialect.PARITY,
                result("test_export_traces_job/block_without_transactions/web3_response.trace_block_0x0.json"));

        assertThat(f.height()).isZero();
        assertThat(f.txCount()).isZero();
        assertThat(f.transfers()).isEmpty();
    }

    private EthBlockFlows parity(String file) {
        return parityAt("test_export_traces_job/" + file);
    }

    private EthBlockFlows parityAt(String path) {
        JsonNode traces = result(path);
        FlowFixtures.Wrapped w = FlowFixtures.wrapParity(traces);
        return decoder.decode(w.block(), w.receipts(), TraceDialect.PARITY, traces);
    }
}
