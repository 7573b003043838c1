package dev.cordon.intel.crosschain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cordon.bitcoin.BitcoinAddresses;
import dev.cordon.bitcoin.BitcoinNetwork;
import dev.cordon.bitcoin.BlkFileReader;
import dev.cordon.core.Address;
import dev.cordon.core.Amount;
import dev.cordon.core.BlockHash;
import dev.cordon.core.Category;
import dev.cordon.core.Chain;
import dev.cordon.core.TxId;
import dev.cordon.core.utxo.OutPoint;
import dev.cordon.core.utxo.ScriptKind;
import dev.cordon.core.utxo.TxOut;
import dev.cordon.core.utxo.UtxoBlock;
import dev.cordon.core.utxo.UtxoTx;
import dev.cordon.intel.graph.GraphBuilder;
import dev.cordon.intel.graph.UtxoGraph;
import dev.cordon.intel.scenario.GroundTruth;
import dev.cordon.intel.scenario.LaunderingScenario;
import dev.cordon.intel.scenario.ScenarioConfig;
import dev.cordon.intel.trace.EndpointResolver;
import dev.cordon.intel.trace.FifoTaint;
import dev.cordon.intel.trace.TraceReport;
import dev.cordon.intel.trace.TraceRequest;
import dev.cordon.intel.trace.TraceSeed;
import dev.cordon.intel.trace.Tracer;
import dev.cordon.store.BlockIngestor;
import dev.cordon.store.ChainStore;
import dev.cordon.store.MemoryChainStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThorchainDepositsTest {
    static final String THIEF = "1BoatSLRHtKNngkdXEeobR76b53LETtpyT";
    static final String VAULT = "bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh";
    static final String MEMO = "=:ETH.ETH:0x742d35Cc6634C0532925a3b844Bc454e4438f44e:0/1/0";

    @Test
    void forwardTrace_swapMemoToVault_isADefiBridgeEndpointWithItsDestination() throws Exception {
        UtxoTx cb = new UtxoTx(txid("cb"), txid("cb"), true, List.of(), List.of(pay(THIEF, 100_000_000)), 100, 100);
        String hex = HexFormat.of().formatHex(MEMO.getBytes(StandardCharsets.UTF_8));
        UtxoTx swap = new UtxoTx(txid("swap"), txid("wswap"), false, List.of(new OutPoint(cb.txid(), 0)),
                List.of(pay(VAULT, 90_000_000), new TxOut(0, ScriptKind.OP_RETURN, Optional.empty(), hex),
                        pay(THIEF, 9_990_000)), 250, 200);
        UtxoBlock b0 = new UtxoBlock(Chain.BITCOIN, new BlockHash(sha("b0")), BlockHash.ZERO, Instant.ofEpochSecond(1_700_000_000L),
                300, List.of(cb));
        UtxoBlock b1 = new UtxoBlock(Chain.BITCOIN, new BlockHash(sha("b1")), b0.hash(), Instant.ofEpochSecond(1_700_000_600L),
                500, List.of(swap));
        try (ChainStore store = MemoryChainStore.create()) {
            store.append(b0);
            store.append(b1);
            UtxoGraph g = GraphBuilder.build(store, Chain.BITCOIN);
            ThorchainDeposits d = ThorchainDeposits.scan(g, store);
            CrossChainHop hop = d.hop(swap.txid()).orElseThrow();
            assertThat(hop).isEqualTo(new CrossChainHop("thorchain", swap.txid(), 0, VAULT, "ETH", "ETH.ETH",
                    "0x742d35Cc6634C0532925a3b844Bc454e4438f44e", MEMO));
            TraceReport r = new Tracer(g, store, d.endpoints(EndpointResolver.none()))
                    .forward(TraceRequest.of(List.of(new TraceSeed.Output(cb.txid(), 0)), new FifoTaint()));
            assertThat(r.endpoints()).hasSize(1);
            assertThat(r.endpoints().get(0).address().value()).isEqualTo(VAULT);
            assertThat(r.endpoints().get(0).endpoint().category()).isEqualTo(Category.DEFI_BRIDGE);
            assertThat(r.atEndpoints()).isEqualTo(Amount.sats(90_000_000));
            assertThat(r.held()).isEqualTo(Amount.sats(9_990_000));
            assertThat(r.fees()).isEqualTo(Amount.sats(10_000));
            assertThat(d.problems()).isEmpty();
        }
    }

    @Test
    void scan_scenarioSwaps_findsEachInboundWithItsBitcoinOutbound(@TempDir Path dir) {
        LaunderingScenario.Scenario s = LaunderingScenario.generate(dir, ScenarioConfig.small(20240221L).withThorchainSwaps(3));
        List<GroundTruth.ThorchainSwap> truth = s.truth().thorchain();
        assertThat(truth).hasSize(3);
        assertThat(GroundTruth.read(s.truthFile()).thorchain()).isEqualTo(truth);
        try (ChainStore store = MemoryChainStore.create()) {
            BlockIngestor ingestor = new BlockIngestor(store, 10);
            new BlkFileReader(BitcoinNetwork.MAINNET).forEachBlock(dir, ingestor::accept);
            UtxoGraph g = GraphBuilder.build(store, Chain.BITCOIN);
            ThorchainDeposits d = ThorchainDeposits.scan(g, store);
            assertThat(d.problems()).isEmpty();
            assertThat(d.hops()).hasSize(3);
            assertThat(d.outbounds()).hasSize(3);
            for (GroundTruth.ThorchainSwap t : truth) {
                CrossChainHop hop = d.hop(TxId.parse(t.inboundTxid())).orElseThrow();
                assertThat(hop.vault()).isEqualTo(t.vault());
                assertThat(hop.vout()).isZero();
                assertThat(hop.memo()).isEqualTo(t.memo());
                assertThat(List.of(hop.destChain(), hop.destAsset(), hop.destAddress())).containsExactly("BTC", "BTC.BTC", t.destination());
                CrossChainOutbound out = hop.outbound().orElseThrow();
                assertThat(out).isEqualTo(new CrossChainOutbound("thorchain", t.inboundTxid(), false, TxId.parse(t.outboundTxid()),
                        0, t.destination(), t.outboundValue(), t.outboundHeight()));
                assertThat(d.outbound("0x" + t.inboundTxid().toUpperCase())).contains(out);
            }
            List<TraceSeed> seeds = new ArrayList<>();
            for (GroundTruth.StolenOutput o : s.truth().theft().outputs()) {
                seeds.add(TraceSeed.parse(o.outpoint(), BitcoinAddresses::parse));
            }
            TraceReport r = new Tracer(g, store, d.endpoints(EndpointResolver.none())).forward(TraceRequest.of(seeds, new FifoTaint()));
            TraceReport.EndpointFlow vault = r.endpoints().stream().filter(f -> f.endpoint().entity().equals(ThorchainDeposits.ENTITY))
                    .findFirst().orElseThrow();
            assertThat(vault.address().value()).isEqualTo(truth.get(0).vault());
            assertThat(vault.outputs()).isEqualTo(3);
            assertThat(vault.amount().units().longValueExact()).isEqualTo(truth.stream().mapToLong(GroundTruth.ThorchainSwap::inboundValue).sum());
        }
    }

    static TxOut pay(String address, long sats) {
        return new TxOut(sats, address.startsWith("bc1") ? ScriptKind.P2WPKH : ScriptKind.P2PKH,
                Optional.of(new Address(Chain.BITCOIN, address)), "");
    }

    static TxId txid(String label) throws Exception {
        return new TxId(sha("tx " + label));
    }

    static byte[] sha(String label) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(label.getBytes(StandardCharsets.UTF_8));
    }
}
