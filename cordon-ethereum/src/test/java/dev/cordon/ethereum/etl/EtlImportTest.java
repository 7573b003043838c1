package dev.cordon.ethereum.etl;

import static dev.cordon.ethereum.flow.FlowFixtures.receipts;
import static dev.cordon.ethereum.flow.FlowFixtures.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cordon.core.DecodeException;
import dev.cordon.ethereum.flow.BlockFlowDecoder;
import dev.cordon.core.account.EthBlockFlows;
import dev.cordon.ethereum.flow.FlowFixtures;
import dev.cordon.ethereum.flow.TraceDialect;
import dev.cordon.ethereum.ingest.InMemoryEthereumSink;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ethereum-etl exports (the real column names and layout) written from recorded blocks, imported
 * and compared with RPC decoding of the same blocks.
 */
class EtlImportTest {
    static final String BLOCKS = "number,hash,parent_hash,nonce,sha3_uncles,logs_bloom,transactions_root,state_root,"
            + "receipts_root,miner,difficulty,total_difficulty,size,extra_data,gas_limit,gas_used,timestamp,"
            + "transaction_count,base_fee_per_gas";
    static final String TXS = "hash,nonce,block_hash,block_number,transaction_index,from_address,to_address,value,gas,"
            + "gas_price,input,block_timestamp,max_fee_per_gas,max_priority_fee_per_gas,transaction_type";
    static final String RECEIPTS = "transaction_hash,transaction_index,block_hash,block_number,cumulative_gas_used,"
            + "gas_used,contract_address,root,status,effective_gas_price";
    static final String TOKENS = "token_address,from_address,to_address,value,transaction_hash,log_index,block_number";
    static final String TRACES = "block_number,transaction_hash,transaction_index,from_address,to_address,value,input,"
            + "output,trace_type,call_type,reward_type,gas,gas_used,subtraces,trace_address,error,status,trace_id";

    @TempDir
    Path dir;

    @Test
    void importDir_sameFlowsAsRpcForBlockWithTokenTransfers() throws IOException {
        JsonNode block = result("test_export_blocks_job/block_with_logs/web3_response.eth_getBlockByNumber_0x76250_true.json");
        JsonNode rs = receipts("test_export_receipts_job/receipts_with_logs",
                "0x04cbcb236043d8fb7839e07bbc7f5eed692fb2ca55d897f1101eac3e3ad4fab8",
                "0xcea6f89720cc1d2f46cc7a935463ae0b99dd5fad9c91bb7357de5421511cee49",
                "0x463d53f0ad57677a3b430a007c1c31d15d62c37fab5eee598551697c297c235c",
                "0x05287a561f218418892ab053adfb3d919860988b19458c570c5c30f51c146f02");
        export(List.of(block), List.of(rs));
        InMemoryEthereumSink sink = new InMemoryEthereumSink();

        EtlImport.Result r = EtlImport.importDir(dir, sink);

        EthBlockFlows viaRpc = new BlockFlowDecoder().decode(block, rs, TraceDialect.NONE, null);
        assertThat(r.blocks()).isEqualTo(1);
        assertThat(r.transfers()).isEqualTo(8);
        assertThat(sink.transfers()).isEqualTo(viaRpc.transfers());
        assertThat(sink.checkpoint().orElseThrow().hash()).isEqualTo(viaRpc.hash());
    }

    @Test
    void importDir_tracesLeaveOutFailedCallsAndCallcode() throws IOException {
        JsonNode subtraces = result("test_export_traces_job/block_with_subtraces/web3_response.trace_block_0xf4240.json");
        FlowFixtures.Wrapped w = FlowFixtures.wrapParity(subtraces);
        export(List.of(w.block()), List.of(w.receipts()));
        Files.writeString(dir.resolve("traces.csv"), TRACES + "\n" + traceRows(subtraces));

        InMemoryEthereumSink sink = new InMemoryEthereumSink();
        EtlImport.importDir(dir, sink);

        EthBlockFlows viaRpc = new BlockFlowDecoder().decode(w.block(), w.receipts(), TraceDialect.PARITY, subtraces);
        assertThat(sink.transfers()).isEqualTo(viaRpc.transfers()).hasSize(2);
    }

    @Test
    void importDir_resumesAfterCheckpoint() throws IOException {
        JsonNode b1 = result("test_stream/blocks_1755634_1755635/web3_response.eth_getBlockByNumber_0x1ac9f2_true.json");
        JsonNode b2 = result("test_stream/blocks_1755634_1755635/web3_response.eth_getBlockByNumber_0x1ac9f3_true.json");
        JsonNode rs2 = receipts("test_stream/blocks_1755634_1755635",
                "0x2e3dcd051a91d3a694f6b8de2ac4b5fe7acdba55f58bcf8471ff00d4a430074d",
                "0x9a5437ec71b74ecf5930b406908ac6999966d38a86d1534b7190ece7599095eb");
        export(List.of(b1, b2), List.of(FlowFixtures.MAPPER.createArrayNode(), rs2));
        InMemoryEthereumSink sink = new InMemoryEthereumSink();

        assertThat(EtlImport.importDir(dir, sink).blocks()).isEqualTo(2);
        assertThat(EtlImport.importDir(dir, sink).blocks()).isZero();
        assertThat(sink.transfers()).hasSize(4);
    }

