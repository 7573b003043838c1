package dev.cordon.intel.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cordon.core.Actor;
import dev.cordon.core.Address;
import dev.cordon.core.Category;
import dev.cordon.core.Chain;
import dev.cordon.core.Confidence;
import dev.cordon.core.CordonException;
import dev.cordon.core.Label;
import dev.cordon.core.LabelSubject;
import dev.cordon.core.TxId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link LabelStore} shares. */
abstract class LabelStoreContract {
    static final Instant T1 = Instant.parse("2024-05-03T00:00:00Z");
    static final Instant T2 = Instant.parse("2025-03-21T00:00:00Z");
    static final Address LAZARUS = new Address(Chain.ETHEREUM, "0x098b716b8aaf21512996dc57eb0615e2383e2f96");
    static final Address TORNADO = new Address(Chain.ETHEREUM, "0x910cbd523d972eb0a6f4cae4618ad62622b39dbf");
    static final Address BTC = new Address(Chain.BITCOIN, "1AjZPMsnmpdK2Rv9KQNfMurTXinscVro9V");

    LabelStore store;

    abstract LabelStore create();

    @BeforeEach
    void open() {
        store = create();
    }

    @AfterEach
    void close() {
        store.close();
    }

    static Label label(Address a, String name, Category c, Confidence conf, String dataset, Instant at) {
        return new Label(LabelSubject.of(a), name, c, Optional.empty(), Optional.of("actor-" + name.length()), "https://example.org/" + dataset,
                conf, at, Optional.empty(), "test", at, dataset, "");
    }

    static LabelBatch batch(String dataset, Instant at, boolean complete, Label... labels) {
        return new LabelBatch(DatasetInfo.of(dataset, dataset, "file", "", "", at), List.of(labels),
                List.of(new Actor("actor-1", "Actor", List.of(Category.SANCTION), List.of(), Optional.empty(), List.of(), "t")), complete);
    }

    @Test
    void apply_newLabels_areFoundBySubjectAndDataset() {
        ImportResult r = store.apply(batch("ofac-sdn", T1, true,
                label(LAZARUS, "LAZARUS GROUP", Category.SANCTION, Confidence.AUTHORITY_DATA, "ofac-sdn", T1),
                label(BTC, "GHORBANIYAN", Category.SANCTION, Confidence.AUTHORITY_DATA, "ofac-sdn", T1)));
        assertThat(r.added()).isEqualTo(2);
        assertThat(store.labels(LabelSubject.of(LAZARUS))).extracting(Label::name).containsExactly("LAZARUS GROUP");
        assertThat(store.labelsOf("ofac-sdn")).hasSize(2);
        assertThat(store.dataset("ofac-sdn")).get().extracting(DatasetInfo::open).isEqualTo(2L);
        assertThat(store.actor("actor-1")).isPresent();
        assertThat(store.labels(LabelSubject.of(TORNADO))).isEmpty();
    }

    @Test
    void apply_newerListWithoutAnAddress_closesItInsteadOfDeleting() {
        store.apply(batch("ofac-sdn", T1, true,
                label(LAZARUS, "LAZARUS GROUP", Category.SANCTION, Confidence.AUTHORITY_DATA, "ofac-sdn", T1),
                label(TORNADO, "TORNADO CASH", Category.SANCTION, Confidence.AUTHORITY_DATA, "ofac-sdn", T1)));
        ImportResult r = store.apply(batch("ofac-sdn", T2, true,
                label(LAZARUS, "LAZARUS GROUP", Category.SANCTION, Confidence.AUTHORITY_DATA, "ofac-sdn", T2)));
        assertThat(r.closed()).isEqualTo(1);
        assertThat(r.unchanged()).isEqualTo(1);
        Label t = store.labels(LabelSubject.of(TORNADO)).get(0);
        assertThat(t.validTo()).contains(T2);
        assertThat(t.isActiveAt(T1)).isTrue();
        assertThat(t.isActiveAt(T2)).isFalse();
        assertThat(store.labels(LabelSubject.of(LAZARUS)).get(0).validFrom()).isEqualTo(T1);
        assertThat(store.dataset("ofac-sdn")).get().satisfies(d -> {
            assertThat(d.open()).isEqualTo(1);
            assertThat(d.closed()).isEqualTo(1);
        });
    }

