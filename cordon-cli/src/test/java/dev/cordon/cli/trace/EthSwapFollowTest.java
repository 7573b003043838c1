package dev.cordon.cli.trace;

import static dev.cordon.cli.trace.EthTraceFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cordon.cli.CliRun;
import dev.cordon.cli.chain.ChainStores;
import dev.cordon.core.Address;
import dev.cordon.core.Amount;
import dev.cordon.core.BlockHash;
import dev.cordon.core.Chain;
import dev.cordon.core.Transfer;
import dev.cordon.core.TransferKind;
import dev.cordon.core.TxId;
import dev.cordon.core.account.BridgeDeposit;
import dev.cordon.core.account.EthBlockFlows;
import dev.cordon.core.utxo.OutPoint;
import dev.cordon.core.utxo.ScriptKind;
import dev.cordon.core.utxo.TxOut;
import dev.cordon.core.utxo.UtxoBlock;
import dev.cordon.core.utxo.UtxoTx;
import dev.cordon.ethereum.EthAddresses;
import dev.cordon.store.BlockIngestor;
import dev.cordon.store.ChainStore;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An Ethereum trace that reaches a THORChain router, followed to Bitcoin. The thief holds 10
 * clean ETH, receives 10 stolen ETH, deposits 4 ETH at the router with memo
 * {@code SWAP:BTC.BTC:<recipient>} and 1 ETH with a memo that is no swap. On Bitcoin, the vault
 * pays the recipient 0.05 BTC in a transaction whose OP_RETURN is {@code OUT:<deposit hash>}; the
 * recipient pays 0.0499 BTC to an exchange (fee 0.0001 BTC). Under the haircut model 2 of the 4
 * ETH deposited are tainted, so half the outbound, 2,500,000 satoshis, is traced on and 2,495,000
 * reach the exchange.
 */
class EthSwapFollowTest {
    private static final String CLEAN = "0x" + "aa".repeat(32);
    private static final String THEFT = "0x" + "ab".repeat(32);
    private static final String SWAP = "0x" + "cd".repeat(32);
    private static final String ADD = "0x" + "ce".repeat(32);
    private static final Address SOURCE = EthAddresses.parse("0x" + "4".repeat(40));
    private static final Address VICTIM = EthAddresses.parse("0x" + "1".repeat(40));
    private static final Address THIEF = EthAddresses.parse("0x" + "2".repeat(40));
    private static final Address ROUTER = EthAddresses.parse("0x" + "5".repeat(40));
    private static final Address VAULT = EthAddresses.parse("0x" + "6".repeat(40));
    private static final Address MINER = EthAddresses.parse("0x" + "9".repeat(40));
    private static final String RECIPIENT = "bc1qrecipient0000000000000000000000000000";
    private static final String EXCHANGE = "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa";
    private static final String MEMO = "SWAP:BTC.BTC:" + RECIPIENT + ":0/1/0";
    private static final BigInteger ONE_ETH = BigInteger.TEN.pow(18);

    @TempDir
    static Path tmp;
    static Path data;
    static Path labels;
    static UtxoTx outbound;

    @BeforeAll
    static void store() throws IOException {
        data = tmp.resolve("data");
        try (ChainStore s = ChainStores.openOrCreate(data)) {
            ethereum(s);
            bitcoin(s);
        }
        labels = tmp.resolve("labels.csv");
        Files.writeString(labels, "address,entity,category\n" + EthAddresses.checksummed(ROUTER) + ",THORChain Router,defi_bridge\n"
                + EXCHANGE + ",Exchange B,exchange\n", StandardCharsets.UTF_8);
    }

