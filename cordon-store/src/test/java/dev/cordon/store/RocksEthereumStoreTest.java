package dev.cordon.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cordon.core.account.EthereumSink;
import dev.cordon.core.account.EthereumSinkContractTest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RocksEthereumStoreTest extends EthereumSinkContractTest {
    @TempDir
    Path dir;
    private final List<ChainStore> opened = new ArrayList<>();

    @Override
    protected EthereumSink newSink() {
        ChainStore s = RocksChainStore.open(dir.resolve("s" + opened.size()), 8 << 20);
        opened.add(s);
        return s.ethereum();
    }

    @AfterEach
    void close() {
        opened.forEach(ChainStore::close);
    }

    @Test
    void reopen_keepsCheckpointAndRecentBlocks() {
        Path d = dir.resolve("reopen");
        try (ChainStore s = RocksChainStore.open(d, 8 << 20)) {
            for (long h = 3; h <= 6; h++) {
                s.ethereum().applyBlock(block(h, 0, 0));
            }
        }
        try (ChainStore s = RocksChainStore.open(d, 8 << 20)) {
            assertThat(s.ethereum().checkpoint()).contains(block(6, 0, 0).ref());
            assertThat(s.ethereum().recentBlocks(10)).hasSize(4);
            s.ethereum().applyBlock(block(7, 0, 0));
            assertThat(s.ethereum().transferCount()).isEqualTo(5);
        }
    }
}
