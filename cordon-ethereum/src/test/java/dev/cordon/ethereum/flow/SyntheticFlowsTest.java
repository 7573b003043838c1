package dev.cordon.ethereum.flow;

import dev.cordon.core.account.EthBlockFlows;
import static dev.cordon.ethereum.flow.FlowFixtures.MAPPER;
import static dev.cordon.ethereum.flow.FlowFixtures.describe;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cordon.ethereum.flow.internal.LogDecoder;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Hash;

/**
 * Cases the recorded blocks do not cover: EIP-1559 and blob fees, WETH wraps, ERC-721 and
 * ERC-1155 events, reverted subtrees below a successful root.
 */
class SyntheticFlowsTest {
    private static final String A = "0x" + "a".repeat(40);
    private static final String B = "0x" + "b".repeat(40);
    private static final String C = "0x" + "c".repeat(40);
    private static final String MINER = "0x" + "e".repeat(40);
    private static final String TOKEN = "0x" + "7".repeat(40);
    private static final String TX = "0x" + "1".repeat(64);
    private final BlockFlowDecoder decoder = new BlockFlowDecoder();

    @Test
    void topicConstants_areKeccakOfTheEventSignatures() {
        assertThat(LogDecoder.TRANSFER).isEqualTo(Hash.sha3String("Transfer(address,address,uint256)"));
        assertThat(LogDecoder.TRANSFER_SINGLE).isEqualTo(Hash.sha3String("TransferSingle(address,address,address,uint256,uint256)"));
        assertThat(LogDecoder.TRANSFER_BATCH).isEqualTo(Hash.sha3String("TransferBatch(address,address,address,uint256[],uint256[])"));
        assertThat(LogDecoder.DEPOSIT).isEqualTo(Hash.sha3String("Deposit(address,uint256)"));
        assertThat(LogDecoder.WITHDRAWAL).isEqualTo(Hash.sha3String("Withdrawal(address,uint256)"));
    }

    @Test
    void decode_londonFeeSplitsIntoBurnAndTipPlusBlobBurn() {
        ObjectNode block = block(1, "0x64");
        ObjectNode tx = tx(block, A, B, "0x5");
        tx.put("maxFeePerGas", "0xc8");
        tx.put("maxPriorityFeePerGas", "0xa");
        ObjectNode r = receipt(TX, "0x1", "0x5208");
        r.put("blobGasUsed", "0x20000");
        r.put("blobGasPrice", "0x2");

        EthBlockFlows f = decoder.decode(block, MAPPER.createArrayNode().add(r), TraceDialect.NONE, null);

        assertThat(describe(f.transfers())).containsExactly(
                "0/0 FEE_BURN " + A + " -> 0x" + "0".repeat(40) + " " + (21000L * 100 + 0x20000L * 2),
                "0/1 FEE_TIP " + A + " -> " + MINER + " " + 21000L * 10,
                "0/2 NATIVE " + A + " -> " + B + " 5");
    }

    @Test
    void decode_failedTransactionPaysGasButMovesNothing() {
        ObjectNode block = block(1, null);
        tx(block, A, B, "0x5").put("gasPrice", "0x3");

        EthBlockFlows f = decoder.decode(block, MAPPER.createArrayNode().add(receipt(TX, "0x0", "0x10")),
                TraceDialect.NONE, null);

        assertThat(describe(f.transfers())).containsExactly("0/0 FEE_TIP " + A + " -> " + MINER + " 48");
    }

    @Test
    void decode_wethErc721AndErc1155Events() {
        ObjectNode block = block(7, null);
        tx(block, A, LogDecoder.WETH9.value(), "0x9");
        ObjectNode r = receipt(TX, "0x1", "0x0");
        ArrayNode logs = (ArrayNode) r.get("logs");
        log(logs, LogDecoder.WETH9.value(), "0x" + word(9), LogDecoder.DEPOSIT, topic(A));
        log(logs, LogDecoder.WETH9.value(), "0x" + word(4), LogDecoder.WITHDRAWAL, topic(A));
        log(logs, TOKEN, "0x", LogDecoder.TRANSFER, topic(A), topic(B), "0x" + word(77));
        log(logs, TOKEN, "0x" + word(5) + word(2), LogDecoder.TRANSFER_SINGLE, topic(C), topic(A), topic(B));
        log(logs, TOKEN, "0x" + word(64) + word(160) + word(2) + word(1) + word(2) + word(2) + word(10) + word(20),
                LogDecoder.TRANSFER_BATCH, topic(C), topic(B), topic(A));
        log(logs, TOKEN, "0x" + word(64) + word(999_999) + word(2), LogDecoder.TRANSFER_BATCH, topic(C), topic(B), topic(A));
        log(logs, TOKEN, "0x" + word(1), LogDecoder.DEPOSIT, topic(A));

        EthBlockFlows f = decoder.decode(block, MAPPER.createArrayNode().add(r), TraceDialect.NONE, null);

        String weth = " @" + LogDecoder.WETH9.value();
        assertThat(describe(f.transfers())).containsExactly(
                "0/0 NATIVE " + A + " -> " + LogDecoder.WETH9.value() + " 9",
                "0/1 WRAP " + LogDecoder.WETH9.value() + " -> " + A + " 9" + weth,
                "0/2 UNWRAP " + A + " -> " + LogDecoder.WETH9.value() + " 4" + weth,
                "0/3 ERC721 " + A + " -> " + B + " 1 @" + TOKEN + " #77",
                "0/4 ERC1155 " + A + " -> " + B + " 2 @" + TOKEN + " #5",
                "0/5 ERC1155 " + B + " -> " + A + " 10 @" + TOKEN + " #1",
                "0/6 ERC1155 " + B + " -> " + A + " 20 @" + TOKEN + " #2");
        assertThat(f.transfers().get(3).amount().asset().symbol()).isEqualTo("ERC721");
    }