    private static void ethereum(ChainStore s) {
        s.ethereum().applyBlock(block(20_000_000, List.of(t(CLEAN, 20_000_000, 0, 0, TransferKind.NATIVE, SOURCE, THIEF, eth(10)),
                t(THEFT, 20_000_000, 1, 0, TransferKind.NATIVE, VICTIM, THIEF, eth(10))), List.of()));
        s.ethereum().applyBlock(block(20_000_001, List.of(
                t(SWAP, 20_000_001, 0, 0, TransferKind.NATIVE, THIEF, ROUTER, eth(4)),
                t(SWAP, 20_000_001, 0, 1, TransferKind.INTERNAL, ROUTER, VAULT, eth(4)),
                t(ADD, 20_000_001, 1, 0, TransferKind.NATIVE, THIEF, ROUTER, eth(1)),
                t(ADD, 20_000_001, 1, 1, TransferKind.INTERNAL, ROUTER, VAULT, eth(1))), List.of(
                new BridgeDeposit(TxId.parse(SWAP), 0, 0, ROUTER, VAULT, BridgeDeposit.ETHER, eth(4), MEMO),
                new BridgeDeposit(TxId.parse(ADD), 1, 1, ROUTER, VAULT, BridgeDeposit.ETHER, eth(1), "ADD:ETH.ETH"))));
    }

    private static void bitcoin(ChainStore s) {
        UtxoTx cb = tx("cb", List.of(), out(100_000_000, "1Vau1t"));
        String memo = HexFormat.of().formatHex(("OUT:" + SWAP.substring(2).toUpperCase()).getBytes(StandardCharsets.US_ASCII));
        outbound = tx("out", List.of(new OutPoint(cb.txid(), 0)), out(5_000_000, RECIPIENT), out(94_990_000, "1Vau1t"),
                new TxOut(0, ScriptKind.OP_RETURN, Optional.empty(), memo));
        UtxoTx spend = tx("spend", List.of(new OutPoint(outbound.txid(), 0)), out(4_990_000, EXCHANGE));
        BlockIngestor in = new BlockIngestor(s, 4);
        UtxoBlock b0 = new UtxoBlock(Chain.BITCOIN, hash(1), BlockHash.ZERO, Instant.ofEpochSecond(1_740_000_100L), 300,
                List.of(cb));
        UtxoBlock b1 = new UtxoBlock(Chain.BITCOIN, hash(2), b0.hash(), Instant.ofEpochSecond(1_740_000_700L), 600,
                List.of(tx("cb1", List.of(), out(50, "1Miner")), outbound, spend));
        in.accept(b0);
        in.accept(b1);
    }

    private static EthBlockFlows block(long h, List<Transfer> ts, List<BridgeDeposit> deposits) {
        return new EthBlockFlows(h, BlockHash.parse(String.format("%064x", h)), BlockHash.parse(String.format("%064x", h - 1)),
                Instant.ofEpochSecond(1_740_000_000L + 12 * (h - 20_000_000)), MINER, 2, ts, List.of(), List.of(), deposits);
    }

    private static Transfer t(String tx, long h, int index, int pos, TransferKind k, Address from, Address to, BigInteger v) {
        return new Transfer(Chain.ETHEREUM, TxId.parse(tx), h, index, pos, k, from, to,
                new Amount(Chain.ETHEREUM.nativeAsset(), v), Optional.empty());
    }

    private static UtxoTx tx(String label, List<OutPoint> in, TxOut... outs) {
        TxId id = new TxId(sha(label));
        return new UtxoTx(id, id, in.isEmpty(), in, List.of(outs), 200, 200);
    }

    private static TxOut out(long sats, String address) {
        return new TxOut(sats, ScriptKind.P2WPKH, Optional.of(new Address(Chain.BITCOIN, address)), "");
    }

    private static BlockHash hash(int n) {
        return new BlockHash(sha("block " + n));
    }