    @Test
    void importDir_badValueNamesFileAndLine() throws IOException {
        JsonNode block = result("test_export_blocks_job/blocks_with_transactions/web3_response.eth_getBlockByNumber_0xb872_true.json");
        export(List.of(block), null);
        Path txs = dir.resolve("transactions.csv");
        Files.writeString(txs, Files.readString(txs).replace("110000000000000000000", "11e20"));

        assertThatThrownBy(() -> EtlImport.importDir(dir, new InMemoryEthereumSink()))
                .isInstanceOf(DecodeException.class)
                .hasMessageStartingWith("transactions.csv line 2: 'value' is not a decimal number: '11e20'");
    }

    @Test
    void importDir_missingTransactionRowIsAnError() throws IOException {
        JsonNode block = result("test_export_blocks_job/blocks_with_transactions/web3_response.eth_getBlockByNumber_0xb872_true.json");
        export(List.of(block), null);
        Path txs = dir.resolve("transactions.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(txs));
        lines.remove(2);
        Files.write(txs, lines);

        assertThatThrownBy(() -> EtlImport.importDir(dir, new InMemoryEthereumSink()))
                .isInstanceOf(DecodeException.class)
                .hasMessageContaining("blocks.csv line 2").hasMessageContaining("transaction_count 2");
    }

    /** Writes blocks.csv, transactions.csv and (when given) receipts.csv and token_transfers.csv. */
    private void export(List<JsonNode> blocks, List<JsonNode> receiptsPerBlock) throws IOException {
        StringBuilder b = new StringBuilder(BLOCKS).append('\n');
        StringBuilder t = new StringBuilder(TXS).append('\n');
        StringBuilder r = new StringBuilder(RECEIPTS).append('\n');
        StringBuilder k = new StringBuilder(TOKENS).append('\n');
        for (int i = 0; i < blocks.size(); i++) {
            JsonNode bl = blocks.get(i);
            long number = dec(bl, "number").longValue();
            String miner = bl.has("miner") ? bl.get("miner").asText() : bl.get("author").asText();
            b.append(number).append(',').append(bl.get("hash").asText()).append(',').append(bl.get("parentHash").asText())
                    .append(",0x0,,,,,,").append(miner).append(",0,0,0,0x,0,0,").append(dec(bl, "timestamp")).append(',')
                    .append(bl.get("transactions").size()).append(",\n");
            for (JsonNode tx : bl.get("transactions")) {
                t.append(tx.get("hash").asText()).append(",0,").append(bl.get("hash").asText()).append(',').append(number)
                        .append(',').append(dec(tx, "transactionIndex")).append(',').append(tx.get("from").asText()).append(',')
                        .append(tx.path("to").isNull() ? "" : tx.path("to").asText()).append(',').append(dec(tx, "value"))
                        .append(",21000,").append(dec(tx, "gasPrice")).append(",\"0x\",0,,,0\n");
            }
            if (receiptsPerBlock == null) {
                continue;
            }
            for (JsonNode rc : receiptsPerBlock.get(i)) {
                String status = rc.path("status").isTextual() ? dec(rc, "status").toString() : "";
                r.append(rc.get("transactionHash").asText()).append(",0,").append(bl.get("hash").asText()).append(',')
                        .append(number).append(",0,").append(dec(rc, "gasUsed")).append(',')
                        .append(rc.path("contractAddress").isTextual() ? rc.get("contractAddress").asText() : "")
                        .append(",,").append(status).append(',')
                        .append(rc.has("effectiveGasPrice") ? dec(rc, "effectiveGasPrice").toString() : "").append('\n');
                for (JsonNode log : rc.get("logs")) {
                    JsonNode topics = log.get("topics");
                    if (topics.size() == 3 && topics.get(0).asText().startsWith("0xddf252ad")) {
                        k.append(log.get("address").asText()).append(",0x").append(topics.get(1).asText().substring(26))
                                .append(",0x").append(topics.get(2).asText().substring(26)).append(',')
                                .append(new BigInteger(log.get("data").asText().substring(2), 16)).append(',')
                                .append(rc.get("transactionHash").asText()).append(',').append(dec(log, "logIndex"))
                                .append(',').append(number).append('\n');
                    }
                }
            }
        }
        Files.writeString(dir.resolve("blocks.csv"), b);
        Files.writeString(dir.resolve("transactions.csv"), t);
        if (receiptsPerBlock != null) {
            Files.writeString(dir.resolve("receipts.csv"), r);
            Files.writeString(dir.resolve("token_transfers.csv"), k);
        }
    }

    /** traces.csv rows as ethereum-etl writes them from a parity trace_block result. */
    private static String traceRows(JsonNode traces) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode f : traces) {
            JsonNode a = f.get("action");
            String type = f.get("type").asText();
            List<String> addr = new ArrayList<>();
            f.get("traceAddress").forEach(x -> addr.add(x.asText()));
            String ta = addr.isEmpty() ? "" : "\"" + String.join(",", addr) + "\"";
            sb.append(f.get("blockNumber").asLong()).append(',').append(f.path("transactionHash").asText("")).append(',')
                    .append(f.path("transactionPosition").asText("")).append(',').append(a.path("from").asText(""))
                    .append(',').append(a.has("to") ? a.get("to").asText() : a.path("author").asText("")).append(',')
                    .append(new BigInteger(a.get("value").asText().substring(2), 16)).append(",0x,0x,").append(type)
                    .append(',').append(a.path("callType").asText("")).append(',').append(a.path("rewardType").asText(""))
                    .append(",0,0,").append(f.get("subtraces").asInt()).append(',').append(ta).append(',')
                    .append(f.path("error").asText("")).append(',').append(f.has("error") ? 0 : 1).append(",id\n");
        }
        return sb.toString();
    }

    private static BigInteger dec(JsonNode n, String field) {
        return new BigInteger(n.get(field).asText().substring(2), 16);
    }
}
