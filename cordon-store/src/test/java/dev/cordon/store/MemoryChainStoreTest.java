package dev.cordon.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cordon.core.Chain;
import dev.cordon.store.internal.CacheSizes;
import dev.cordon.store.internal.KeyValueStore;
import dev.cordon.store.internal.KvChainStore;
import dev.cordon.store.internal.MemoryKeyValueStore;
import org.junit.jupiter.api.Test;

class MemoryChainStoreTest extends AbstractChainStoreTest {
    private final MemoryKeyValueStore kv = new MemoryKeyValueStore();

    @Override
    protected ChainStore open() {
        return KvChainStore.open(kv, "memory", CacheSizes.SMALL);
    }

    @Override
    protected KeyValueStore openRaw() {
        return kv;
    }

    @Test
    void create_newStoreIsEmpty() {
        try (ChainStore s = MemoryChainStore.create()) {
            assertThat(s.checkpoint(Chain.BITCOIN)).isEmpty();
            assertThat(s.txCount(Chain.BITCOIN)).isZero();
        }
    }
}
