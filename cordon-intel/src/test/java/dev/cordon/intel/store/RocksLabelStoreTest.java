package dev.cordon.intel.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cordon.core.Category;
import dev.cordon.core.Confidence;
import dev.cordon.core.LabelSubject;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RocksLabelStoreTest extends LabelStoreContract {
    @TempDir
    Path dir;

    @Override
    LabelStore create() {
        return RocksLabelStore.open(dir.resolve("intel"));
    }

    @Test
    void reopen_keepsLabelsAndDatasets() {
        store.apply(batch("ofac-sdn", T1, true, label(LAZARUS, "LAZARUS GROUP", Category.SANCTION, Confidence.AUTHORITY_DATA, "ofac-sdn", T1)));
        store.close();
        store = create();
        assertThat(store.labels(LabelSubject.of(LAZARUS))).hasSize(1);
        assertThat(store.datasets()).hasSize(1);
    }
}
