package dev.cordon.store;

import dev.cordon.core.account.EthereumSink;
import dev.cordon.core.account.EthereumSinkContractTest;

class MemoryEthereumStoreTest extends EthereumSinkContractTest {
    @Override
    protected EthereumSink newSink() {
        return MemoryChainStore.create().ethereum();
    }
}
