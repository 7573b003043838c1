package dev.cordon.cli.trace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cordon.cli.CliRun;
import dev.cordon.cli.chain.ChainStores;
import dev.cordon.core.Address;
import dev.cordon.core.Amount;
import dev.cordon.core.Asset;
import dev.cordon.core.BlockHash;
import dev.cordon.core.Chain;
import dev.cordon.core.Transfer;
import dev.cordon.core.TransferKind;
import dev.cordon.core.TxId;
import dev.cordon.core.account.EthBlockFlows;
import dev.cordon.ethereum.EthAddresses;
import dev.cordon.store.ChainStore;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cordon trace} on Ethereum: a thief receives 10 ETH and 500 USDT in one transaction, pays
 * a fee, sends 4 ETH and 200 USDT to an exchange deposit address and 5 ETH to a fresh address.
 */
class EthTraceCommandTest {
    private static final String THEFT = "0x" + "ab".repeat(32);
    private static final String LAUNDER = "0x" + "cd".repeat(32);
    private static final Address VICTIM = EthAddresses.parse("0x" + "1".repeat(40));
    private static final Address THIEF = EthAddresses.parse("0x" + "2".repeat(40));
    private static final Address FRESH = EthAddresses.parse("0x" + "3".repeat(40));
    private static final Address DEPOSIT = EthAddresses.parse("0x1Db92e2EeBC8E0c075a02BeA49a2935BcD2dFCF4");
    private static final Address MINER = EthAddresses.parse("0x" + "9".repeat(40));
    private static final Address USDT_CONTRACT = EthAddresses.parse("0xdAC17F958D2ee523a2206206994597C13D831ec7");
    private static final Asset ETH = Chain.ETHEREUM.nativeAsset();
    private static final Asset USDT = Asset.token(USDT_CONTRACT, "USDT", 6);
    private static final BigInteger ONE_ETH = BigInteger.TEN.pow(18);

    @TempDir
    static Path tmp;
    static Path data;
    static Path labels;

    private static Transfer t(String tx, long h, int pos, TransferKind k, Address from, Address to, Asset a, BigInteger v) {
        return new Transfer(Chain.ETHEREUM, TxId.parse(tx), h, 0, pos, k, from, to, new Amount(a, v), Optional.empty());
    }

    private static BigInteger eth(long n) {
        return ONE_ETH.multiply(BigInteger.valueOf(n));
    }

    @BeforeAll
    static void store() throws IOException {
        data = tmp.resolve("data");
        try (ChainStore s = ChainStores.openOrCreate(data)) {
            s.ethereum().applyBlock(new EthBlockFlows(20_000_000, BlockHash.parse("01".repeat(32)), BlockHash.parse("00".repeat(32)),
                    Instant.ofEpochSecond(1_740_000_000L), MINER, 1, List.of(
                    t(THEFT, 20_000_000, 0, TransferKind.NATIVE, VICTIM, THIEF, ETH, eth(10)),
                    t(THEFT, 20_000_000, 1, TransferKind.ERC20, VICTIM, THIEF, USDT, BigInteger.valueOf(500_000_000))),
                    List.of(), List.of()));
            s.ethereum().applyBlock(new EthBlockFlows(20_000_001, BlockHash.parse("02".repeat(32)), BlockHash.parse("01".repeat(32)),
                    Instant.ofEpochSecond(1_740_000_012L), MINER, 1, List.of(
                    t(LAUNDER, 20_000_001, 0, TransferKind.FEE_BURN, THIEF, EthAddresses.ZERO, ETH, ONE_ETH),
                    t(LAUNDER, 20_000_001, 1, TransferKind.NATIVE, THIEF, DEPOSIT, ETH, eth(4)),
                    t(LAUNDER, 20_000_001, 2, TransferKind.INTERNAL, THIEF, FRESH, ETH, eth(5)),
                    t(LAUNDER, 20_000_001, 3, TransferKind.ERC20, THIEF, DEPOSIT, USDT, BigInteger.valueOf(200_000_000))),
                    List.of(), List.of()));
        }
        labels = tmp.resolve("labels.csv");
        Files.writeString(labels, "address,entity,category\n" + EthAddresses.checksummed(DEPOSIT) + ",Exchange A,exchange\n",
                StandardCharsets.UTF_8);
    }

