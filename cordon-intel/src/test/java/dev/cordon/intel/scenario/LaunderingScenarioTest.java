package dev.cordon.intel.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cordon.bitcoin.BitcoinAddresses;
import dev.cordon.bitcoin.BitcoinNetwork;
import dev.cordon.bitcoin.BlkFileReader;
import dev.cordon.core.Address;
import dev.cordon.core.Amount;
import dev.cordon.core.Category;
import dev.cordon.core.Chain;
import dev.cordon.core.TxId;
import dev.cordon.intel.graph.GraphBuilder;
import dev.cordon.intel.graph.UtxoGraph;
import dev.cordon.intel.scenario.GroundTruth.Deposit;
import dev.cordon.intel.scenario.GroundTruth.LabelRow;
import dev.cordon.intel.trace.Endpoint;
import dev.cordon.intel.trace.FifoTaint;
import dev.cordon.intel.trace.HaircutTaint;
import dev.cordon.intel.trace.LifoTaint;
import dev.cordon.intel.trace.MapEndpointResolver;
import dev.cordon.intel.trace.TaintModel;
import dev.cordon.intel.trace.TraceReport;
import dev.cordon.intel.trace.TraceReport.EndpointFlow;
import dev.cordon.intel.trace.TraceRequest;
import dev.cordon.intel.trace.TraceSeed;
import dev.cordon.intel.trace.Tracer;
import dev.cordon.store.BlockIngestor;
import dev.cordon.store.ChainStore;
import dev.cordon.store.MemoryChainStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LaunderingScenarioTest {
    static final long SEED = 20240221L;

    @TempDir
    static Path dir;
    static LaunderingScenario.Scenario scenario;
    static ChainStore store;
    static UtxoGraph graph;
    static Tracer tracer;

    @BeforeAll
    static void generateAndIngest() {
        System.out.println("LaunderingScenarioTest seed=" + SEED);
        long t0 = System.nanoTime();
        scenario = LaunderingScenario.generate(dir, ScenarioConfig.small(SEED));
        long t1 = System.nanoTime();
        store = MemoryChainStore.create();
        BlockIngestor ingestor = new BlockIngestor(store, 10);
        new BlkFileReader(BitcoinNetwork.MAINNET).forEachBlock(dir, ingestor::accept);
        long t2 = System.nanoTime();
        graph = GraphBuilder.build(store, Chain.BITCOIN);
        long t3 = System.nanoTime();
        tracer = new Tracer(graph, store, MapEndpointResolver.of(endpoints(true), store));
        System.out.printf("scenario: %d blocks, %d txs, %d outputs; generate %d ms, ingest %d ms, graph %d ms (%.0f tx/s)%n",
                scenario.truth().blocks(), graph.txCount(), graph.outputCount(), (t1 - t0) / 1_000_000,
                (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000, graph.txCount() / ((t3 - t2) / 1e9));
    }

    @AfterAll
    static void close() {
        store.close();
    }

    static Map<Address, Endpoint> endpoints(boolean servicesOnly) {
        Map<Address, Endpoint> m = new HashMap<>();
        for (LabelRow r : scenario.truth().labels()) {
            Category c = Category.parse(r.category());
            if (!servicesOnly || c.isService()) {
                m.put(BitcoinAddresses.parse(r.address()), new Endpoint(r.entity(), c));
            }
        }
        return m;
    }

    static TraceRequest fromStolen(TaintModel model) {
        List<TraceSeed> seeds = new ArrayList<>();
        for (GroundTruth.StolenOutput o : scenario.truth().theft().outputs()) {
            seeds.add(TraceSeed.parse(o.outpoint(), BitcoinAddresses::parse));
        }
        return TraceRequest.of(seeds, model);
    }

    @Test
    void generate_writesTheBlocksAndABalancedTruth() {
        GroundTruth t = scenario.truth();
        assertThat(graph.txCount()).isEqualTo(t.transactions());
        assertThat(store.txNum(Chain.BITCOIN, TxId.parse(t.theft().txid()))).isPresent();
        assertThat(t.fifo().endpointValue() + t.fifo().heldValue() + t.fifo().feeValue()).isEqualTo(t.theft().stolenValue());
        assertThat(t.fifo().deposits()).filteredOn(Deposit::launderer).hasSizeGreaterThan(5);
        assertThat(t.fifo().deposits().stream().map(Deposit::entity).distinct().count()).isGreaterThanOrEqualTo(2);
        assertThat(GroundTruth.read(scenario.truthFile())).isEqualTo(t);
    }

    @Test
    void generate_sameSeed_sameBytes(@TempDir Path other) {
        LaunderingScenario.Scenario again = LaunderingScenario.generate(other, ScenarioConfig.small(SEED));
        assertThat(again.truth()).isEqualTo(scenario.truth());
    }

    @Test
    void forwardFifo_findsEveryDepositWithTheExactAmount() {
        long t0 = System.nanoTime();
        TraceReport r = tracer.forward(fromStolen(new FifoTaint()).withMaxPaths(2));
        System.out.printf("fifo forward: %d txs visited, %d outputs tainted, %d ms%n", r.txsVisited(), r.outputsTainted(),
                (System.nanoTime() - t0) / 1_000_000);
        Map<String, Long> found = new TreeMap<>();
        for (EndpointFlow f : r.endpoints()) {
            found.put(f.address().value(), f.amount().units().longValueExact());
        }
        Map<String, Long> expected = new TreeMap<>();
        for (Deposit d : scenario.truth().fifo().deposits()) {
            expected.put(d.address(), d.amount());
        }
        assertThat(found).isEqualTo(expected);
        GroundTruth.Fifo fifo = scenario.truth().fifo();
        assertThat(r.atEndpoints()).isEqualTo(Amount.sats(fifo.endpointValue()));
        assertThat(r.held()).isEqualTo(Amount.sats(fifo.heldValue()));
        assertThat(r.fees()).isEqualTo(Amount.sats(fifo.feeValue()));
        assertThat(r.atEndpoints().plus(r.held()).plus(r.fees())).isEqualTo(Amount.sats(scenario.truth().theft().stolenValue()));
        assertThat(r.endpoints().get(0).paths()).isNotEmpty();
        assertThat(r.endpoints().get(0).paths().get(0).steps().get(0).txid().hex()).isEqualTo(scenario.truth().theft().txid());
    }

    @Test
    void forwardHaircutAndLifo_balanceToTheSatoshi() {
        for (TaintModel m : List.of(new HaircutTaint(), new LifoTaint())) {
            long t0 = System.nanoTime();
            TraceReport r = tracer.forward(fromStolen(m));
            System.out.printf("%s forward: %d txs visited, %d ms%n", m.name(), r.txsVisited(), (System.nanoTime() - t0) / 1_000_000);
            assertThat(r.atEndpoints().plus(r.held()).plus(r.fees())).as(m.name())
                    .isEqualTo(Amount.sats(scenario.truth().theft().stolenValue()));
            assertThat(r.balances()).isTrue();
            assertThat(r.endpoints()).isNotEmpty();
        }
    }

    @Test
    void backwardFifo_fromALaundererDeposit_findsTheHeist() {
        Deposit d = scenario.truth().fifo().deposits().stream().filter(Deposit::launderer).findFirst().orElseThrow();
        Tracer back = new Tracer(graph, store, MapEndpointResolver.of(endpoints(false), store));
        TraceRequest req = TraceRequest.of(List.of(new TraceSeed.Received(BitcoinAddresses.parse(d.address()))), new FifoTaint());
        TraceReport r = back.backward(req);
        assertThat(r.balances()).isTrue();
        long fromHeist = r.entities().stream().filter(e -> e.entity().equals("Planted heist"))
                .mapToLong(e -> e.amount().units().longValueExact()).sum();
        assertThat(fromHeist).isEqualTo(d.amount());
    }
}