    @Test
    void apply_addressBackOnTheList_isReopenedWithItsFirstStart() {
        Label t1 = label(TORNADO, "TORNADO CASH", Category.SANCTION, Confidence.AUTHORITY_DATA, "ofac-sdn", T1);
        store.apply(batch("ofac-sdn", T1, true, t1));
        store.apply(batch("ofac-sdn", T2, true));
        ImportResult r = store.apply(batch("ofac-sdn", T2.plusSeconds(86400), true,
                label(TORNADO, "TORNADO CASH", Category.SANCTION, Confidence.AUTHORITY_DATA, "ofac-sdn", T2.plusSeconds(86400))));
        assertThat(r.reopened()).isEqualTo(1);
        Label now = store.labels(LabelSubject.of(TORNADO)).get(0);
        assertThat(now.isOpen()).isTrue();
        assertThat(now.validFrom()).isEqualTo(T1);
    }

    @Test
    void apply_sameAddressFromTwoSources_keepsBothAndReportsTheOverlap() {
        store.apply(batch("ofac-sdn", T1, true, label(LAZARUS, "LAZARUS GROUP", Category.SANCTION, Confidence.AUTHORITY_DATA, "ofac-sdn", T1)));
        ImportResult r = store.apply(batch("tagpack:ronin", T1, true,
                label(LAZARUS, "Ronin bridge exploiter", Category.SERVICE_HACK, Confidence.SERVICE_DATA, "tagpack:ronin", T1)));
        assertThat(r.overlaps()).singleElement().satisfies(o -> assertThat(o.otherDatasets()).containsExactly("ofac-sdn"));
        assertThat(store.labels(LabelSubject.of(LAZARUS))).extracting(Label::dataset).containsExactly("ofac-sdn", "tagpack:ronin");
    }

    @Test
    void labels_areStrongestFirst() {
        store.apply(batch("web", T1, true, label(LAZARUS, "Exploiter", Category.SERVICE_HACK, Confidence.WEB_CRAWL, "web", T1)));
        store.apply(batch("own", T1, true, label(LAZARUS, "Our wallet", Category.EXCHANGE, Confidence.OWNERSHIP, "own", T1)));
        assertThat(store.labels(LabelSubject.of(LAZARUS))).extracting(Label::dataset).containsExactly("own", "web");
    }

    @Test
    void apply_additionClosesNothing() {
        store.apply(batch("mine", T1, true, label(LAZARUS, "A", Category.SCAM, Confidence.FORENSIC, "mine", T1)));
        store.apply(batch("mine", T2, false, label(TORNADO, "B", Category.SCAM, Confidence.FORENSIC, "mine", T2)));
        assertThat(store.labelsOf("mine")).allSatisfy(l -> assertThat(l.isOpen()).isTrue()).hasSize(2);
    }

    @Test
    void apply_batchListingALabelTwice_writesNothing() {
        Label l = label(LAZARUS, "A", Category.SCAM, Confidence.FORENSIC, "mine", T1);
        assertThatThrownBy(() -> store.apply(batch("mine", T1, true, label(TORNADO, "B", Category.SCAM, Confidence.FORENSIC, "mine", T1), l, l)))
                .isInstanceOf(CordonException.class).hasMessageContaining("twice");
        assertThat(store.labelsOf("mine")).isEmpty();
        assertThat(store.dataset("mine")).isEmpty();
    }

    @Test
    void apply_transactionLabel_isFoundByItsSubject() {
        TxId tx = TxId.parse("0x" + "ab".repeat(32));
        Label l = new Label(LabelSubject.of(Chain.ETHEREUM, tx), "Ronin drain", Category.SERVICE_HACK, Optional.empty(), Optional.empty(),
                "https://example.org", Confidence.FORENSIC, T1, Optional.empty(), "", T1, "txs", "");
        store.apply(new LabelBatch(DatasetInfo.of("txs", "t", "f", "", "", T1), List.of(l), List.of(), true));
        assertThat(store.labels(LabelSubject.of(Chain.ETHEREUM, tx))).containsExactly(l);
    }
}