    private static JsonNode json(CliRun r) throws IOException {
        assertThat(r.exitCode()).as(r.err()).isZero();
        return new ObjectMapper().readTree(r.out());
    }

    @Test
    void trace_txHash_fifo_reportsEachAssetExactly() throws IOException {
        JsonNode j = json(CliRun.of("trace", "--from", THEFT, "--model", "fifo", "--labels", labels.toString(),
                "--data", data.toString(), "--json"));

        assertThat(j.get("chain").asText()).isEqualTo("ethereum");
        assertThat(j.at("/assets/0/asset").asText()).isEqualTo("ETH");
        assertThat(j.at("/assets/0/seeded").bigIntegerValue()).isEqualTo(eth(10));
        assertThat(j.at("/assets/0/fees").bigIntegerValue()).isEqualTo(ONE_ETH);
        assertThat(j.at("/assets/0/atEndpoints").bigIntegerValue()).isEqualTo(eth(4));
        assertThat(j.at("/assets/0/held").bigIntegerValue()).isEqualTo(eth(5));
        assertThat(j.at("/assets/0/endpoints/0/address").asText()).isEqualTo("0x1Db92e2EeBC8E0c075a02BeA49a2935BcD2dFCF4");
        assertThat(j.at("/assets/0/endpoints/0/entity").asText()).isEqualTo("Exchange A");
        assertThat(j.at("/assets/0/endpoints/0/paths/0/0/outpoint").asText()).isEqualTo(THEFT + ":0");
        assertThat(j.at("/assets/0/endpoints/0/paths/0/1/outpoint").asText()).isEqualTo(LAUNDER + ":1");
        assertThat(j.at("/assets/0/largestHeld/0/address").asText()).isEqualTo(EthAddresses.checksummed(FRESH));
        assertThat(j.at("/assets/1/asset").asText()).isEqualTo("USDT");
        assertThat(j.at("/assets/1/contract").asText()).isEqualTo("0xdAC17F958D2ee523a2206206994597C13D831ec7");
        assertThat(j.at("/assets/1/atEndpoints").bigIntegerValue()).isEqualTo(BigInteger.valueOf(200_000_000));
        assertThat(j.at("/assets/1/held").bigIntegerValue()).isEqualTo(BigInteger.valueOf(300_000_000));
        assertThat(data.resolve("graph").resolve("eth.graph")).isRegularFile();
    }

    @Test
    void trace_damagedGraphFile_isRebuilt() throws IOException {
        Path file = data.resolve("graph").resolve("eth.graph");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "not a graph");

        CliRun r = CliRun.of("trace", "--from", THEFT, "--model", "fifo", "--data", data.toString(), "--json");

