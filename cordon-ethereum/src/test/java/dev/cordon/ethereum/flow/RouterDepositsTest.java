package dev.cordon.ethereum.flow;

import static dev.cordon.ethereum.flow.FlowFixtures.MAPPER;
import static dev.cordon.ethereum.flow.SyntheticFlowsTest.block;
import static dev.cordon.ethereum.flow.SyntheticFlowsTest.log;
import static dev.cordon.ethereum.flow.SyntheticFlowsTest.receipt;
import static dev.cordon.ethereum.flow.SyntheticFlowsTest.topic;
import static dev.cordon.ethereum.flow.SyntheticFlowsTest.tx;
import static dev.cordon.ethereum.flow.SyntheticFlowsTest.word;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cordon.core.Address;
import dev.cordon.core.Chain;
import dev.cordon.core.TxId;
import dev.cordon.core.account.BridgeDeposit;
import dev.cordon.core.account.EthBlockFlows;
import dev.cordon.ethereum.flow.internal.LogDecoder;
import dev.cordon.ethereum.flow.internal.RouterDeposits;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Hash;

/** THORChain router {@code Deposit} events decoded into the block's bridge deposits. */
class RouterDepositsTest {
    static final String ROUTER = "0x" + "d".repeat(40);
    static final String VAULT = "0x" + "f".repeat(40);
    static final String SENDER = "0x" + "a".repeat(40);
    static final String TOKEN = "0x" + "7".repeat(40);
    static final String ZERO = "0x" + "0".repeat(40);
    static final String TX = "0x" + "1".repeat(64);
    static final String MEMO = "SWAP:BTC.BTC:bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq";

    private final BlockFlowDecoder decoder = new BlockFlowDecoder();

    /** ABI data of {@code (uint256 amount, string memo)}. */
    static String data(BigInteger amount, byte[] memo) {
        StringBuilder sb = new StringBuilder("0x").append(pad(amount.toString(16))).append(word(64)).append(word(memo.length));
        String hex = HexFormat.of().formatHex(memo);
        sb.append(hex).append("0".repeat((64 - hex.length() % 64) % 64));
        return sb.toString();
    }

    private static String pad(String hex) {
        return "0".repeat(64 - hex.length()) + hex;
    }

    private static ObjectNode oneTx(String status, String... dataAndAsset) {
        ObjectNode block = block(9, null);
        tx(block, SENDER, ROUTER, "0x0");
        ObjectNode r = receipt(TX, status, "0x0");
        ArrayNode logs = (ArrayNode) r.get("logs");
        log(logs, TOKEN, "0x" + word(5), LogDecoder.TRANSFER, topic(SENDER), topic(ROUTER));
        for (int i = 0; i < dataAndAsset.length; i += 2) {
            log(logs, ROUTER, dataAndAsset[i], RouterDeposits.DEPOSIT, topic(VAULT), topic(dataAndAsset[i + 1]));
        }
        ObjectNode holder = MAPPER.createObjectNode();
        holder.set("block", block);
        holder.set("receipts", MAPPER.createArrayNode().add(r));
        return holder;
    }

    private EthBlockFlows decode(ObjectNode holder) {
        return decoder.decode(holder.get("block"), holder.get("receipts"), TraceDialect.NONE, null);
    }

    @Test
    void deposit_topicIsKeccakOfTheEventSignature() {
        assertThat(RouterDeposits.DEPOSIT).isEqualTo(Hash.sha3String("Deposit(address,address,uint256,string)"))
                .isEqualTo("0xef519b7eb82aaf6ac376a6df2d793843ebfd593de5f1a0601d3cc6ab49ebb395");
    }

