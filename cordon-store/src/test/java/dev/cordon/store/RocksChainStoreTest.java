package dev.cordon.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cordon.core.ErrorCode;
import dev.cordon.store.internal.KeyValueStore;
import dev.cordon.store.internal.RocksKeyValueStore;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RocksChainStoreTest extends AbstractChainStoreTest {
    @TempDir
    Path dir;

    @Override
    protected ChainStore open() {
        return RocksChainStore.open(dir, 8 << 20);
    }

    @Override
    protected KeyValueStore openRaw() {
        return RocksKeyValueStore.open(dir, 8 << 20);
    }

    @Test
    void open_heldByAnotherOpener_inUse() {
        try (ChainStore first = open()) {
            assertThat(first.blockCount(dev.cordon.core.Chain.BITCOIN)).isZero();
            assertThatThrownBy(this::open).isInstanceOfSatisfying(StoreException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.STORE))
                    .hasMessage("store " + dir.toAbsolutePath() + " is in use by another process");
        }
    }
}
