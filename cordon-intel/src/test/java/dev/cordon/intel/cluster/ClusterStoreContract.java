package dev.cordon.intel.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cordon.core.Address;
import dev.cordon.core.Category;
import dev.cordon.core.Chain;
import dev.cordon.core.Confidence;
import dev.cordon.core.Label;
import dev.cordon.core.LabelSubject;
import dev.cordon.intel.store.DatasetInfo;
import dev.cordon.intel.store.InMemoryLabelStore;
import dev.cordon.intel.store.LabelBatch;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link ClusterStore} guarantees. */
abstract class ClusterStoreContract {
    ClusterStore store;

    abstract ClusterStore create();

    /** Closes and reopens the same store (a no-op for the in-memory twin). */
    abstract ClusterStore reopen();

    @BeforeEach
    void open() {
        store = create();
    }

    @AfterEach
    void close() {
        store.close();
    }

    static Address btc(int i) {
        String[] a = {"1AjZPMsnmpdK2Rv9KQNfMurTXinscVro9V", "149w62rY42aZBox8fGcmqNsXUzSStKeq8C", "12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h",
                "1Kuf2Rd8mDyAViwBozGTNYnvWL8uYFrkVo", "13f59kUM5FU8MfTG7DCEugYarDhSD7XCoC"};
        return new Address(Chain.BITCOIN, a[i]);
    }

    @Test
    void load_unknownChain_isEmpty() {
        ChainClusters s = store.load(Chain.BITCOIN);
        assertThat(s.ids().size()).isZero();
        assertThat(s.cursor()).isEqualTo(-1);
    }

    @Test
    void save_thenLoad_restoresClustersIdsTagsCursorAndConflicts() {
        ChainClusters s = store.load(Chain.BITCOIN);
        int[] id = new int[5];
        for (int i = 0; i < 5; i++) {
            id[i] = s.id(btc(i));
        }
        s.clusters().tag(id[3], new ClusterTag("binance", "Binance", Category.EXCHANGE, Confidence.SERVICE_DATA));
        s.clusters().tag(id[4], new ClusterTag("kraken", "Kraken", Category.EXCHANGE, Confidence.SERVICE_DATA));
        MultiInputHeuristic h = new MultiInputHeuristic();
        h.apply(TestTx.simple(id[0], id[1], id[2]), s.clusters());
        h.apply(TestTx.simple(id[3], id[4]), s.clusters());
        s.cursor(840_000);
        store.save(s);
        store = reopen();
        ChainClusters back = store.load(Chain.BITCOIN);
        assertThat(back.cursor()).isEqualTo(840_000);
        assertThat(back.ids().find(btc(2))).hasValue(id[2]);
        assertThat(back.clusters().clusterSize(id[0])).isEqualTo(3);
        assertThat(back.clusters().tagOf(id[3]).key()).isEqualTo("binance");
        assertThat(back.clusters().conflicts()).hasSize(1);
        int before = back.clusters().clusterCount();
        new MultiInputHeuristic().apply(TestTx.simple(id[2], id[3]), back.clusters());
        store.save(back);
        store = reopen();
        ChainClusters again = store.load(Chain.BITCOIN);
        assertThat(again.clusters().clusterCount()).isEqualTo(before - 1);
        assertThat(again.clusters().tagOf(id[0]).key()).isEqualTo("binance");
    }

    @Test
    void clear_afterSave_loadsEmptyAndKeepsOtherChains() {
        ChainClusters s = store.load(Chain.BITCOIN);
        int a = s.id(btc(0));
        int b = s.id(btc(1));
        new MultiInputHeuristic().apply(TestTx.simple(a, b), s.clusters());
        s.cursor(170);
        store.save(s);
        ChainClusters eth = store.load(Chain.ETHEREUM);
        eth.id(new Address(Chain.ETHEREUM, "0x51e9d833ecae4e8d9d8be17300aee6d3398c135d"));
        eth.cursor(7);
        store.save(eth);
        store.clear(Chain.BITCOIN);
        store = reopen();
        ChainClusters back = store.load(Chain.BITCOIN);
        assertThat(back.cursor()).isEqualTo(-1);
        assertThat(back.ids().size()).isZero();
        assertThat(back.clusters().size()).isZero();
        assertThat(store.load(Chain.ETHEREUM).cursor()).isEqualTo(7);
        assertThat(store.load(Chain.ETHEREUM).ids().size()).isEqualTo(1);
    }

    @Test
    void view_carriesMemberLabelsStrongestFirst() {
        ChainClusters s = store.load(Chain.BITCOIN);
        int a = s.id(btc(0));
        int b = s.id(btc(1));
        new MultiInputHeuristic().apply(TestTx.simple(a, b), s.clusters());
        InMemoryLabelStore labels = new InMemoryLabelStore();
        Instant t = Instant.parse("2024-01-01T00:00:00Z");
        Label l = new Label(LabelSubject.of(btc(1)), "KHORASHADIZADEH, Ali", Category.SANCTION, Optional.empty(), Optional.empty(),
                "https://e.org", Confidence.AUTHORITY_DATA, t, Optional.empty(), "", t, "ofac-sdn", "");
        labels.apply(new LabelBatch(DatasetInfo.of("ofac-sdn", "x", "x", "", "", t), List.of(l), List.of(), true));
        assertThat(s.applyLabels(labels, t)).isEqualTo(1);
        ClusterView v = s.view(btc(0), labels, 100).orElseThrow();
        assertThat(v.size()).isEqualTo(2);
        assertThat(v.tag()).get().extracting(ClusterTag::category).isEqualTo(Category.SANCTION);
        assertThat(v.labels()).containsExactly(l);
    }
}
