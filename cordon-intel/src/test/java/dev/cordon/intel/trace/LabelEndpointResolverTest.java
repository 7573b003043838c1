package dev.cordon.intel.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cordon.bitcoin.BitcoinAddresses;
import dev.cordon.bitcoin.BitcoinNetwork;
import dev.cordon.bitcoin.BlkFileReader;
import dev.cordon.core.Actor;
import dev.cordon.core.Address;
import dev.cordon.core.Category;
import dev.cordon.core.Chain;
import dev.cordon.core.Confidence;
import dev.cordon.core.Label;
import dev.cordon.core.LabelSubject;
import dev.cordon.intel.scenario.GroundTruth.LabelRow;
import dev.cordon.intel.scenario.LaunderingScenario;
import dev.cordon.intel.scenario.ScenarioConfig;
import dev.cordon.intel.store.DatasetInfo;
import dev.cordon.intel.store.InMemoryLabelStore;
import dev.cordon.intel.store.LabelBatch;
import dev.cordon.intel.trace.LabelEndpointResolver.Use;
import dev.cordon.store.BlockIngestor;
import dev.cordon.store.ChainStore;
import dev.cordon.store.MemoryChainStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Endpoints read from a label store, on a generated chain whose deposit addresses are known. */
class LabelEndpointResolverTest {
    static final long SEED = 77L;
    static final Instant T = Instant.parse("2025-02-21T00:00:00Z");
    @TempDir
    static Path dir;
    static ChainStore store;
    static Address exchange;
    static Address sanctioned;
    static Address delisted;
    static InMemoryLabelStore labels = new InMemoryLabelStore();

    @BeforeAll
    static void setUp() {
        System.out.println("LabelEndpointResolverTest seed=" + SEED);
        List<LabelRow> rows = LaunderingScenario.generate(dir, ScenarioConfig.small(SEED)).truth().labels();
        store = MemoryChainStore.create();
        BlockIngestor ingestor = new BlockIngestor(store, 10);
        new BlkFileReader(BitcoinNetwork.MAINNET).forEachBlock(dir, ingestor::accept);
        exchange = BitcoinAddresses.parse(rows.get(0).address());
        sanctioned = BitcoinAddresses.parse(rows.get(1).address());
        delisted = BitcoinAddresses.parse(rows.get(2).address());
        Label ex = label(exchange, "deposit 1", Category.EXCHANGE, Optional.of("bigexchange"), Optional.empty());
        Label weaker = new Label(LabelSubject.of(exchange), "scraped", Category.MIXING_SERVICE, Optional.empty(), Optional.empty(),
                "https://crawl.example", Confidence.WEB_CRAWL, T, Optional.empty(), "", T, "test", "");
        Label sdn = label(sanctioned, "LAZARUS GROUP", Category.USER, Optional.empty(), Optional.of(Category.SANCTION));
        Label closed = label(delisted, "Old mixer", Category.MIXING_SERVICE, Optional.empty(), Optional.empty()).closedAt(T.minusSeconds(60));
        Actor actor = new Actor("bigexchange", "Big Exchange", List.of(Category.EXCHANGE), List.of(), Optional.empty(), List.of(), "t");
        labels.apply(new LabelBatch(DatasetInfo.of("test", "t", "t", "", "", T), List.of(ex, weaker, sdn, closed), List.of(actor), true));
    }

    static Label label(Address a, String name, Category c, Optional<String> actor, Optional<Category> abuse) {
        return new Label(LabelSubject.of(a), name, c, abuse, actor, "https://example.org/list", Confidence.AUTHORITY_DATA,
                T.minusSeconds(3600), Optional.empty(), "", T, "test", "");
    }

    @AfterAll
    static void close() {
        store.close();
    }

    static int id(Address a) {
        return store.addressId(a).orElseThrow();
    }

    @Test
    void endpoints_serviceLabel_namesTheActorAndSkipsNonServices() {
        LabelEndpointResolver r = LabelEndpointResolver.of(labels, store, Chain.BITCOIN, T, Use.ENDPOINTS, Map.of());
        assertThat(r.endpoint(Chain.BITCOIN, id(exchange))).contains(new Endpoint("Big Exchange", Category.EXCHANGE));
        assertThat(r.endpoint(Chain.BITCOIN, id(sanctioned))).isEmpty();
        assertThat(r.endpoint(Chain.BITCOIN, id(delisted))).isEmpty();
        assertThat(r.fromStore()).isEqualTo(1);
        assertThat(r.size()).isEqualTo(1);
    }

    @Test
    void sources_everyOpenLabel_withTheAbuseAsCategory() {
        LabelEndpointResolver r = LabelEndpointResolver.of(labels, store, Chain.BITCOIN, T, Use.SOURCES, Map.of());
        assertThat(r.endpoint(Chain.BITCOIN, id(sanctioned))).contains(new Endpoint("LAZARUS GROUP", Category.SANCTION));
        assertThat(r.endpoint(Chain.BITCOIN, id(exchange))).contains(new Endpoint("Big Exchange", Category.EXCHANGE));
        assertThat(r.endpoint(Chain.BITCOIN, id(delisted))).isEmpty();
        assertThat(r.size()).isEqualTo(2);
    }

    @Test
    void endpoints_override_replacesTheStoreAndCountsUnknownAddresses() {
        Address nowhere = BitcoinAddresses.parse("1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2");
        LabelEndpointResolver r = LabelEndpointResolver.of(labels, store, Chain.BITCOIN, T, Use.ENDPOINTS,
                Map.of(exchange, new Endpoint("Renamed", Category.DEFI_BRIDGE), nowhere, new Endpoint("X", Category.EXCHANGE)));
        assertThat(r.endpoint(exchange)).contains(new Endpoint("Renamed", Category.DEFI_BRIDGE));
        assertThat(r.endpoint(Chain.BITCOIN, id(exchange))).contains(new Endpoint("Renamed", Category.DEFI_BRIDGE));
        assertThat(r.unknown()).isEqualTo(1);
        assertThat(r.endpoint(Chain.BITCOIN, -1)).isEmpty();
    }
}