    private static byte[] sha(String label) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(label.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static BigInteger eth(long n) {
        return ONE_ETH.multiply(BigInteger.valueOf(n));
    }

    @Test
    void trace_routerDeposit_showsDestinationAndFollowsItToBitcoin() throws IOException {
        JsonNode j = json(CliRun.of("trace", "--from", THEFT, "--model", "haircut", "--labels", labels.toString(),
                "--data", data.toString(), "--json"));

        JsonNode eth = j.at("/assets/0");
        assertThat(eth.get("atEndpoints").bigIntegerValue()).isEqualTo(new BigInteger("2500000000000000000"));
        JsonNode swap = eth.at("/swaps/0");
        assertThat(eth.get("swaps")).hasSize(1);
        assertThat(swap.get("protocol").asText()).isEqualTo("thorchain");
        assertThat(swap.get("vault").asText()).isEqualTo(EthAddresses.checksummed(ROUTER));
        assertThat(swap.get("inbound").asText()).isEqualTo(SWAP.substring(2) + ":0");
        assertThat(swap.get("tainted").bigIntegerValue()).isEqualTo(eth(2));
        assertThat(swap.get("height").asLong()).isEqualTo(20_000_001);
        assertThat(List.of(swap.get("destChain").asText(), swap.get("destAsset").asText(), swap.get("destAddress").asText(),
                swap.get("memo").asText())).containsExactly("BTC", "BTC.BTC", RECIPIENT, MEMO);
        assertThat(swap.at("/outbound/txid").asText()).isEqualTo(outbound.txid().hex());
        assertThat(swap.at("/outbound/vout").asInt()).isZero();
        assertThat(swap.at("/outbound/address").asText()).isEqualTo(RECIPIENT);
        assertThat(swap.at("/outbound/value").asLong()).isEqualTo(5_000_000);
        assertThat(eth.get("swapProblems")).hasSize(1);
        assertThat(eth.at("/swapProblems/0").asText()).isEqualTo(ADD + " log 1: memo 'ADD:ETH.ETH' is not a THORChain swap");

        JsonNode leg = eth.at("/continued/0");
        assertThat(eth.get("continued")).hasSize(1);
        assertThat(leg.get("seed").asText()).isEqualTo(outbound.txid().hex() + ":0");
        assertThat(leg.get("share").asDouble()).isEqualTo(0.5);
        assertThat(leg.get("destChain").asText()).isEqualTo("BTC");
        assertThat(leg.at("/reports/0/seeded").asLong()).isEqualTo(2_500_000);
        assertThat(leg.at("/reports/0/atEndpoints").asLong()).isEqualTo(2_495_000);
        assertThat(leg.at("/reports/0/fees").asLong()).isEqualTo(5_000);
        assertThat(leg.at("/reports/0/endpoints/0/address").asText()).isEqualTo(EXCHANGE);
        assertThat(leg.at("/reports/0/endpoints/0/entity").asText()).isEqualTo("Exchange B");
    }

    @Test
    void trace_routerDeposit_tableNamesTheSwapAndTheBitcoinLeg() {
        CliRun r = CliRun.of("trace", "--from", THEFT, "--model", "haircut", "--labels", labels.toString(),
                "--data", data.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("cross-chain swaps").contains("BTC BTC.BTC " + RECIPIENT)
                .contains(outbound.txid().hex() + ":0 -> " + RECIPIENT + " (0.05)")
                .contains("== through THORChain swap " + SWAP.substring(2) + ":0 to BTC BTC.BTC " + RECIPIENT
                        + " (50.00% of the inbound tainted), continued from " + outbound.txid().hex() + ":0 ==")
                .contains("Exchange B")
                .contains("router deposit " + ADD + " log 1: memo 'ADD:ETH.ETH' is not a THORChain swap");
    }

    @Test
    void trace_noFollowSwaps_showsTheSwapOnly() throws IOException {
        JsonNode j = json(CliRun.of("trace", "--from", THEFT, "--model", "haircut", "--labels", labels.toString(),
                "--data", data.toString(), "--json", "--no-follow-swaps"));

        assertThat(j.at("/assets/0/swaps/0/destAddress").asText()).isEqualTo(RECIPIENT);
        assertThat(j.at("/assets/0/swaps/0/outbound/value").asLong()).isEqualTo(5_000_000);
        assertThat(j.at("/assets/0/continued")).isEmpty();
    }
}