    @Test
    void decode_gethRevertedSubtreeIsLeftOutButSiblingsCount() throws Exception {
        ObjectNode block = block(3, null);
        tx(block, A, B, "0x64");
        JsonNode traces = MAPPER.readTree("""
            [{"txHash": "%s", "result": {"type": "CALL", "from": "%s", "to": "%s", "value": "0x64", "calls": [
              {"type": "CALL", "from": "%s", "to": "%s", "value": "0x10", "error": "execution reverted", "calls": [
                {"type": "CALL", "from": "%s", "to": "%s", "value": "0x5"}]},
              {"type": "DELEGATECALL", "from": "%s", "to": "%s", "value": "0x64"},
              {"type": "CALL", "from": "%s", "to": "%s", "value": "0x20", "calls": [
                {"type": "CREATE2", "from": "%s", "to": "%s", "value": "0x3"},
                {"type": "SELFDESTRUCT", "from": "%s", "to": "%s", "value": "0x1"}]}]}}]
            """.formatted(TX, A, B, B, C, C, A, B, C, B, C, C, TOKEN, C, A));

        EthBlockFlows f = decoder.decode(block, MAPPER.createArrayNode().add(receipt(TX, "0x1", "0x0")),
                TraceDialect.GETH, traces);

        assertThat(describe(f.transfers())).containsExactly(
                "0/0 NATIVE " + A + " -> " + B + " 100",
                "0/1 INTERNAL " + B + " -> " + C + " 32",
                "0/2 CREATE " + C + " -> " + TOKEN + " 3",
                "0/3 SELFDESTRUCT " + C + " -> " + A + " 1");
        assertThat(f.creations()).extracting(c -> c.contract().value()).containsExactly(TOKEN);
    }

    @Test
    void decode_parityErroredSubtreeIsLeftOut() throws Exception {
        ObjectNode block = block(3, null);
        tx(block, A, B, "0x64");
        String frame = """
            {"type": "call", "action": {"callType": "call", "from": "%s", "to": "%s", "value": "%s"},
             "traceAddress": %s, "transactionHash": "%s", "transactionPosition": 0 %s}""";
        JsonNode traces = MAPPER.readTree("[" + String.join(",",
                frame.formatted(A, B, "0x64", "[]", TX, ""),
                frame.formatted(B, C, "0x10", "[0]", TX, ", \"error\": \"Reverted\""),
                frame.formatted(C, A, "0x5", "[0,0]", TX, ""),
                frame.formatted(B, C, "0x20", "[1]", TX, ""),
                frame.formatted(C, A, "0x7", "[1,0]", TX, "")) + "]");

        EthBlockFlows f = decoder.decode(block, MAPPER.createArrayNode().add(receipt(TX, "0x1", "0x0")),
                TraceDialect.PARITY, traces);

        assertThat(describe(f.transfers())).containsExactly(
                "0/0 NATIVE " + A + " -> " + B + " 100",
                "0/1 INTERNAL " + B + " -> " + C + " 32",
                "0/2 INTERNAL " + C + " -> " + A + " 7");
    }

    static ObjectNode block(long number, String baseFee) {
        ObjectNode b = MAPPER.createObjectNode();
        b.put("number", "0x" + Long.toHexString(number));
        b.put("hash", "0x" + "2".repeat(64));
        b.put("parentHash", "0x" + "3".repeat(64));
        b.put("timestamp", "0x10");
        b.put("miner", MINER);
        if (baseFee != null) {
            b.put("baseFeePerGas", baseFee);
        }
        b.putArray("transactions");
        return b;
    }

    static ObjectNode tx(ObjectNode block, String from, String to, String value) {
        ObjectNode t = ((ArrayNode) block.get("transactions")).addObject();
        t.put("hash", TX);
        t.put("from", from);
        t.put("to", to);
        t.put("value", value);
        t.put("gasPrice", "0x0");
        return t;
    }

    static ObjectNode receipt(String tx, String status, String gasUsed) {
        ObjectNode r = MAPPER.createObjectNode();
        r.put("transactionHash", tx);
        r.put("status", status);
        r.put("gasUsed", gasUsed);
        r.putArray("logs");
        return r;
    }

    static void log(ArrayNode logs, String address, String data, String... topics) {
        ObjectNode l = logs.addObject();
        l.put("address", address);
        l.put("data", data);
        ArrayNode t = l.putArray("topics");
        for (String s : topics) {
            t.add(s);
        }
    }

    static String topic(String address) {
        return "0x" + "0".repeat(24) + address.substring(2);
    }

    static String word(long v) {
        String h = Long.toHexString(v);
        return "0".repeat(64 - h.length()) + h;
    }
}