        assertThat(json(r).at("/assets/0/seeded").bigIntegerValue()).isEqualTo(eth(10));
        assertThat(r.err()).contains("is not a cordon account graph file; rebuilding it from the chain store");
        assertThat(CliRun.of("trace", "--from", THEFT, "--model", "fifo", "--data", data.toString()).err()).isEmpty();
    }

    @Test
    void trace_address_table_csv_html() throws IOException {
        Path csv = tmp.resolve("out.csv");
        Path html = tmp.resolve("report.html");
        CliRun r = CliRun.of("trace", "--from", EthAddresses.checksummed(THIEF), "--model", "haircut", "--labels",
                labels.toString(), "--data", data.toString(), "--csv", csv.toString(), "--html", html.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("== ETH ==").contains("== USDT (0xdAC17F958D2ee523a2206206994597C13D831ec7) ==")
                .contains("0x1Db92e2EeBC8E0c075a02BeA49a2935BcD2dFCF4").contains("Exchange A").contains("10 ETH");
        assertThat(Files.readAllLines(csv)).containsExactly(
                "asset,contract,address,entity,category,amount_units,share,first_arrival,first_height,flows",
                "ETH,,0x1Db92e2EeBC8E0c075a02BeA49a2935BcD2dFCF4,Exchange A,exchange,4000000000000000000,0.40000000,"
                        + "2025-02-19T21:20:12Z,20000001,1",
                "USDT,0xdAC17F958D2ee523a2206206994597C13D831ec7,0x1Db92e2EeBC8E0c075a02BeA49a2935BcD2dFCF4,Exchange A,"
                        + "exchange,200000000,0.40000000,2025-02-19T21:20:12Z,20000001,1");
        assertThat(Files.readString(html)).contains("4 ETH").contains("0x1Db92e2EeBC8E0c075a02BeA49a2935BcD2dFCF4");
        assertThat(Files.readString(tmp.resolve("report-USDT.html"))).contains("200 USDT");
    }

    /** The fresh address's 5 ETH came from the victim (labelled a source here) through the thief. */
    @Test
    void trace_backward_fifo_namesTheSource() throws IOException {
        Path sources = tmp.resolve("sources.csv");
        Files.writeString(sources, EthAddresses.checksummed(VICTIM) + ",Victim exchange,exchange\n", StandardCharsets.UTF_8);

        JsonNode j = json(CliRun.of("trace", "--backward", "--from", EthAddresses.checksummed(FRESH), "--model", "fifo",
                "--labels", sources.toString(), "--data", data.toString(), "--json"));

        assertThat(j.get("direction").asText()).isEqualTo("backward");
        assertThat(j.at("/assets/0/seeded").bigIntegerValue()).isEqualTo(eth(5));
        assertThat(j.at("/assets/0/atEndpoints").bigIntegerValue()).isEqualTo(eth(5));
        assertThat(j.at("/assets/0/endpoints/0/entity").asText()).isEqualTo("Victim exchange");
        assertThat(j.at("/assets/0/endpoints/0/address").asText()).isEqualTo(EthAddresses.checksummed(VICTIM));
        assertThat(j.at("/assets/0/unknownOrigin")).isEmpty();
    }

    /**
     * A Bitcoin swap into ETH with 40% of its inbound tainted: the leg starts at the first payment
     * to the memo's address after the inbound (the thief's 10 ETH) and carries 40% of it.
     */
    @Test
    void swapFollow_ethereumDestination_continuesFromThePaymentToTheMemosAddress() {
        TxId inbound = TxId.parse("aa".repeat(32));
        dev.cordon.intel.crosschain.CrossChainHop hop = new dev.cordon.intel.crosschain.CrossChainHop("THORChain", inbound, 0,
                "bc1qvault", "ETH", "ETH.ETH", EthAddresses.checksummed(THIEF), "=:ETH.ETH:" + EthAddresses.checksummed(THIEF));
        dev.cordon.intel.trace.TraceReport.TracedOutput arrival = new dev.cordon.intel.trace.TraceReport.TracedOutput(inbound, 0,
                Optional.empty(), Amount.sats(40), 800_000, Instant.ofEpochSecond(1_739_999_000L));
        TraceSwaps.Swap swap = new TraceSwaps.Swap(EthAddresses.ZERO, arrival, hop);
        dev.cordon.intel.trace.TraceRequest request = dev.cordon.intel.trace.TraceRequest.of(
                List.of(new dev.cordon.intel.trace.TraceSeed.Tx(inbound)), dev.cordon.intel.trace.TaintModel.named("fifo"));
        SwapFollow.Leg leg;
        try (ChainStore s = ChainStores.openExisting(data)) {
            leg = SwapFollow.ethereum(swap, request, s, data, () -> AccountTraceRun.graph(data, s), 1_739_999_000L, 100, 40);
        }

        assertThat(leg.seed()).contains(THEFT + ":0");
        assertThat(leg.share()).isEqualTo(0.4);
        assertThat(leg.reports().get(0).seeded().units()).isEqualTo(eth(4));
        assertThat(leg.reports().get(0).balances()).isTrue();
        try (ChainStore s = ChainStores.openExisting(data)) {
            assertThat(SwapFollow.ethereum(swap, request, s, data, () -> AccountTraceRun.graph(data, s), 1_740_000_013L, 100, 40).note()).contains("no payment");
        }
    }

    /** With the thief labelled a perpetrator, the deposit address received 4 ETH and 200 USDT directly from a hack. */
    @Test
    void exposure_ethereumAddress_perAsset() throws IOException {
        Path risk = tmp.resolve("risk.csv");
        Files.writeString(risk, EthAddresses.checksummed(THIEF) + ",Lazarus,perpetrator\n", StandardCharsets.UTF_8);

        JsonNode j = json(CliRun.of("exposure", "0x1Db92e2EeBC8E0c075a02BeA49a2935BcD2dFCF4", "--labels", risk.toString(),
                "--data", data.toString(), "--json"));
        CliRun text = CliRun.of("exposure", "0x1Db92e2EeBC8E0c075a02BeA49a2935BcD2dFCF4", "--labels", risk.toString(),
                "--data", data.toString());

        assertThat(j.get("chain").asText()).isEqualTo("ethereum");
        assertThat(j.get("riskLabelledAddresses").asInt()).isEqualTo(1);
        assertThat(j.at("/addresses/0/assets/0/asset").asText()).isEqualTo("ETH");
        assertThat(j.at("/addresses/0/assets/0/received").bigIntegerValue()).isEqualTo(eth(4));
        assertThat(j.at("/addresses/0/assets/0/categories/0/category").asText()).isEqualTo("hack");
        assertThat(j.at("/addresses/0/assets/0/categories/0/direct").bigIntegerValue()).isEqualTo(eth(4));
        assertThat(j.at("/addresses/0/assets/0/categories/0/share").asDouble()).isEqualTo(1.0);
        assertThat(j.at("/addresses/0/assets/1/asset").asText()).isEqualTo("USDT");
        assertThat(j.at("/addresses/0/assets/1/categories/0/direct").bigIntegerValue())
                .isEqualTo(BigInteger.valueOf(200_000_000));
        assertThat(text.out()).contains("USDT").contains("200").contains("100.00%");
    }

    /** An entity's Ethereum addresses summed per asset: the deposit's 4 ETH and the fresh address's 5, all from the thief. */
    @Test
    void exposure_ethereumEntity_sumsItsAddresses() throws IOException {
        Path risk = tmp.resolve("entity.csv");
        Files.writeString(risk, EthAddresses.checksummed(THIEF) + ",Lazarus,perpetrator\n"
                + EthAddresses.checksummed(DEPOSIT) + ",Exchange A,exchange\n"
                + EthAddresses.checksummed(FRESH) + ",Exchange A,exchange\n", StandardCharsets.UTF_8);

        JsonNode j = json(CliRun.of("exposure", "--entity", "exchange a", "--chain", "ethereum", "--labels", risk.toString(),
                "--data", data.toString(), "--json"));

        assertThat(j.at("/entities/0/addresses").asInt()).isEqualTo(2);
        assertThat(j.at("/entities/0/assets/0/received").bigIntegerValue()).isEqualTo(eth(9));
        assertThat(j.at("/entities/0/assets/0/categories/0/direct").bigIntegerValue()).isEqualTo(eth(9));
        assertThat(j.at("/entities/0/assets/1/asset").asText()).isEqualTo("USDT");
        assertThat(CliRun.of("exposure", "--entity", "nobody", "--chain", "ethereum", "--labels", risk.toString(),
                "--data", data.toString()).exitCode()).isEqualTo(3);
    }

    /** Without --labels the maintained index of <data>/graph/eth.exposure is read (and created when missing). */
    @Test
    void exposure_ethereum_readsTheMaintainedIndex() throws IOException {
        JsonNode j = json(CliRun.of("exposure", EthAddresses.checksummed(FRESH), "--data", data.toString(), "--json"));

        assertThat(j.get("riskLabelledAddresses").asInt()).isZero();
        assertThat(j.at("/addresses/0/assets/0/received").bigIntegerValue()).isEqualTo(eth(5));
        assertThat(j.at("/addresses/0/assets/0/categories")).isEmpty();
        assertThat(data.resolve("graph").resolve("eth.exposure")).isRegularFile();
        JsonNode address = json(CliRun.of("address", EthAddresses.checksummed(FRESH), "--data", data.toString(), "--json"));
        assertThat(address.at("/exposure/0/asset").asText()).isEqualTo("ETH");
        assertThat(address.at("/exposure/0/received").bigIntegerValue()).isEqualTo(eth(5));
        assertThat(CliRun.of("address", EthAddresses.checksummed(FRESH), "--data", data.toString()).out())
                .contains("exposure within 3 hops (0 risk-labelled addresses)");
    }

    @Test
    void trace_mixedChains_isAUsageError() {
        CliRun r = CliRun.of("trace", "--from", THEFT, "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2", "--model", "fifo",
                "--data", data.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("trace one chain at a time");
    }

    @Test
    void trace_unknownEthereumTx_isNotFound() {
        CliRun r = CliRun.of("trace", "--from", "0x" + "ee".repeat(32), "--model", "fifo", "--data", data.toString());

        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).contains("not in the store");
    }
}