    @Test
    void decode_etherAndTokenDepositsWithExactFields() {
        BigInteger wei = new BigInteger("1500000000000000000");
        EthBlockFlows f = decode(oneTx("0x1", data(wei, MEMO.getBytes(StandardCharsets.UTF_8)), ZERO,
                data(BigInteger.valueOf(5), "=:e:0xabc".getBytes(StandardCharsets.UTF_8)), TOKEN));

        TxId tx = TxId.parse("1".repeat(64));
        assertThat(f.deposits()).containsExactly(
                new BridgeDeposit(tx, 0, 1, eth(ROUTER), eth(VAULT), BridgeDeposit.ETHER, wei, MEMO),
                new BridgeDeposit(tx, 0, 2, eth(ROUTER), eth(VAULT), eth(TOKEN), BigInteger.valueOf(5), "=:e:0xabc"));
        assertThat(f.deposits().get(0).isEther()).isTrue();
        assertThat(f.deposits().get(1).isEther()).isFalse();
        assertThat(f.notes()).isEmpty();
        assertThat(f.transfers()).hasSize(1);
    }

    @Test
    void decode_emptyMemoAndMemoFillingWholeWords() {
        byte[] exact = "X".repeat(64).getBytes(StandardCharsets.UTF_8);
        EthBlockFlows f = decode(oneTx("0x1", data(BigInteger.ONE, new byte[0]), ZERO, data(BigInteger.TWO, exact), ZERO));

        assertThat(f.deposits()).extracting(BridgeDeposit::memo).containsExactly("", "X".repeat(64));
        assertThat(f.notes()).isEmpty();
    }

    @Test
    void decode_malformedMemoKeptEmptyWithNote() {
        String lengthPastEnd = "0x" + word(7) + word(64) + word(33) + "41".repeat(32);
        String offsetOutside = "0x" + word(7) + word(4096) + word(1);
        String notUtf8 = data(BigInteger.TEN, new byte[] {(byte) 0xc3, 0x28});
        EthBlockFlows f = decode(oneTx("0x1", lengthPastEnd, ZERO, offsetOutside, ZERO, notUtf8, ZERO));

        assertThat(f.deposits()).extracting(BridgeDeposit::memo).containsExactly("", "", "");
        assertThat(f.deposits()).extracting(BridgeDeposit::amount)
                .containsExactly(BigInteger.valueOf(7), BigInteger.valueOf(7), BigInteger.TEN);
        assertThat(f.notes()).containsExactly(
                "block 9 tx " + TX + " (index 0) log 1: router deposit memo is not an ABI string of at most 1024"
                        + " UTF-8 bytes; kept with an empty memo",
                "block 9 tx " + TX + " (index 0) log 2: router deposit memo is not an ABI string of at most 1024"
                        + " UTF-8 bytes; kept with an empty memo",
                "block 9 tx " + TX + " (index 0) log 3: router deposit memo is not an ABI string of at most 1024"
                        + " UTF-8 bytes; kept with an empty memo");
    }

    @Test
    void decode_otherLayoutsAreNotDeposits() {
        ObjectNode h = oneTx("0x1");
        ArrayNode logs = (ArrayNode) h.get("receipts").get(0).get("logs");
        String good = data(BigInteger.ONE, "SWAP:BTC.BTC:x".getBytes(StandardCharsets.UTF_8));
        log(logs, ROUTER, good, RouterDeposits.DEPOSIT, topic(VAULT));
        log(logs, ROUTER, "0x" + word(1) + word(64), RouterDeposits.DEPOSIT, topic(VAULT), topic(ZERO));
        log(logs, ROUTER, good + "00", RouterDeposits.DEPOSIT, topic(VAULT), topic(ZERO));
        log(logs, ROUTER, good, RouterDeposits.DEPOSIT, "0x" + "1".repeat(64), topic(ZERO));

        EthBlockFlows f = decode(h);

        assertThat(f.deposits()).isEmpty();
        assertThat(f.notes()).isEmpty();
    }

    @Test
    void decode_failedTransactionHasNoDeposits() {
        ObjectNode h = oneTx("0x0");
        ((ObjectNode) h.get("receipts").get(0)).putArray("logs");

        assertThat(decode(h).deposits()).isEmpty();
    }

    private static Address eth(String a) {
        return new Address(Chain.ETHEREUM, a);
    }
}
